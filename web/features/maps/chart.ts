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

/** Height of one bar's row: room for its 12 px label, so ECharts need not skip every other one. */
const rowHeight = 22;

/**
 * A horizontal bar chart of a map's largest groups (largest on top): as many as the element has rows
 * for, so that every bar is named (ECharts skips labels that do not fit; the list beside the chart
 * holds every group); `data-bars` says how many. Clicking a bar calls onPick.
 */
export function drawBars(
  el: HTMLElement,
  bars: Bar[],
  {
    onPick,
    formatNumber,
    color,
  }: { onPick: (bar: Bar) => void; formatNumber: (n: number) => string; color: string },
) {
  const rows = Math.max(5, Math.floor((el.clientHeight - 48) / rowHeight));
  const shown = bars.slice(0, Math.min(25, rows)).reverse();
  el.dataset.bars = String(shown.length);
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
  chart.setOption(
    {
      textStyle: { fontFamily: fontStack },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: {
        type: 'category',
        data: shown.map((b) => b.label),
        axisLabel: { fontSize: 12, width: 160, overflow: 'truncate', interval: 0 },
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
