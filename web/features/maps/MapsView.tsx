import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { displayName, type EnumKind, enumText, fmtNumber, lang, t } from '../../app/i18n.ts';
import { nodeKindOf } from '../../graph/stylesheet.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { drillFilter, type MapMode } from './drill.ts';
import { loadPeopleMap } from './load-map.ts';
import {
  type FacetCount,
  type MapGroup,
  type MapGrouping,
  type PeopleMap,
  type PersonRow,
  peopleQuery,
} from './queries.ts';
import { RegionMap } from './RegionMap.tsx';
import { type MapScope, type Region, scopeGrouping } from './regions.ts';

const groupings: MapGrouping[] = [
  'COUNTRY',
  'PROVINCE',
  'CITY',
  'EMPLOYER',
  'FIELD',
  'DECADE',
  'CATEGORY',
];

/**
 * A group's name in the UI language: a category in words, a place by its Latin name in English, the
 * group without one as "unknown".
 */
function groupText(by: MapGrouping, group: MapGroup): string {
  if (by === 'CATEGORY') return enumText('category', group.label);
  // The group of people with no such place or employer: the server's label is bilingual.
  if (!group.key) return t('maps.unknown');
  return displayName({ name: group.label, latinName: group.latinName });
}

interface Drill {
  group: MapGroup;
  /** The grouping the group is of (the bars' grouping, or the map's COUNTRY / PROVINCE). */
  by: MapGrouping;
  total: number;
  rows: PersonRow[];
  after: string | null;
  hasNext: boolean;
  facets: Record<'categories' | 'cities' | 'fields' | 'levels', FacetCount[]>;
}

/**
 * Alumni of an organisation and natives of a place on a world or China map and, beside it, as bars of
 * the chosen grouping; a region or a bar drills into its people.
 */
export function MapsView() {
  const [mode, setMode] = useState<MapMode>('alumni');
  const [subject, setSubject] = useState<EntitySummary | null>(null);
  const [groupBy, setGroupBy] = useState<MapGrouping>('CITY');
  const [map, setMap] = useState<PeopleMap | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'shown' | 'error'>('idle');
  const [error, setError] = useState('');
  const [drill, setDrill] = useState<Drill | null>(null);
  const [scope, setScope] = useState<MapScope>('world');
  const chartEl = useRef<HTMLDivElement>(null);
  const color = nodeKindOf(mode === 'alumni' ? 'Organization' : 'Place')?.color ?? '#d08a3a';
  /** Nobody to draw: the organisation has no alumni, or the place no natives living elsewhere. */
  const empty = state === 'shown' && map?.total === 0;
  const language = lang.value;

  useEffect(() => {
    if (!subject) return;
    const controller = new AbortController();
    setState('loading');
    setDrill(null);
    loadPeopleMap(mode, subject.id, groupBy, controller.signal).then(
      (next) => {
        setMap(next);
        setState('shown');
      },
      (e: Error) => {
        if (controller.signal.aborted) return;
        setError(e.message);
        setState('error');
      },
    );
    return () => controller.abort();
  }, [subject?.id, groupBy, mode]);

  useEffect(() => {
    if (!chartEl.current || !map || state !== 'shown' || empty) return;
    let disposed = false;
    const el = chartEl.current;
    void import('./chart.ts').then(({ drawBars }) => {
      if (disposed) return;
      const groups = map.groups.map((g) => ({ ...g, label: groupText(groupBy, g) }));
      drawBars(el, groups, {
        onPick: (bar) => {
          const group = map.groups[groups.indexOf(bar as MapGroup)];
          if (group) void openGroup(group);
        },
        formatNumber: (n) => fmtNumber(n),
        color,
      });
      el.dataset.state = 'drawn';
    });
    return () => {
      disposed = true;
    };
  }, [map, state, language]);

  useEffect(() => {
    const el = chartEl.current;
    return () => {
      if (el) void import('./chart.ts').then(({ disposeChart }) => disposeChart(el));
    };
  }, []);

  async function openGroup(group: MapGroup, after: string | null = null, by = groupBy) {
    if (!subject || !group.key) return;
    const filter = drillFilter(mode, subject.id, by, group.key);
    const { people, peopleFacets } = await request(peopleQuery, { filter, first: 50, after });
    setDrill((prev) => ({
      group,
      by,
      total: people.totalCount,
      rows: [...(after && prev ? prev.rows : []), ...people.edges.map((e) => e.node)],
      after: people.pageInfo.endCursor,
      hasNext: people.pageInfo.hasNextPage,
      facets: peopleFacets,
    }));
  }

  function pickRegion(region: Region<MapGroup>) {
    // The world map's China opens China's map; its people are listed meanwhile.
    if (scope === 'world' && region.code === 'CN') setScope('china');
    void openGroup(region.group, null, scopeGrouping[scope]);
  }

  return (
    <main class="layout maps" id="maps">
      <aside class="sidebar">
        <h2>{t('maps.title')}</h2>
        <div class="segmented" role="radiogroup" aria-label={t('maps.title')}>
          {(['alumni', 'natives'] as const).map((m) => (
            <label key={m} class={mode === m ? 'on' : undefined}>
              <input
                type="radio"
                name="map-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setSubject(null);
                  setMap(null);
                  setState('idle');
                }}
              />
              {t(m === 'alumni' ? 'maps.alumni' : 'maps.natives')}
            </label>
          ))}
        </div>
        <SearchBox
          key={mode}
          id="map-subject"
          label={t(mode === 'alumni' ? 'maps.org' : 'maps.place')}
          types={[mode === 'alumni' ? 'Organization' : 'Place']}
          clearOnChoose
          onChoose={setSubject}
        />
        {subject && (
          <p class="chips">
            <span class="chip" id="map-chosen">
              {subject.name}
            </span>
          </p>
        )}
        <label class="field-label" for="map-group">
          {t('maps.groupBy')}
        </label>
        <select
          id="map-group"
          value={groupBy}
          onChange={(e) => setGroupBy((e.target as HTMLSelectElement).value as MapGrouping)}
        >
          {groupings.map((g) => (
            <option key={g} value={g}>
              {t(`group.${g}`)}
            </option>
          ))}
        </select>
        {map && state === 'shown' && !empty && (
          <>
            <p id="map-total">{t('maps.total', { n: map.total })}</p>
            <ul class="group-list" id="map-groups">
              {map.groups.map((g) => (
                <li key={g.key ?? g.label}>
                  <button
                    type="button"
                    class={`link${drill?.by === groupBy && drill.group.key === g.key ? ' chosen' : ''}`}
                    disabled={!g.key}
                    data-key={g.key ?? ''}
                    onClick={() => void openGroup(g)}
                  >
                    {groupText(groupBy, g)}
                  </button>
                  <span class="count">{fmtNumber(g.count)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
      <section class="map-main" aria-label={t('maps.title')}>
        {!subject && <p class="muted empty-graph">{t('maps.pick')}</p>}
        {state === 'error' && <p class="error">{error}</p>}
        {empty && subject && (
          <p class="empty-graph" id="map-empty" role="status">
            {t(mode === 'alumni' ? 'maps.noAlumni' : 'maps.noNatives', { name: subject.name })}
          </p>
        )}
        <div class="map-stack" hidden={!subject || empty}>
          {subject && !empty && (
            <RegionMap
              mode={mode}
              subject={subject.id}
              scope={scope}
              onScope={setScope}
              onPick={pickRegion}
              color={color}
            />
          )}
          <div id="map-chart" class="chart bars" ref={chartEl} data-state="empty" />
        </div>
      </section>
      <aside
        class="details"
        id="drill"
        aria-label={drill ? groupText(drill.by, drill.group) : t('maps.title')}
        data-key={drill?.group.key ?? ''}
        data-state={drill ? 'shown' : 'empty'}
      >
        {drill && (
          <>
            <h3>{t('maps.people', { label: groupText(drill.by, drill.group), n: drill.total })}</h3>
            <ul class="people-list" id="drill-people">
              {drill.rows.map((p) => (
                <li key={p.id} data-id={p.id}>
                  <a href={`#/explore?open=${encodeURIComponent(p.id)}`}>{p.name}</a>
                  {p.latinName && <span class="muted small"> {p.latinName}</span>}
                  <div class="muted small">
                    {[p.title, p.location?.name, p.birthYear].filter(Boolean).join(' · ')}
                  </div>
                </li>
              ))}
            </ul>
            {drill.hasNext && (
              <button
                type="button"
                class="button small"
                onClick={() => void openGroup(drill.group, drill.after, drill.by)}
              >
                {t('maps.more')}
              </button>
            )}
            <h4>{t('maps.facets')}</h4>
            <Facet title={t('filters.category')} items={drill.facets.categories} kind="category" />
            <Facet title={t('group.CITY')} items={drill.facets.cities} />
            <Facet title={t('group.FIELD')} items={drill.facets.fields} />
          </>
        )}
      </aside>
    </main>
  );
}

function Facet({ title, items, kind }: { title: string; items: FacetCount[]; kind?: EnumKind }) {
  if (!items.length) return null;
  return (
    <div class="facet">
      <strong class="small">{title}</strong>
      <ul class="chips">
        {items.slice(0, 8).map((f) => (
          <li class="chip" key={f.value}>
            {kind ? enumText(kind, f.value) : f.label} {fmtNumber(f.count)}
          </li>
        ))}
      </ul>
    </div>
  );
}
