import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary, EntityType } from '../../api/fragments.ts';
import type { SchemaType } from '../../api/graphql.ts';
import { lang, t } from '../../app/i18n.ts';
import { route } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { type GraphFilters, noFilters } from '../../graph/filters.ts';
import { createGraphView, type GraphView, type LayoutName } from '../../graph/graph-view.ts';
import { type GroupBy, groupPage } from '../../graph/groups.ts';
import { Legend } from '../../graph/Legend.tsx';
import { DetailsPanel } from '../details/DetailsPanel.tsx';
import { nodeKindText } from '../details/labels.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { type OpenedView, openSavedView } from '../views/open-view.ts';
import { Presenter } from '../views/Presenter.tsx';
import { SaveViewDialog } from '../views/SaveViewDialog.tsx';
import { CommonList } from './CommonList.tsx';
import { type Common, drawCommonConnections } from './common-connections.ts';
import { drawSavedView } from './draw-saved-view.ts';
import { ExplorerGraph } from './explorer-graph.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { GraphToolbar } from './GraphToolbar.tsx';
import { graphKey } from './graph-keys.ts';
import { initialGroupBy, rememberGroupBy } from './group-by-choice.ts';
import { loadNeighbourhood, type Truncation } from './load-neighbourhood.ts';
import { type Menu, NodeMenu } from './NodeMenu.tsx';
import type { NeighborhoodFilter } from './queries.ts';
import { TruncationNotice } from './TruncationNotice.tsx';

type PersonCategory = SchemaType<'PersonCategory'>;

const isGroup = (id: string | null) => !!id?.startsWith('group:');

/** The explorer: search, the graph, filters and legend on the left, details on the right. */
export function ExplorerView({ active }: { active: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const explorerRef = useRef<ExplorerGraph | null>(null);
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
  const [common, setCommon] = useState<Common[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [presenting, setPresenting] = useState<OpenedView | null>(null);
  const [version, setVersion] = useState(0);
  const busy = useRef(false);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const explorer = () => {
    const g = explorerRef.current;
    if (!g) throw new Error('the graph is not mounted');
    return g;
  };
  const graph = (): GraphView => explorer().view;
  const fanOuts = () => explorer().groups;
  const nameOf = (id: string) => explorer().nameOf(id);
  const changed = () => explorer().changed();
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
          status.value = t('group.selected', {
            n: node.data('count'),
            type: nodeKindText(node.data('memberType'), ''),
          });
          return;
        }
        setCompare((prev) => (additive ? [...prev.filter((x) => x !== id), id].slice(-2) : [id]));
      },
      onNodeDoubleTap: (id) => void openNode(id),
      onNodeMenu: (id, at) => {
        explorerRef.current?.view.select(id);
        setSelected(id);
        setMenu({ id, x: at.x, y: at.y });
      },
      onBackgroundTap: () => {
        setMenu(null);
        setSelected(null);
        setCompare([]);
      },
    });
    explorerRef.current = new ExplorerGraph(
      view,
      groupBy,
      () => filtersRef.current,
      () => {
        setHiddenCount(view.cy.nodes('.hidden').length);
        setVersion((v) => v + 1);
      },
    );
    return () => view.destroy();
  }, []);

  useEffect(() => {
    if (active) explorerRef.current?.view.cy.resize();
  }, [active]);

  useEffect(() => {
    if (explorerRef.current) changed();
  }, [filters]);

  // Group labels are words: say them again in the new language.
  useEffect(() => {
    if (!explorerRef.current) return;
    fanOuts().relabel();
    graph().refreshLabels();
  }, [lang.value]);

  // Compared nodes carry a class, so the two are visible as a pair.
  useEffect(() => {
    const cy = explorerRef.current?.view.cy;
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
        const { style } = opened.graph;
        if (style?.layout) setLayout(style.layout);
        if (style?.groupBy) setGroupBy(style.groupBy);
        setFilters({
          ...noFilters,
          hiddenTypes: style?.hiddenTypes ?? [],
          hiddenTieKinds: style?.hiddenTieKinds ?? [],
        });
        setHasGraph(true);
        setTruncation(null);
        const annotations = await drawSavedView(explorer(), opened);
        if (presentParam && annotations.length) setPresenting({ ...opened, annotations });
      })
      .catch((error: unknown) => {
        status.value = `${t('views.loadFailed')}: ${(error as Error).message}`;
      });
  }, [viewParam, presentParam]);
  useEffect(() => {
    if (openParam) void open({ id: openParam, name: openParam } as EntitySummary);
  }, [openParam]);

  /** The neighbours of `id`: a new graph when `opened`, else added to this one. */
  const load = (
    id: string,
    {
      opened,
      extra = {},
      nextLayout = layout,
    }: { opened?: EntitySummary; extra?: NeighborhoodFilter; nextLayout?: LayoutName } = {},
  ) =>
    loadNeighbourhood(explorer(), id, {
      opened,
      filter: serverFilter(extra) ?? {},
      layout: nextLayout,
      onTruncation: setTruncation,
      counter: container.current,
    });

  async function open(entity: EntitySummary, nextLayout: LayoutName = layout) {
    status.value = t('graph.loading', { name: entity.name });
    setHasGraph(true);
    setCommon(null);
    try {
      await load(entity.id, { opened: entity, nextLayout });
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

  /** Double-click or Enter: a group opens its next page, an entity its next neighbours. */
  const openNode = (id: string) => (isGroup(id) ? openGroup(id, groupPage) : expand(id));

  async function showCommon() {
    if (compare.length !== 2) return;
    try {
      const found = await drawCommonConnections(explorer(), compare);
      setCommon(found);
      status.value = t('toolbar.commonFound', { n: found.length });
    } catch (error) {
      status.value = `${t('graph.failed')}: ${(error as Error).message}`;
    }
  }

  function onGraphKey(event: KeyboardEvent) {
    const cy = explorerRef.current?.view.cy;
    if (!cy || cy.nodes().empty()) return;
    const key = graphKey(cy, selected, event);
    if (!key) return;
    if (key.action === 'select') {
      if (key.id) {
        graph().select(key.id);
        setSelected(key.id);
        setCompare([key.id]);
      }
    } else if (key.action === 'open') void openNode(key.id);
    else setMenu({ id: key.id, x: key.x, y: key.y });
    event.preventDefault();
  }

  const selectedNode = selected && explorerRef.current ? graph().cy.getElementById(selected) : null;
  const drawn = (type: string) =>
    explorerRef.current
      ? graph()
          .cy.nodes(`[type = "${type}"]`)
          .map((n) => ({ id: n.id(), name: n.data('label') as string }))
      : [];
  void version;

  return (
    <main class="layout" hidden={!active} id="explorer">
      <aside class="sidebar">
        <SearchBox id="search" label={t('search.label')} autoFocus onChoose={(e) => void open(e)} />
        <FilterPanel
          filters={filters}
          onFilters={setFilters}
          category={category}
          onCategory={setCategory}
          drawn={drawn}
        />
        <Legend />
      </aside>
      <section class="graph-wrap" aria-label={t('graph.label')}>
        <GraphToolbar
          graph={graph}
          hasGraph={hasGraph}
          layout={layout}
          onLayout={(next) => {
            setLayout(next);
            void graph().relayout(next);
          }}
          groupBy={groupBy}
          onGroupBy={(next) => {
            setGroupBy(next);
            rememberGroupBy(next);
            fanOuts().by = next;
            void explorer().regroup();
          }}
          compared={compare.map(nameOf)}
          onCommon={() => void showCommon()}
          hiddenCount={hiddenCount}
          onShowHidden={() => {
            graph().showHidden();
            changed();
          }}
          onSave={() => setSaving(true)}
        />
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
            <TruncationNotice
              truncation={truncation}
              onMore={(filter) => void expand(truncation.around, filter)}
            />
          )}
          {common && (
            <CommonList
              common={common}
              onPick={(id) => {
                graph().select(id);
                setSelected(id);
              }}
              onClose={() => {
                setCommon(null);
                graph().cy.elements('.common').removeClass('common');
              }}
            />
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
