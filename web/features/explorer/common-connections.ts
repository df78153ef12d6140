import type { ElementDefinition } from 'cytoscape';
import { request } from '../../app/api.ts';
import { edgeKindOf } from '../../graph/stylesheet.ts';
import { toElements } from '../../graph/to-elements.ts';
import type { ExplorerGraph } from './explorer-graph.ts';
import { commonConnectionsQuery } from './queries.ts';

/** One entity both compared nodes are tied to, and by how many ties. */
export interface Common {
  id: string;
  name: string;
  count: number;
}

/**
 * Draws what the two compared nodes have in common: the entities and their ties to either node
 * (class `common`, so the pair's shared world stands out).
 */
export async function drawCommonConnections(
  g: ExplorerGraph,
  compare: readonly string[],
): Promise<Common[]> {
  const cy = g.view.cy;
  const { commonConnections } = await request(commonConnectionsQuery, {
    ids: [...compare],
    first: 30,
  });
  const elements: ElementDefinition[] = [];
  const known = g.view.ids();
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
  await g.view.merge(elements, compare[0] ?? '');
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
  g.changed();
  return commonConnections.map((c) => ({ id: c.entity.id, name: c.entity.name, count: c.count }));
}
