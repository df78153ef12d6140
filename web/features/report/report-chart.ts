import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fontStack } from '../../graph/stylesheet.ts';
import type { Bar } from './report-data.ts';

echarts.use([FunnelChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const chartOf = (el: HTMLElement) =>
  echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });

/** The funnel of stages reached, widest at the top, each labelled with its count. */
export function drawFunnel(el: HTMLElement, bars: Bar[], formatNumber: (n: number) => string) {
  const chart = chartOf(el);
  const max = Math.max(1, ...bars.map((b) => b.value));
  chart.setOption(
    {
      textStyle: { fontFamily: fontStack },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      color: ['#2f6690', '#3a7ca5', '#4a8fb8', '#5fa1c6', '#7ab3d1', '#96c4dc', '#b3d5e7'],
      series: [
        {
          type: 'funnel',
          sort: 'none',
          min: 0,
          max,
          left: '10%',
          width: '80%',
          gap: 2,
          label: {
            show: true,
            position: 'inside',
            formatter: (p: { name: string; value: number }) => `${p.name} ${formatNumber(p.value)}`,
          },
          data: bars.map((b) => ({ name: b.label, value: b.value })),
        },
      ],
    },
    true,
  );
  return chart;
}

/** Vertical bars: how many introductions are in each stage now. */
export function drawStageBars(el: HTMLElement, bars: Bar[], formatNumber: (n: number) => string) {
  const chart = chartOf(el);
  chart.setOption(
    {
      textStyle: { fontFamily: fontStack },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color: '#d08a3a' },
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number }) => formatNumber(p.value),
          },
        },
      ],
    },
    true,
  );
  return chart;
}
