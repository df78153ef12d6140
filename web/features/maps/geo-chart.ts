import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fontStack } from '../../graph/stylesheet.ts';
import { loadGeo } from './geo-data.ts';
import type { MapScope, Region, RegionGroup } from './regions.ts';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** The region map's ECharts instance (tests find a region's screen position with it). */
    __geoChart?: echarts.EChartsType;
  }
}

export interface RegionMapOptions<G extends RegionGroup> {
  regions: Region<G>[];
  /** A region's name in the UI language, from its code and the map package's Chinese name. */
  nameOf: (code: string, packageName: string) => string;
  onPick: (region: Region<G>) => void;
  formatNumber: (n: number) => string;
  color: string;
}

/**
 * Draws the world or China map with each region shaded by its number of people (a region without
 * people stays grey); clicking a region with people calls onPick. Loads the shapes on first use.
 */
export async function drawRegionMap<G extends RegionGroup>(
  el: HTMLElement,
  scope: MapScope,
  { regions, nameOf, onPick, formatNumber, color }: RegionMapOptions<G>,
) {
  const { geo, names } = await loadGeo(scope);
  if (!echarts.getMap(scope)) echarts.registerMap(scope, geo as never);
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const max = Math.max(1, ...regions.map((r) => r.count));
  chart.setOption(
    {
      textStyle: { fontFamily: fontStack },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const name = nameOf(p.name, names[p.name] ?? '');
          const region = byCode.get(p.name);
          return region ? `${name}: ${formatNumber(region.count)}` : name;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        left: 8,
        bottom: 8,
        itemHeight: 80,
        calculable: false,
        inRange: { color: ['#f2ede4', color] },
        formatter: (v: number) => formatNumber(Math.round(v)),
      },
      series: [
        {
          type: 'map',
          map: scope,
          roam: true,
          selectedMode: false,
          itemStyle: { areaColor: '#e4e7ec', borderColor: '#fff', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f5c26b' } },
          label: { show: false },
          data: regions.map((r) => ({ name: r.code, value: r.count })),
        },
      ],
    },
    true,
  );
  chart.off('click');
  chart.on('click', (params) => {
    const region = byCode.get(params.name);
    if (region) onPick(region);
  });
  window.__geoChart = chart;
  return chart;
}

export function disposeRegionMap(el: HTMLElement) {
  const chart = echarts.getInstanceByDom(el);
  if (window.__geoChart === chart) window.__geoChart = undefined;
  chart?.dispose();
}
