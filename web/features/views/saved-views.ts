import type { ElementDefinition } from 'cytoscape';
import type { EntityKind } from '../../../schema/shared/entity-kinds.ts';
import type { SavedGraph } from '../../../schema/views/saved-view.rules.ts';
import type { EntitySummary } from '../../api/fragments.ts';
import type { Member } from '../../graph/groups.ts';
import { edgeElement, nodeElement } from '../../graph/to-elements.ts';
import type { Viewport } from './queries.ts';

/**
 * Saved views live on the server (schema/views). This is the pure part: a drawn graph to the JSON the
 * API validates, and back to Cytoscape elements with the entities as they are now (names fresh,
 * deleted ones dropped). Group nodes are saved as what they hold (the members and their ties to the
 * hub, and where each group was drawn), so the explorer makes the same groups again on reopening.
 * No DOM, no Cytoscape instance.
 */
export type { SavedGraph } from '../../../schema/views/saved-view.rules.ts';

/** A big fan-out held in group nodes, as the explorer has it (web/features/explorer/fan-outs.ts). */
export interface HeldFanOut {
  hub: string;
  type: string;
  members: readonly Member[];
  /** The drawn group nodes: their keys and positions. */
  groups: { key: string; x: number; y: number }[];
}

/** One drawn element as the explorer has it (Cytoscape's json(), trimmed to what we keep). */
export interface DrawnElement {
  group: 'nodes' | 'edges';
  data: Record<string, unknown>;
  position?: { x: number; y: number };
  classes: string[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The drawn graph as the API's `graph` JSON (only ids of entities: names are fetched on reopen). */
export function toSavedGraph(
  elements: DrawnElement[],
  style: SavedGraph['style'],
  viewport: Viewport,
  held: readonly HeldFanOut[] = [],
): SavedGraph {
  const nodes: SavedGraph['nodes'] = [];
  const edges: SavedGraph['edges'] = [];
  for (const e of elements) {
    if (e.group === 'nodes') {
      const flag = (c: string) => (e.classes.includes(c) ? { [c]: true } : {});
      nodes.push({
        id: String(e.data.id),
        x: round(e.position?.x ?? 0),
        y: round(e.position?.y ?? 0),
        ...flag('pinned'),
        ...flag('hidden'),
        ...flag('focus'),
      });
    }
  }
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    const source = String(e.data.source);
    const target = String(e.data.target);
    if (!ids.has(source) || !ids.has(target)) continue;
    edges.push(savedEdge(e.data));
  }
  const fanOuts = held
    .filter((f) => ids.has(f.hub) && f.members.length)
    .map((f) => ({
      hub: f.hub,
      type: f.type as EntityKind,
      members: f.members.map((m) => ({
        id: String(m.node.data.id),
        ties: m.edges.map((e) => savedEdge(e.data)),
      })),
      groups: f.groups.map((g) => ({ key: g.key, x: round(g.x), y: round(g.y) })),
    }));
  return {
    nodes,
    edges,
    ...(fanOuts.length ? { fanOuts } : {}),
    style,
    viewport: { zoom: viewport.zoom, x: round(viewport.x), y: round(viewport.y) },
  };
}

/** A drawn or held tie as saved: its years only when it has them. */
function savedEdge(data: Record<string, unknown>): SavedGraph['edges'][number] {
  const years = (['startYear', 'endYear'] as const).filter((k) => typeof data[k] === 'number');
  return {
    id: String(data.id).slice(0, 300),
    source: String(data.source),
    target: String(data.target),
    kind: String(data.kind),
    label: typeof data.label === 'string' ? data.label.slice(0, 200) : null,
    ...(data.derived ? { derived: true } : {}),
    ...Object.fromEntries(years.map((k) => [k, data[k] as number])),
  };
}

/** A saved fan-out with its live members, for the explorer to group again. */
export interface RestoredFanOut {
  hub: string;
  type: string;
  members: Member[];
  /** Where each group was drawn, by its key. */
  groups: Map<string, { x: number; y: number }>;
}

/**
 * The saved graph as Cytoscape elements, labelled with the entities as they are now, and its group
 * nodes' members. Nodes and members whose entity is gone (deleted or merged away) are dropped with
 * their edges; `dropped` lists them.
 */
export function fromSavedGraph(
  graph: SavedGraph,
  entities: EntitySummary[],
): { elements: ElementDefinition[]; fanOuts: RestoredFanOut[]; dropped: string[] } {
  const live = new Map(entities.map((e) => [e.id, e]));
  const elements: ElementDefinition[] = [];
  const dropped: string[] = [];
  for (const node of graph.nodes) {
    const entity = live.get(node.id);
    if (!entity) {
      dropped.push(node.id);
      continue;
    }
    elements.push({
      ...nodeElement(entity),
      position: { x: node.x, y: node.y },
      classes: (['pinned', 'hidden', 'focus'] as const).filter((c) => node[c]),
    });
  }
  for (const edge of graph.edges) {
    if (!live.has(edge.source) || !live.has(edge.target)) continue;
    elements.push(edgeElement(edge));
  }
  const fanOuts: RestoredFanOut[] = [];
  for (const f of graph.fanOuts ?? []) {
    if (!live.has(f.hub)) continue;
    const members: Member[] = [];
    for (const m of f.members) {
      const entity = live.get(m.id);
      if (entity) members.push({ node: nodeElement(entity), edges: m.ties.map(edgeElement) });
      else dropped.push(m.id);
    }
    const groups = new Map(f.groups.map((g) => [g.key, { x: g.x, y: g.y }]));
    if (members.length) fanOuts.push({ hub: f.hub, type: f.type, members, groups });
  }
  return { elements, fanOuts, dropped };
}

/** The step index after moving `by` (±1), kept within 0..count-1. */
export function stepTo(current: number, by: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(current + by, 0), count - 1);
}
