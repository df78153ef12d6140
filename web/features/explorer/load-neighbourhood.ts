import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import type { LayoutName } from '../../graph/graph-view.ts';
import { splitFanOut } from '../../graph/groups.ts';
import { toElements } from '../../graph/to-elements.ts';
import type { ExplorerGraph } from './explorer-graph.ts';
import {
  maxLimit,
  nextLimit,
  openLimit,
  outsideAnswer,
  remainingAfter,
  remainingText,
} from './paging.ts';
import { type NeighborhoodFilter, neighborhoodQuery } from './queries.ts';

/** What the last load left out: the banner says it, and "More" and double-click fetch it. */
export interface Truncation {
  around: string;
  name: string;
  remaining: number;
  byKind: { kind: string; count: number }[];
  /** The counts are lower bounds (the server stopped counting). */
  atLeast: boolean;
  filter: NeighborhoodFilter;
}

interface LoadOptions {
  /** A new graph around this entity (else the neighbours are added to the graph). */
  opened?: EntitySummary;
  /** The server filter: the sidebar's and the one this load asks for. */
  filter: NeighborhoodFilter;
  /** How a new graph is laid out. */
  layout: LayoutName;
  /** Told what this load left out (null: nothing). */
  onTruncation: (truncation: Truncation | null) => void;
  /** The graph's element, whose `data-loads` counts finished loads (for tests). */
  counter: HTMLElement | null;
}

/**
 * Loads the neighbours of `id` (a new graph when `opened`, else added to this one): the next page
 * past those the graph has, big fan-outs held in group nodes. Says what came and what is left out,
 * in the status line and the banner, from the same numbers. Resolves once they are drawn.
 */
export async function loadNeighbourhood(
  g: ExplorerGraph,
  id: string,
  { opened, filter, layout, onTruncation, counter }: LoadOptions,
) {
  const onlyKind = filter.kinds?.length === 1 ? filter.kinds[0] : undefined;
  const limit = opened ? openLimit : nextLimit(g.heldCount(id, onlyKind));
  const { neighborhood: hood } = await request(neighborhoodQuery, {
    ids: [id],
    depth: 1,
    limit,
    filter: Object.keys(filter).length ? filter : null,
  });
  const groups = g.groups;
  const graph = g.view;
  const cy = graph.cy;
  const answer = new Set(hood.nodes.map((n) => n.id).filter((n) => n !== id));
  const outside = opened
    ? new Map<string, number>()
    : outsideAnswer(g.heldTies(id), answer, filter);
  if (opened) {
    groups.clear();
    cy.elements().remove();
  }
  const before = new Set([...graph.ids(), ...groups.heldIds()]);
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
    opened ? 0 : g.heldCount(id, type),
  );
  groups.add(id, members);
  const groupElements = groups.sync(new Set([id]));
  const grouped = [...members.values()].reduce((sum, list) => sum + list.length, 0);
  const added = drawn.filter((e) => e.group === 'nodes' && e.data.id !== id).length + grouped;
  const remaining = remainingAfter(hood, outside);
  const name = hood.nodes.find((n) => n.id === id)?.name ?? opened?.name ?? g.nameOf(id);
  onTruncation(
    remaining.total
      ? {
          around: id,
          name,
          remaining: remaining.total,
          byKind: remaining.byKind,
          atLeast: remaining.atLeast,
          filter,
        }
      : null,
  );
  const all = [...drawn, ...(groupElements.get(id) ?? [])];
  const others = [...groupElements].filter(([hub]) => hub !== id);
  // Drawn now; the layout goes on after this returns (the graph's data-layout says when it ends),
  // so a slow layout never holds up the next double-click.
  if (opened) void graph.show(all, id, layout);
  else void graph.merge(all, id);
  for (const [hub, els] of others) void graph.merge(els, hub);
  g.changed();
  if (members.size) void g.regroup();
  const total = answer.size + hood.omittedNodes;
  const left = remainingText(remaining.total, remaining.atLeast);
  // Entities on the graph: drawn, or held in a group.
  const drawnNodes = cy.nodes().not('.group').length + groups.size();
  const andMore = [
    ...(grouped ? [t('graph.grouped', { n: grouped })] : []),
    ...(remaining.total ? [t('graph.remaining', { n: left })] : []),
  ];
  if (opened) {
    const loaded = t('graph.loaded', { name, nodes: hood.nodes.length, edges: hood.edges.length });
    status.value = [loaded, ...andMore].join(' · ');
  } else if (added) {
    status.value = [t('graph.added', { name, n: added, total: drawnNodes }), ...andMore].join(
      ' · ',
    );
  } else if (remaining.total) {
    status.value = t('graph.capReached', { name, max: maxLimit, n: left });
  } else status.value = t('graph.allShown', { name, n: total });
  // For tests: a count of finished loads (the status line may say the same twice).
  if (counter) counter.dataset.loads = String(Number(counter.dataset.loads ?? 0) + 1);
}
