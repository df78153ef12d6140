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
    nodes.push({
      group: 'nodes',
      data: {
        id: node.id,
        label: node.name,
        type: node.__typename,
        latinName: node.latinName ?? null,
      },
      classes: node.id === focusId ? ['focus'] : [],
    });
  }
  const edges: ElementDefinition[] = [];
  for (const edge of hood.edges) {
    if (known.has(edge.id)) continue;
    if (!known.has(edge.source) || !known.has(edge.target)) continue;
    known.add(edge.id);
    edges.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        kind: edge.kind,
        label: edge.label ?? edgeKindOf(edge.kind)?.label ?? edge.kind,
        derived: edge.derived,
        // The tie's years: group nodes group by decade with them (web/graph/groups.ts).
        startYear: edge.startYear ?? null,
        endYear: edge.endYear ?? null,
      },
      classes: edge.derived ? ['derived'] : [],
    });
  }
  return [...nodes, ...edges];
}
