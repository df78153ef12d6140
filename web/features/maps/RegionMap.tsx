import { useEffect, useRef, useState } from 'preact/hooks';
import { displayName, fmtNumber, lang, t } from '../../app/i18n.ts';
import type { MapMode } from './drill.ts';
import { loadPeopleMap } from './load-map.ts';
import type { MapGroup, PeopleMap } from './queries.ts';
import { type MapScope, mapRegions, type Region, regionName, scopeGrouping } from './regions.ts';

interface Props {
  mode: MapMode;
  subject: string;
  scope: MapScope;
  onScope: (scope: MapScope) => void;
  /** A region with people was clicked: its group of the scope's grouping (COUNTRY or PROVINCE). */
  onPick: (region: Region<MapGroup>) => void;
  color: string;
}

/**
 * The world map (people per country) or China's map (per province) of an alumni or natives map,
 * drawn with ECharts from map data loaded on first use; a region is clicked to drill into it.
 */
export function RegionMap({ mode, subject, scope, onScope, onPick, color }: Props) {
  const [map, setMap] = useState<PeopleMap | null>(null);
  const [error, setError] = useState('');
  const el = useRef<HTMLDivElement>(null);
  const language = lang.value;

  useEffect(() => {
    const controller = new AbortController();
    setMap(null);
    setError('');
    if (el.current) el.current.dataset.state = 'loading';
    loadPeopleMap(mode, subject, scopeGrouping[scope], controller.signal).then(
      setMap,
      (e: Error) => {
        if (!controller.signal.aborted) setError(e.message);
      },
    );
    return () => controller.abort();
  }, [mode, subject, scope]);

  const { regions, offMap } = map ? mapRegions(scope, map.groups) : { regions: [], offMap: 0 };

  useEffect(() => {
    const node = el.current;
    if (!node || !map) return;
    let stale = false;
    void import('./geo-chart.ts').then(async ({ drawRegionMap }) => {
      if (stale) return;
      await drawRegionMap(node, scope, {
        regions,
        // A region with people by its place's name in the graph; the others as the map package has it.
        nameOf: (code, packageName) => {
          const group = regions.find((r) => r.code === code)?.group;
          return group
            ? displayName({ name: group.label, latinName: group.latinName })
            : regionName(scope, code, language, packageName);
        },
        onPick,
        formatNumber: (n) => fmtNumber(n),
        color,
      });
      if (stale) return;
      node.dataset.state = 'drawn';
      node.dataset.scope = scope;
    });
    return () => {
      stale = true;
    };
  }, [map, language]);

  useEffect(() => {
    const node = el.current;
    return () => {
      if (node)
        void import('./geo-chart.ts').then(({ disposeRegionMap }) => disposeRegionMap(node));
    };
  }, []);

  return (
    <div class="region-map">
      <div class="segmented" role="radiogroup" aria-label={t('maps.scope')}>
        {(['world', 'china'] as const).map((s) => (
          <label key={s} class={scope === s ? 'on' : undefined}>
            <input
              type="radio"
              name="map-scope"
              value={s}
              checked={scope === s}
              onChange={() => onScope(s)}
            />
            {t(s === 'world' ? 'maps.world' : 'maps.china')}
          </label>
        ))}
      </div>
      {error && <p class="error">{error}</p>}
      <div id="map-geo" class="chart geo" ref={el} data-state="loading" />
      {map && (
        <p class="muted small" id="map-geo-note">
          {regions.length ? t('maps.clickRegion') : t('maps.noRegion')}
          {offMap > 0 &&
            ` ${t(scope === 'world' ? 'maps.offWorld' : 'maps.offChina', { n: offMap })}`}
        </p>
      )}
    </div>
  );
}
