import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fontStack } from '../../graph/stylesheet.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  key: string | null;
  label: string;
  count: number;
}

/** A horizontal bar chart of a map's groups (largest on top); clicking a bar calls onPick. */
export function drawBars(
  el: HTMLElement,
  bars: Bar[],
  {
    onPick,
    formatNumber,
    color,
  }: { onPick: (bar: Bar) => void; formatNumber: (n: number) => string; color: string },
) {
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
  const shown = bars.slice(0, 25).reverse();
  chart.setOption(
    {
      textStyle: { fontFamily: fontStack },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: {
        type: 'category',
        data: shown.map((b) => b.label),
        axisLabel: { fontSize: 12, width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((b) => b.count),
          itemStyle: { color },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatNumber(p.value),
          },
          cursor: 'pointer',
        },
      ],
    },
    true,
  );
  chart.off('click');
  chart.on('click', (params) => {
    const bar = shown[params.dataIndex];
    if (bar) onPick(bar);
  });
  return chart;
}

export function disposeChart(el: HTMLElement) {
  echarts.getInstanceByDom(el)?.dispose();
}
