import type { EdgeSingular, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary, EntityType } from '../../api/fragments.ts';
import type { SchemaType } from '../../api/graphql.ts';
import { request } from '../../app/api.ts';
import { lang, t } from '../../app/i18n.ts';
import { route } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { exportCsv, exportPng, exportSvg } from '../../graph/export.ts';
import { applyFilters, type GraphFilters, noFilters } from '../../graph/filters.ts';
import { createGraphView, type GraphView, type LayoutName } from '../../graph/graph-view.ts';
import {
  fanOutLimit,
  type GroupBy,
  groupings,
  groupPage,
  splitFanOut,
} from '../../graph/groups.ts';
import { Legend } from '../../graph/Legend.tsx';
import { edgeKindOf, edgeKinds, nodeKindOf, nodeKinds } from '../../graph/stylesheet.ts';
import { toElements } from '../../graph/to-elements.ts';
import { DetailsPanel } from '../details/DetailsPanel.tsx';
import { categoryLabels, label } from '../details/labels.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { type OpenedView, openSavedView } from '../views/open-view.ts';
import { Presenter } from '../views/Presenter.tsx';
import { SaveViewDialog } from '../views/SaveViewDialog.tsx';
import { fetchFacts } from './fan-out-facts.ts';
import { FanOuts, type GroupLabel } from './fan-outs.ts';
import { type Menu, NodeMenu } from './NodeMenu.tsx';
import {
  type HeldTie,
  maxLimit,
  nextLimit,
  openLimit,
  outsideAnswer,
  page,
  remainingAfter,
} from './paging.ts';
import { commonConnectionsQuery, type NeighborhoodFilter, neighborhoodQuery } from './queries.ts';

/** What the last load left out: the banner says it, and "More" and double-click fetch it. */
interface Truncation {
  around: string;
  name: string;
  remaining: number;
  byKind: { kind: string; count: number }[];
  filter: NeighborhoodFilter;
}

type PersonCategory = SchemaType<'PersonCategory'>;

const isGroup = (id: string | null) => !!id?.startsWith('group:');

const groupByKey = 'talentgraph.groupBy';
function initialGroupBy(): GroupBy {
  try {
    const stored = localStorage.getItem(groupByKey);
    if (groupings.includes(stored as GroupBy)) return stored as GroupBy;
  } catch {
    // Storage blocked: the default.
  }
  return 'city';
}

/** A group node's label in the current language ("武汉市 · 81", "其他 25 个城市 · 60"). */
function groupLabel(g: GroupLabel): string {
  const n = g.count;
  if (g.by === 'pending') {
    const kind = nodeKindOf(g.memberType);
    const type = kind ? (lang.value === 'zh' ? kind.label : kind.english) : g.memberType;
    return t('group.pending', { type, n });
  }
  if (g.key === '?') return t(`group.unknown.${g.by}`, { n });
  if (g.key === '*') return t(`group.other.${g.by}`, { k: g.name, n });
  return t(g.by === 'decade' ? 'group.decade' : 'group.named', { name: g.name, n });
}

/** The explorer: search, the graph, filters and legend on the left, details on the right. */
export function ExplorerView({ active }: { active: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const graphRef = useRef<GraphView | null>(null);
  const fanOutsRef = useRef<FanOuts | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [truncation, setTruncation] = useState<Truncation | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [filters, setFilters] = useState<GraphFilters>(noFilters);
  const [category, setCategory] = useState('');
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [groupBy, setGroupBy] = useState<GroupBy>(initialGroupBy);
  const [hasGraph, setHasGraph] = useState(false);
  const [hiddenCount, setHiddenCount] = useState(0);
  const [common, setCommon] = useState<{ name: string; count: number; id: string }[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [presenting, setPresenting] = useState<OpenedView | null>(null);
  const [version, setVersion] = useState(0);
  const busy = useRef(false);
  /** Group facts are fetched and groups redrawn one run at a time. */
  const grouping = useRef<Promise<void>>(Promise.resolve());
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const graph = () => {
    const view = graphRef.current;
    if (!view) throw new Error('the graph is not mounted');
    return view;
  };
  const fanOuts = () => {
    const groups = fanOutsRef.current;
    if (!groups) throw new Error('the graph is not mounted');
    return groups;
  };
  const nameOf = (id: string) => (graph().cy.getElementById(id).data('label') as string) ?? id;
  const changed = () => {
    applyFilters(graph().cy, filtersRef.current);
    graph().refreshLabels();
    setHiddenCount(graph().cy.nodes('.hidden').length);
    setVersion((v) => v + 1);
  };
  const serverFilter = (extra: NeighborhoodFilter = {}): NeighborhoodFilter | null => {
    const f = { ...(category ? { categories: [category as PersonCategory] } : {}), ...extra };
    return Object.keys(f).length ? f : null;
  };

  useEffect(() => {
    if (!container.current) return;
    const view = createGraphView(container.current, {
      webgl: true,
      onNodeTap: (id, additive) => {
        setMenu(null);
        setSelected(id);
        if (isGroup(id)) {
          const node = view.cy.getElementById(id);
          const kind = nodeKindOf(node.data('memberType'));
          status.value = t('group.selected', {
            n: node.data('count'),
            type: kind ? (lang.value === 'zh' ? kind.label : kind.english) : '',
          });
          return;
        }
        setCompare((prev) => (additive ? [...prev.filter((x) => x !== id), id].slice(-2) : [id]));
      },
      onNodeDoubleTap: (id) => void (isGroup(id) ? openGroup(id, groupPage) : expand(id)),
      onNodeMenu: (id, at) => {
        graphRef.current?.select(id);
        setSelected(id);
        setMenu({ id, x: at.x, y: at.y });
      },
      onBackgroundTap: () => {
        setMenu(null);
        setSelected(null);
        setCompare([]);
      },
    });
    graphRef.current = view;
    fanOutsRef.current = new FanOuts(view, groupLabel, groupBy);
    return () => view.destroy();
  }, []);

  useEffect(() => {
    if (active) graphRef.current?.cy.resize();
  }, [active]);

  useEffect(() => {
    if (graphRef.current) changed();
  }, [filters]);

  // Group labels are words: say them again in the new language.
  useEffect(() => {
    if (!fanOutsRef.current) return;
    fanOuts().relabel();
    graph().refreshLabels();
  }, [lang.value]);

  // Compared nodes carry a class, so the two are visible as a pair.
  useEffect(() => {
    const cy = graphRef.current?.cy;
    if (!cy) return;
    cy.nodes('.compare').removeClass('compare');
    for (const id of compare) cy.getElementById(id).addClass('compare');
  }, [compare]);

  // #/explore?view=… opens a saved view; ?open=Kind:ID opens an entity.
  const params = route.value.params;
  const viewParam = active ? params.get('view') : null;
  const openParam = active ? params.get('open') : null;
  const presentParam = active ? params.get('present') : null;
  useEffect(() => {
    if (!viewParam) return;
    setPresenting(null);
    void openSavedView(viewParam)
      .then(async (opened) => {
        const groups = fanOuts();
        groups.clear();
        graph().restore(opened.elements);
        const { style, viewport } = opened.graph;
        if (style?.layout) setLayout(style.layout);
        if (style?.groupBy) {
          setGroupBy(style.groupBy);
          groups.by = style.groupBy;
        }
        setFilters({
          ...noFilters,
          hiddenTypes: style?.hiddenTypes ?? [],
          hiddenTieKinds: style?.hiddenTieKinds ?? [],
        });
        setHasGraph(true);
        setTruncation(null);
        // Group nodes are made again from the members they held, then put where they were drawn.
        for (const f of opened.fanOuts) groups.add(f.hub, new Map([[f.type, f.members]]));
        if (opened.fanOuts.length) {
          await regroup();
          const cy = graph().cy;
          cy.batch(() => {
            for (const f of opened.fanOuts)
              cy.nodes('.group').forEach((node) => {
                const at = f.groups.get(node.data('key'));
                if (node.data('hub') === f.hub && node.data('memberType') === f.type && at)
                  node.position(at);
              });
          });
        }
        if (viewport)
          graph().cy.viewport({ zoom: viewport.zoom, pan: { x: viewport.x, y: viewport.y } });
        changed();
        const opened_ = t('views.opened', { title: opened.title, n: graph().cy.nodes().length });
        status.value = opened.dropped.length
          ? `${opened_} · ${t('views.dropped', { n: opened.dropped.length })}`
          : opened_;
        // A step's group node that is not made again (its members changed) is left out.
        const annotations = opened.annotations.map((a) => ({
          ...a,
          nodeIds: a.nodeIds.filter((id) => graph().has(id)),
        }));
        if (presentParam && annotations.length) setPresenting({ ...opened, annotations });
      })
      .catch((error: unknown) => {
        status.value = `${t('views.loadFailed')}: ${(error as Error).message}`;
      });
  }, [viewParam, presentParam]);
  useEffect(() => {
    if (openParam) void open({ id: openParam, name: openParam } as EntitySummary);
  }, [openParam]);

  /** The ties from `id` to neighbours the graph has, drawn or held in its groups. */
  function heldTies(id: string): HeldTie[] {
    const node = graph().cy.getElementById(id);
    const drawn: HeldTie[] = node.nonempty()
      ? node
          .connectedEdges()
          .filter((e: EdgeSingular) => !e.hasClass('group-tie'))
          .map((e: EdgeSingular) => {
            const other = e.source().id() === id ? e.target() : e.source();
            return {
              other: other.id(),
              type: other.data('type') as string,
              kind: e.data('kind') as string,
              derived: !!e.data('derived'),
            };
          })
      : [];
    return [...drawn, ...fanOuts().tiesAround(id)];
  }

  /** How many neighbours of `id` (of `type`) the graph has, drawn or grouped. */
  function heldCount(id: string, type?: string): number {
    const others = new Set(
      heldTies(id)
        .filter((tie) => !type || tie.type === type)
        .map((tie) => tie.other),
    );
    return others.size;
  }

  /** Fetches what grouping needs, then redraws the groups (queued: one run at a time). */
  function regroup(): Promise<void> {
    grouping.current = grouping.current.then(async () => {
      const groups = fanOuts();
      try {
        for (let missing = groups.missing(); missing.length; missing = groups.missing())
          await fetchFacts(missing, groups.by, groups.facts);
      } catch (error) {
        status.value = `${t('group.factsFailed')}: ${(error as Error).message}`;
      }
      const added = groups.sync();
      await Promise.all([...added].map(([hub, elements]) => graph().merge(elements, hub)));
      changed();
    });
    return grouping.current;
  }

  /**
   * Loads the neighbours of `id` (a new graph when `opened`, else added to this one): the next page
   * past those the graph has, big fan-outs held in group nodes. Says what came and what is left out,
   * in the status line and the banner, from the same numbers.
   */
  async function load(
    id: string,
    {
      opened,
      extra = {},
      nextLayout = layout,
    }: {
      opened?: EntitySummary;
      extra?: NeighborhoodFilter;
      nextLayout?: LayoutName;
    } = {},
  ) {
    const filter = serverFilter(extra) ?? {};
    const onlyKind = extra.kinds?.length === 1 ? extra.kinds[0] : undefined;
    const limit = opened ? openLimit : nextLimit(heldCount(id, onlyKind));
    const { neighborhood: hood } = await request(neighborhoodQuery, {
      ids: [id],
      depth: 1,
      limit,
      filter: Object.keys(filter).length ? filter : null,
    });
    const groups = fanOuts();
    const cy = graph().cy;
    const answer = new Set(hood.nodes.map((n) => n.id).filter((n) => n !== id));
    const outside = opened
      ? new Map<string, number>()
      : outsideAnswer(heldTies(id), answer, filter);
    if (opened) {
      groups.clear();
      cy.elements().remove();
    }
    const before = new Set([...graph().ids(), ...groups.heldIds()]);
    let elements = toElements(hood, { focusId: opened ? id : undefined, existing: before });
    // Members of other nodes' groups that this node is tied to are drawn on their own now; a new
    // tie to a member of this node's own groups is filed with that member.
    const pull = [...answer].filter((n) => {
      const hub = groups.hubOf(n);
      return hub !== undefined && hub !== id;
    });
    const pulled = groups.take(pull);
    elements = elements.filter((e) => {
      if (e.group !== 'edges') return true;
      for (const end of [e.data.source as string, e.data.target as string]) {
        if (groups.hubOf(end) === undefined) continue;
        groups.attach(end, e);
        return false;
      }
      return true;
    });
    elements.push(...pulled);
    const { drawn, members } = splitFanOut(elements, id, (type) =>
      opened ? 0 : heldCount(id, type),
    );
    groups.add(id, members);
    const groupElements = groups.sync(new Set([id]));
    const grouped = [...members.values()].reduce((sum, list) => sum + list.length, 0);
    const added = drawn.filter((e) => e.group === 'nodes' && e.data.id !== id).length + grouped;
    const remaining = remainingAfter(hood, outside);
    const name = hood.nodes.find((n) => n.id === id)?.name ?? opened?.name ?? nameOf(id);
    setTruncation(
      remaining.total
        ? { around: id, name, remaining: remaining.total, byKind: remaining.byKind, filter }
        : null,
    );
    const all = [...drawn, ...(groupElements.get(id) ?? [])];
    const others = [...groupElements].filter(([hub]) => hub !== id);
    let laidOut: Promise<unknown>;
    if (opened) {
      // Drawn when show() returns; its promise resolves once laid out.
      laidOut = graph().show(all, id, nextLayout);
    } else laidOut = graph().merge(all, id);
    for (const [hub, els] of others) void graph().merge(els, hub);
    changed();
    if (members.size) void regroup();
    const total = answer.size + hood.omittedNodes;
    // Entities on the graph: drawn, or held in a group.
    const drawnNodes = cy.nodes().not('.group').length + groups.size();
    if (opened) {
      status.value = [
        t('graph.loaded', { name, nodes: hood.nodes.length, edges: hood.edges.length }),
        ...(grouped ? [t('graph.grouped', { n: grouped })] : []),
        ...(remaining.total ? [t('graph.remaining', { n: remaining.total })] : []),
      ].join(' · ');
    } else if (added) {
      status.value = [
        t('graph.added', { name, n: added, total: drawnNodes }),
        ...(grouped ? [t('graph.grouped', { n: grouped })] : []),
        ...(remaining.total ? [t('graph.remaining', { n: remaining.total })] : []),
      ].join(' · ');
    } else if (remaining.total) {
      status.value = t('graph.capReached', { name, max: maxLimit, n: remaining.total });
    } else status.value = t('graph.allShown', { name, n: total });
    // For tests: a count of finished loads (the status line may say the same twice).
    const graphEl = container.current;
    if (graphEl) graphEl.dataset.loads = String(Number(graphEl.dataset.loads ?? 0) + 1);
    await laidOut;
  }

  async function open(entity: EntitySummary, nextLayout: LayoutName = layout) {
    status.value = t('graph.loading', { name: entity.name });
    setHasGraph(true);
    setCommon(null);
    try {
      await load(entity.id, {
        opened: entity,
        nextLayout,
      });
      setSelected(entity.id);
      setCompare([entity.id]);
    } catch (error) {
      status.value = `${t('graph.failed')}: ${(error as Error).message}`;
    }
  }

  async function expand(id: string, extra: NeighborhoodFilter = {}) {
    if (busy.current) return;
    busy.current = true;
    setMenu(null);
    status.value = t('graph.expanding', { name: nameOf(id) });
    try {
      await load(id, { extra });
    } catch (error) {
      status.value = `${t('graph.failed')}: ${(error as Error).message}`;
    } finally {
      busy.current = false;
    }
  }

  /** Draws the next `n` members of a group around where the group is; the group keeps the rest. */
  async function openGroup(groupNodeId: string, n: number) {
    setMenu(null);
    const elements = fanOuts().open(groupNodeId, n);
    if (!elements.length) return;
    const opened = elements.filter((e) => e.group === 'nodes').length;
    const laidOut = graph().merge(elements, groupNodeId);
    const added = fanOuts().sync();
    for (const [hub, els] of added) void graph().merge(els, hub);
    const left = Number(graph().cy.getElementById(groupNodeId).data('count') ?? 0);
    status.value = t('group.opened', { n: opened, left: graph().has(groupNodeId) ? left : 0 });
    changed();
    await laidOut;
    changed();
  }

  async function showCommon() {
    if (compare.length !== 2) return;
    const cy = graph().cy;
    try {
      const { commonConnections } = await request(commonConnectionsQuery, {
        ids: compare,
        first: 30,
      });
      const elements: ElementDefinition[] = [];
      const known = graph().ids();
      for (const c of commonConnections) {
        if (!known.has(c.entity.id)) {
          known.add(c.entity.id);
          elements.push(...toElements({ nodes: [c.entity], edges: [] }));
        }
        for (const tie of c.ties) {
          const id = `common:${tie.of}:${c.entity.id}:${tie.kind}`;
          if (known.has(id) || !known.has(tie.of)) continue;
          known.add(id);
          elements.push({
            group: 'edges',
            data: {
              id,
              source: tie.of,
              target: c.entity.id,
              kind: tie.kind,
              label: tie.label ?? edgeKindOf(tie.kind)?.label ?? tie.kind,
              derived: false,
            },
          });
        }
      }
      await graph().merge(elements, compare[0] ?? '');
      cy.batch(() => {
        cy.elements('.common').removeClass('common');
        for (const c of commonConnections) {
          const node = cy.getElementById(c.entity.id);
          node.addClass('common');
          node
            .connectedEdges()
            .filter((e) => compare.includes(e.source().id()) || compare.includes(e.target().id()))
            .addClass('common');
        }
      });
      changed();
      setCommon(
        commonConnections.map((c) => ({ id: c.entity.id, name: c.entity.name, count: c.count })),
      );
      status.value = t('toolbar.commonFound', { n: commonConnections.length });
    } catch (error) {
      status.value = `${t('graph.failed')}: ${(error as Error).message}`;
    }
  }

  function onGraphKey(event: KeyboardEvent) {
    const cy = graphRef.current?.cy;
    if (!cy || cy.nodes().empty()) return;
    const nodes = cy.nodes(':visible').sort((a, b) => a.position('x') - b.position('x'));
    const index = selected ? nodes.toArray().findIndex((n) => n.id() === selected) : -1;
    const pick = (i: number) => {
      const node = nodes[(i + nodes.length) % nodes.length];
      if (!node) return;
      graph().select(node.id());
      setSelected(node.id());
      setCompare([node.id()]);
    };
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') pick(index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') pick(index - 1);
    else if (event.key === 'Enter' && selected)
      void (isGroup(selected) ? openGroup(selected, groupPage) : expand(selected));
    else if ((event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) && selected) {
      const at = cy.getElementById(selected).renderedPosition();
      setMenu({ id: selected, x: at.x, y: at.y });
    } else return;
    event.preventDefault();
  }

  const selectedNode = selected && graphRef.current ? graph().cy.getElementById(selected) : null;
  const drawn = (type: string) =>
    graphRef.current
      ? graph()
          .cy.nodes(`[type = "${type}"]`)
          .map((n) => ({ id: n.id(), name: n.data('label') as string }))
      : [];
  void version;

  return (
    <main class="layout" hidden={!active} id="explorer">
      <aside class="sidebar">
        <SearchBox id="search" label={t('search.label')} autoFocus onChoose={(e) => void open(e)} />
        <details class="filters" open>
          <summary>{t('filters.title')}</summary>
          <fieldset>
            <legend>{t('filters.types')}</legend>
            {nodeKinds.map((k) => (
              <label key={k.type} class="check">
                <input
                  type="checkbox"
                  name="type"
                  value={k.type}
                  checked={!filters.hiddenTypes.includes(k.type)}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    setFilters({
                      ...filters,
                      hiddenTypes: on
                        ? filters.hiddenTypes.filter((x) => x !== k.type)
                        : [...filters.hiddenTypes, k.type],
                    });
                  }}
                />
                <span class="swatch" style={{ background: k.color }} />
                {lang.value === 'zh' ? k.label : k.english}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.ties')}</legend>
            {edgeKinds.map((k) => (
              <label key={k.kind} class="check">
                <input
                  type="checkbox"
                  name="tie"
                  value={k.kind}
                  checked={!filters.hiddenTieKinds.includes(k.kind)}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    setFilters({
                      ...filters,
                      hiddenTieKinds: on
                        ? filters.hiddenTieKinds.filter((x) => x !== k.kind)
                        : [...filters.hiddenTieKinds, k.kind],
                    });
                  }}
                />
                {lang.value === 'zh' ? k.label : k.english}
              </label>
            ))}
          </fieldset>
          <label class="field-label" for="filter-category">
            {t('filters.category')}
          </label>
          <select
            id="filter-category"
            value={category}
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('filters.any')}</option>
            {Object.keys(categoryLabels).map((c) => (
              <option key={c} value={c}>
                {label(categoryLabels, c)}
              </option>
            ))}
          </select>
          {(['Field', 'Place'] as const).map((type) => (
            <div key={type}>
              <label class="field-label" for={`filter-${type}`}>
                {t(type === 'Field' ? 'filters.field' : 'filters.place')}
              </label>
              <select
                id={`filter-${type}`}
                value={
                  filters.near && drawn(type).some((n) => n.id === filters.near) ? filters.near : ''
                }
                onChange={(e) =>
                  setFilters({ ...filters, near: (e.target as HTMLSelectElement).value || null })
                }
              >
                <option value="">{t('filters.any')}</option>
                {drawn(type).map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button
            type="button"
            class="button small"
            onClick={() => {
              setFilters(noFilters);
              setCategory('');
            }}
          >
            {t('filters.reset')}
          </button>
        </details>
        <Legend />
      </aside>
      <section class="graph-wrap" aria-label={t('graph.label')}>
        <div class="toolbar" role="toolbar" aria-label={t('graph.label')}>
          <label class="inline">
            {t('layout.label')}{' '}
            <select
              id="layout"
              value={layout}
              onChange={(e) => {
                const next = (e.target as HTMLSelectElement).value as LayoutName;
                setLayout(next);
                void graph().relayout(next);
              }}
            >
              <option value="fcose">{t('layout.fcose')}</option>
              <option value="concentric">{t('layout.concentric')}</option>
              <option value="breadthfirst">{t('layout.breadthfirst')}</option>
            </select>
          </label>
          <label class="inline" title={t('groups.hint', { n: fanOutLimit })}>
            {t('groups.label')}{' '}
            <select
              id="group-by"
              value={groupBy}
              onChange={(e) => {
                const next = (e.target as HTMLSelectElement).value as GroupBy;
                setGroupBy(next);
                try {
                  localStorage.setItem(groupByKey, next);
                } catch {
                  // Not remembered, still applied.
                }
                fanOuts().by = next;
                void regroup();
              }}
            >
              {groupings.map((g) => (
                <option key={g} value={g}>
                  {t(`groups.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="button"
            onClick={() =>
              graph().cy.animate({ fit: { eles: graph().cy.elements(':visible'), padding: 40 } })
            }
          >
            {t('toolbar.fit')}
          </button>
          <button
            type="button"
            class="button"
            id="common-button"
            disabled={compare.length !== 2}
            title={t('toolbar.commonHint')}
            onClick={() => void showCommon()}
          >
            {t('toolbar.common')}
            {compare.length === 2 ? ` (${compare.map(nameOf).join(' · ')})` : ''}
          </button>
          {hiddenCount > 0 && (
            <button
              type="button"
              class="button"
              onClick={() => {
                graph().showHidden();
                changed();
              }}
            >
              {t('toolbar.showHidden', { n: hiddenCount })}
            </button>
          )}
          <span class="spacer" />
          <button
            type="button"
            class="button"
            id="export-png"
            disabled={!hasGraph}
            onClick={() => exportPng(graph().cy)}
          >
            {t('export.png')}
          </button>
          <button
            type="button"
            class="button"
            id="export-svg"
            disabled={!hasGraph}
            onClick={() => exportSvg(graph().cy)}
          >
            {t('export.svg')}
          </button>
          <button
            type="button"
            class="button"
            id="export-csv"
            disabled={!hasGraph}
            onClick={() => exportCsv(graph().cy)}
          >
            {t('export.csv')}
          </button>
          <button
            type="button"
            class="button primary"
            id="save-view"
            disabled={!hasGraph}
            onClick={() => setSaving(true)}
          >
            {t('views.save')}
          </button>
        </div>
        <div class="canvas-wrap">
          <div
            id="graph"
            class="graph"
            ref={container}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, Enter and the menu key
            tabIndex={0}
            role="application"
            aria-label={`${t('graph.label')} · ${selectedNode?.nonempty() ? selectedNode.data('label') : ''}`}
            aria-describedby="graph-keys"
            onKeyDown={onGraphKey}
          />
          <p id="graph-keys" hidden>
            {t('graph.keys')}
          </p>
          {!hasGraph && (
            <p id="empty-graph" class="empty-graph muted">
              {t('graph.empty')}
            </p>
          )}
          {truncation && (
            <div id="notice" class="notice" role="note" title={t('graph.truncatedHow')}>
              <span id="notice-text" data-remaining={truncation.remaining}>
                {t('graph.truncated', { name: truncation.name, n: truncation.remaining })}
              </span>
              <button
                type="button"
                class="link"
                data-action="more"
                onClick={() => void expand(truncation.around, truncation.filter)}
              >
                {t('graph.more', { n: Math.min(truncation.remaining, page) })}
              </button>
              {truncation.byKind.map((k) => {
                const kind = nodeKindOf(k.kind);
                return (
                  <button
                    type="button"
                    key={k.kind}
                    class="link"
                    data-kind={k.kind}
                    onClick={() =>
                      void expand(truncation.around, {
                        ...truncation.filter,
                        kinds: [k.kind as never],
                      })
                    }
                  >
                    +{kind ? (lang.value === 'zh' ? kind.label : kind.english) : k.kind} {k.count}
                  </button>
                );
              })}
              <span class="muted small">{t('graph.truncatedHow')}</span>
            </div>
          )}
          {common && (
            <section class="common-list" aria-label={t('toolbar.common')}>
              <header>
                <strong>{t('toolbar.commonFound', { n: common.length })}</strong>
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    setCommon(null);
                    graph().cy.elements('.common').removeClass('common');
                  }}
                >
                  {t('close')}
                </button>
              </header>
              <ol>
                {common.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      class="link"
                      onClick={() => {
                        graph().select(c.id);
                        setSelected(c.id);
                      }}
                    >
                      {c.name}
                    </button>{' '}
                    <span class="muted">×{c.count}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {menu && (
            <NodeMenu
              menu={menu}
              graph={graph()}
              onClose={() => setMenu(null)}
              onExpand={(kind) =>
                void expand(
                  menu.id,
                  kind ? (kind === 'DERIVED_TIE' ? { derived: true } : { tieKinds: [kind] }) : {},
                )
              }
              onOpenGroup={(n) => void openGroup(menu.id, n)}
              onCollapse={() => {
                graph().collapse(menu.id);
                fanOuts().drop(menu.id);
                changed();
              }}
              onChanged={changed}
              onDetails={() => setSelected(menu.id)}
            />
          )}
          {saving && (
            <SaveViewDialog
              cy={graph().cy}
              fanOuts={fanOuts()}
              style={{
                layout,
                hiddenTypes: filters.hiddenTypes as EntityType[],
                hiddenTieKinds: filters.hiddenTieKinds,
                groupBy,
              }}
              selected={compare}
              onClose={() => setSaving(false)}
            />
          )}
          {presenting && (
            <Presenter
              cy={graph().cy}
              title={presenting.title}
              steps={presenting.annotations}
              onClose={() => setPresenting(null)}
            />
          )}
        </div>
      </section>
      <DetailsPanel
        id={isGroup(selected) ? null : selected}
        onOpen={(entity) => {
          if (graph().has(entity.id)) {
            graph().select(entity.id);
            setSelected(entity.id);
          } else void open(entity);
        }}
      />
    </main>
  );
}
