import type { ElementDefinition } from 'cytoscape';
import type { Neighborhood } from '../features/explorer/queries.ts';
import { edgeKindOf } from './stylesheet.ts';

export interface ToElementsOptions {
  /** The entity the user chose: it gets the `focus` class. */
  focusId?: string;
  /** Ids already drawn: those elements are left out, so only new ones are added. */
  existing?: ReadonlySet<string>;
}

/**
 * A neighborhood answer as Cytoscape elements. Pure: no DOM, no Cytoscape instance.
 * Node data: id, label (name), type (__typename), latinName. Edge data: id, source, target, kind,
 * label (the tie's label, else the kind's Chinese name), derived, startYear, endYear. Edges whose
 * ends are neither in the answer nor already drawn are dropped, so Cytoscape never sees a dangling
 * edge.
 */
export function toElements(
  hood: Pick<Neighborhood, 'nodes' | 'edges'>,
  { focusId, existing = new Set() }: ToElementsOptions = {},
): ElementDefinition[] {
  const nodes: ElementDefinition[] = [];
  const known = new Set(existing);
  for (const node of hood.nodes) {
    if (known.has(node.id)) continue;
    known.add(node.id);
    nodes.push({ ...nodeElement(node), classes: node.id === focusId ? ['focus'] : [] });
  }
  const edges: ElementDefinition[] = [];
  for (const edge of hood.edges) {
    if (known.has(edge.id)) continue;
    if (!known.has(edge.source) || !known.has(edge.target)) continue;
    known.add(edge.id);
    edges.push(edgeElement({ ...edge, label: edge.label ?? edgeKindOf(edge.kind)?.label }));
  }
  return [...nodes, ...edges];
}

/** An entity as a Cytoscape node (no classes, no position). */
export function nodeElement(entity: {
  id: string;
  name: string;
  __typename: string;
  latinName?: string | null;
}): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: entity.id,
      label: entity.name,
      type: entity.__typename,
      latinName: entity.latinName ?? null,
    },
  };
}

/** A tie as a Cytoscape edge, labelled with its kind when it has no label. */
export function edgeElement(edge: {
  id: string;
  source: string;
  target: string;
  kind: string;
  label?: string | null;
  derived?: boolean;
  startYear?: number | null;
  endYear?: number | null;
}): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      label: edge.label ?? edge.kind,
      derived: edge.derived ?? false,
      // The tie's years: group nodes group by decade with them (web/graph/groups.ts).
      startYear: edge.startYear ?? null,
      endYear: edge.endYear ?? null,
    },
    classes: edge.derived ? ['derived'] : [],
  };
}
