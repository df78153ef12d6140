import type { ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary } from '../../api/fragments.ts';
import type { SchemaType } from '../../api/graphql.ts';
import { request } from '../../app/api.ts';
import { lang, t } from '../../app/i18n.ts';
import { navigate, route } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { exportCsv, exportPng, exportSvg } from '../../graph/export.ts';
import { applyFilters, type GraphFilters, noFilters } from '../../graph/filters.ts';
import { createGraphView, type GraphView, type LayoutName } from '../../graph/graph-view.ts';
import { Legend } from '../../graph/Legend.tsx';
import { edgeKindOf, edgeKinds, nodeKindOf, nodeKinds } from '../../graph/stylesheet.ts';
import { toElements } from '../../graph/to-elements.ts';
import { DetailsPanel } from '../details/DetailsPanel.tsx';
import { categoryLabels, label, tieKindText } from '../details/labels.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { type OpenedView, openSavedView } from '../views/open-view.ts';
import { Presenter } from '../views/Presenter.tsx';
import { SaveViewDialog } from '../views/SaveViewDialog.tsx';
import {
  commonConnectionsQuery,
  type Neighborhood,
  type NeighborhoodFilter,
  neighborhoodQuery,
} from './queries.ts';

interface Truncation {
  around: string;
  omitted: number;
  byKind: { kind: string; count: number }[];
  filter: NeighborhoodFilter;
}

interface Menu {
  id: string;
  x: number;
  y: number;
}

type TieKind = SchemaType<'TieKind'>;
type PersonCategory = SchemaType<'PersonCategory'>;

const menuKinds = [
  'KNOWS',
  'WORKED_AT',
  'STUDIED_AT',
  'MEMBER_OF',
  'EXPERT_IN',
  'BORN_IN',
  'LIVES_IN',
  'LEADS',
] as const satisfies readonly TieKind[];

/** The explorer: search, the graph, filters and legend on the left, details on the right. */
export function ExplorerView({ active }: { active: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const graphRef = useRef<GraphView | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [truncation, setTruncation] = useState<Truncation | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [filters, setFilters] = useState<GraphFilters>(noFilters);
  const [category, setCategory] = useState('');
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [hasGraph, setHasGraph] = useState(false);
  const [hiddenCount, setHiddenCount] = useState(0);
  const [common, setCommon] = useState<{ name: string; count: number; id: string }[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [presenting, setPresenting] = useState<OpenedView | null>(null);
  const [version, setVersion] = useState(0);
  const busy = useRef(false);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const graph = () => {
    const view = graphRef.current;
    if (!view) throw new Error('the graph is not mounted');
    return view;
  };
  const nameOf = (id: string) => (graph().cy.getElementById(id).data('label') as string) ?? id;
  const changed = () => {
    applyFilters(graph().cy, filtersRef.current);
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
      onNodeTap: (id, additive) => {
        setMenu(null);
        setSelected(id);
        setCompare((prev) => (additive ? [...prev.filter((x) => x !== id), id].slice(-2) : [id]));
      },
      onNodeDoubleTap: (id) => void expand(id),
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
    return () => view.destroy();
  }, []);

  useEffect(() => {
    if (active) graphRef.current?.cy.resize();
  }, [active]);

  useEffect(() => {
    if (graphRef.current) changed();
  }, [filters]);

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
    void openSavedView(viewParam).then(
      (opened) => {
        graph().restore(opened.elements);
        const { style, viewport } = opened.graph;
        if (style?.layout) setLayout(style.layout);
        setFilters({
          ...noFilters,
          hiddenTypes: style?.hiddenTypes ?? [],
          hiddenTieKinds: style?.hiddenTieKinds ?? [],
        });
        if (viewport)
          graph().cy.viewport({ zoom: viewport.zoom, pan: { x: viewport.x, y: viewport.y } });
        setHasGraph(true);
        setTruncation(null);
        changed();
        const opened_ = t('views.opened', { title: opened.title, n: graph().cy.nodes().length });
        status.value = opened.dropped.length
          ? `${opened_} · ${t('views.dropped', { n: opened.dropped.length })}`
          : opened_;
        if (presentParam && opened.annotations.length) setPresenting(opened);
      },
      (error) => {
        status.value = `${t('views.loadFailed')}: ${(error as Error).message}`;
      },
    );
  }, [viewParam, presentParam]);
  useEffect(() => {
    if (openParam) void open({ id: openParam, name: openParam } as EntitySummary);
  }, [openParam]);

  function noteTruncation(around: string, hood: Neighborhood, filter: NeighborhoodFilter) {
    setTruncation(
      hood.truncated
        ? { around, omitted: hood.omittedNodes, byKind: hood.omittedByKind, filter }
        : null,
    );
  }

  async function open(entity: EntitySummary, nextLayout: LayoutName = layout) {
    status.value = t('graph.loading', { name: entity.name });
    setHasGraph(true);
    setCommon(null);
    try {
      const filter = serverFilter();
      const { neighborhood } = await request(neighborhoodQuery, {
        ids: [entity.id],
        depth: 1,
        limit: 150,
        filter,
      });
      noteTruncation(entity.id, neighborhood, filter ?? {});
      // The elements are drawn when show() returns its promise; it resolves once laid out.
      const laidOut = graph().show(
        toElements(neighborhood, { focusId: entity.id }),
        entity.id,
        nextLayout,
      );
      changed();
      setSelected(entity.id);
      setCompare([entity.id]);
      const name = neighborhood.nodes.find((n) => n.id === entity.id)?.name ?? entity.name;
      status.value = t('graph.loaded', {
        name,
        nodes: neighborhood.nodes.length,
        edges: neighborhood.edges.length,
      });
      await laidOut;
    } catch (error) {
      status.value = `${t('graph.failed')}: ${(error as Error).message}`;
    }
  }

  async function expand(id: string, extra: NeighborhoodFilter = {}, limit = 100) {
    if (busy.current) return;
    busy.current = true;
    setMenu(null);
    const name = nameOf(id);
    status.value = t('graph.expanding', { name });
    try {
      const filter = serverFilter(extra);
      const { neighborhood } = await request(neighborhoodQuery, {
        ids: [id],
        depth: 1,
        limit,
        filter,
      });
      noteTruncation(id, neighborhood, filter ?? {});
      const merged = graph().merge(toElements(neighborhood, { existing: graph().ids() }), id);
      changed();
      const added = await merged;
      status.value = added
        ? t('graph.added', { name, n: added, total: graph().cy.nodes().length })
        : t('graph.nothingNew', { name });
    } catch (error) {
      status.value = `${t('graph.failed')}: ${(error as Error).message}`;
    } finally {
      busy.current = false;
    }
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
    else if (event.key === 'Enter' && selected) void expand(selected);
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
              <span>{t('graph.truncated', { n: truncation.omitted })}</span>
              {truncation.byKind.map((k) => {
                const kind = nodeKindOf(k.kind);
                return (
                  <button
                    type="button"
                    key={k.kind}
                    class="link"
                    data-kind={k.kind}
                    onClick={() =>
                      void expand(
                        truncation.around,
                        { ...truncation.filter, kinds: [k.kind as never] },
                        300,
                      )
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
              onChanged={changed}
              onDetails={() => setSelected(menu.id)}
            />
          )}
          {saving && (
            <SaveViewDialog
              cy={graph().cy}
              style={{
                layout,
                hiddenTypes: filters.hiddenTypes,
                hiddenTieKinds: filters.hiddenTieKinds,
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
        id={selected}
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

function NodeMenu({
  menu,
  graph,
  onClose,
  onExpand,
  onChanged,
  onDetails,
}: {
  menu: Menu;
  graph: GraphView;
  onClose: () => void;
  onExpand: (kind?: TieKind | 'DERIVED_TIE') => void;
  onChanged: () => void;
  onDetails: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [menu.id]);
  const node = graph.cy.getElementById(menu.id);
  const pinned = node.hasClass('pinned');
  const isPerson = node.data('type') === 'Person';
  const item = (key: string, text: string, action: () => void) => (
    <button
      type="button"
      role="menuitem"
      data-action={key}
      onClick={() => {
        action();
        onClose();
      }}
    >
      {text}
    </button>
  );
  return (
    <div
      ref={ref}
      class="context-menu"
      role="menu"
      aria-label={`${t('menu.label')}: ${node.data('label')}`}
      style={{ left: `${menu.x + 8}px`, top: `${menu.y + 8}px` }}
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
        else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
        else return;
        e.preventDefault();
      }}
    >
      <strong class="menu-title">{node.data('label')}</strong>
      {item('details', t('menu.details'), onDetails)}
      {item('expand', t('menu.expandAll'), () => onExpand())}
      {menuKinds.map((kind) =>
        item(`expand-${kind}`, t('menu.expandKind', { kind: tieKindText(kind) }), () =>
          onExpand(kind),
        ),
      )}
      {item('expand-DERIVED_TIE', t('menu.expandKind', { kind: tieKindText('DERIVED_TIE') }), () =>
        onExpand('DERIVED_TIE'),
      )}
      {item('collapse', t('menu.collapse'), () => {
        graph.collapse(menu.id);
        onChanged();
      })}
      {item('hide', t('menu.hide'), () => {
        graph.hide(menu.id);
        onChanged();
      })}
      {item('pin', t(pinned ? 'menu.unpin' : 'menu.pin'), () => {
        graph.togglePin(menu.id);
        onChanged();
      })}
      {isPerson &&
        item('path', t('menu.pathTo'), () =>
          navigate('paths', { to: menu.id, toName: node.data('label') }),
        )}
    </div>
  );
}
