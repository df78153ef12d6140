import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { type EnumKind, enumText, fmtNumber, t } from '../../app/i18n.ts';
import { nodeKindOf } from '../../graph/stylesheet.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { drillFilter, type MapMode } from './drill.ts';
import {
  alumniMapQuery,
  type FacetCount,
  type MapGroup,
  type MapGrouping,
  nativesMapQuery,
  type PeopleMap,
  type PersonRow,
  peopleQuery,
} from './queries.ts';

const groupings: MapGrouping[] = [
  'COUNTRY',
  'PROVINCE',
  'CITY',
  'EMPLOYER',
  'FIELD',
  'DECADE',
  'CATEGORY',
];

interface Drill {
  group: MapGroup;
  total: number;
  rows: PersonRow[];
  after: string | null;
  hasNext: boolean;
  facets: Record<'categories' | 'cities' | 'fields' | 'levels', FacetCount[]>;
}

/** Alumni of an organisation and natives of a place, grouped, as ECharts bars; drill into a group. */
export function MapsView() {
  const [mode, setMode] = useState<MapMode>('alumni');
  const [subject, setSubject] = useState<EntitySummary | null>(null);
  const [groupBy, setGroupBy] = useState<MapGrouping>('CITY');
  const [map, setMap] = useState<PeopleMap | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'shown' | 'error'>('idle');
  const [error, setError] = useState('');
  const [drill, setDrill] = useState<Drill | null>(null);
  const chartEl = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!subject) return;
    const controller = new AbortController();
    setState('loading');
    setDrill(null);
    const load =
      mode === 'alumni'
        ? request(alumniMapQuery, { organization: subject.id, groupBy }, controller.signal)
        : request(nativesMapQuery, { place: subject.id, groupBy }, controller.signal);
    load.then(
      ({ map: next }) => {
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
    if (!chartEl.current || !map || state !== 'shown') return;
    let disposed = false;
    const el = chartEl.current;
    void import('./chart.ts').then(({ drawBars }) => {
      if (disposed) return;
      drawBars(el, map.groups, {
        onPick: (bar) => void openGroup(bar as MapGroup),
        formatNumber: (n) => fmtNumber(n),
        color: nodeKindOf(mode === 'alumni' ? 'Organization' : 'Place')?.color ?? '#d08a3a',
      });
      el.dataset.state = 'drawn';
    });
    return () => {
      disposed = true;
    };
  }, [map, state]);

  useEffect(() => {
    const el = chartEl.current;
    return () => {
      if (el) void import('./chart.ts').then(({ disposeChart }) => disposeChart(el));
    };
  }, []);

  async function openGroup(group: MapGroup, after: string | null = null) {
    if (!subject || !group.key) return;
    const filter = drillFilter(mode, subject.id, groupBy, group.key);
    const { people, peopleFacets } = await request(peopleQuery, { filter, first: 50, after });
    setDrill((prev) => ({
      group,
      total: people.totalCount,
      rows: [...(after && prev ? prev.rows : []), ...people.edges.map((e) => e.node)],
      after: people.pageInfo.endCursor,
      hasNext: people.pageInfo.hasNextPage,
      facets: peopleFacets,
    }));
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
        {map && state === 'shown' && (
          <>
            <p id="map-total">{t('maps.total', { n: map.total })}</p>
            <ul class="group-list" id="map-groups">
              {map.groups.map((g) => (
                <li key={g.key ?? g.label}>
                  <button
                    type="button"
                    class={`link${drill?.group.key === g.key ? ' chosen' : ''}`}
                    disabled={!g.key}
                    data-key={g.key ?? ''}
                    onClick={() => void openGroup(g)}
                  >
                    {groupBy === 'CATEGORY' ? enumText('category', g.label) : g.label}
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
        <div id="map-chart" class="chart" ref={chartEl} data-state="empty" hidden={!subject} />
      </section>
      <aside
        class="details"
        id="drill"
        aria-label={drill ? drill.group.label : t('maps.title')}
        data-state={drill ? 'shown' : 'empty'}
      >
        {drill && (
          <>
            <h3>
              {t('maps.people', {
                label:
                  groupBy === 'CATEGORY'
                    ? enumText('category', drill.group.label)
                    : drill.group.label,
                n: drill.total,
              })}
            </h3>
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
                onClick={() => void openGroup(drill.group, drill.after)}
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
