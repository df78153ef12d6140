import type { ElementDefinition } from 'cytoscape';
import type { EntitySummary } from '../../api/fragments.ts';
import type { Viewport } from './queries.ts';

/**
 * Saved views live on the server (schema/views). This is the pure part: a drawn graph to the JSON the
 * API validates, and back to Cytoscape elements with the entities as they are now (names fresh,
 * deleted ones dropped). No DOM, no Cytoscape instance.
 */
type Layout = 'fcose' | 'concentric' | 'breadthfirst';

export interface SavedGraph {
  nodes: {
    id: string;
    x: number;
    y: number;
    pinned?: boolean;
    hidden?: boolean;
    focus?: boolean;
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    kind: string;
    label?: string | null;
    derived?: boolean;
  }[];
  style?: { layout?: Layout; hiddenTypes?: string[]; hiddenTieKinds?: string[] };
  viewport?: Viewport | null;
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
    edges.push({
      id: String(e.data.id).slice(0, 300),
      source,
      target,
      kind: String(e.data.kind),
      label: typeof e.data.label === 'string' ? e.data.label.slice(0, 200) : null,
      ...(e.data.derived ? { derived: true } : {}),
    });
  }
  return {
    nodes,
    edges,
    style,
    viewport: { zoom: viewport.zoom, x: round(viewport.x), y: round(viewport.y) },
  };
}

/**
 * The saved graph as Cytoscape elements, labelled with the entities as they are now. Nodes whose
 * entity is gone (deleted or merged away) are dropped with their edges; `dropped` lists them.
 */
export function fromSavedGraph(
  graph: SavedGraph,
  entities: EntitySummary[],
): { elements: ElementDefinition[]; dropped: string[] } {
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
      group: 'nodes',
      data: {
        id: node.id,
        label: entity.name,
        type: entity.__typename,
        latinName: entity.latinName ?? null,
      },
      position: { x: node.x, y: node.y },
      classes: (['pinned', 'hidden', 'focus'] as const).filter((c) => node[c]),
    });
  }
  for (const edge of graph.edges) {
    if (!live.has(edge.source) || !live.has(edge.target)) continue;
    elements.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        kind: edge.kind,
        label: edge.label ?? edge.kind,
        derived: edge.derived ?? false,
      },
      classes: edge.derived ? ['derived'] : [],
    });
  }
  return { elements, dropped };
}

/** The step index after moving `by` (±1), kept within 0..count-1. */
export function stepTo(current: number, by: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(current + by, 0), count - 1);
}
