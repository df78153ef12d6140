import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Point, Positions } from './placement.ts';

cytoscape.use(fcose);

/** What fcose needs to know about the drawn graph: boxes (label included) and who is tied to whom. */
export interface FcoseRequest {
  nodes: { id: string; x: number; y: number; w: number; h: number; fixed: boolean }[];
  edges: { source: string; target: string }[];
  /** Start from scratch (spectral pass) or refine the given positions. */
  randomize: boolean;
}

/** The explorer's force-directed settings, one place for the worker and the main-thread fallback. */
const fcoseSettings = {
  nodeRepulsion: 6500,
  idealEdgeLength: 75,
  nodeSeparation: 60,
} as const;

/** Large neighbourhoods get fewer iterations: the start positions are already reasonable. */
function iterationsFor(nodes: number): number {
  return nodes > 1500 ? 600 : nodes > 300 ? 1200 : 2500;
}

/**
 * Runs fcose on a headless Cytoscape (no DOM: works in a Web Worker) and returns every node's new
 * position. Fixed nodes keep theirs.
 */
export function runFcose(request: FcoseRequest): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x, y: n.y },
      })),
      ...request.edges.map((e, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: e.source, target: e.target },
      })),
    ],
  });
  const fixed = request.nodes
    .filter((n) => n.fixed)
    .map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }));
  const count = request.nodes.length;
  cy.layout({
    name: 'fcose',
    animate: false,
    fit: false,
    quality: count > 1500 ? 'draft' : 'default',
    randomize: request.randomize,
    nodeDimensionsIncludeLabels: false,
    numIter: iterationsFor(count),
    ...fcoseSettings,
    ...(fixed.length ? { fixedNodeConstraint: fixed } : {}),
  } as cytoscape.LayoutOptions).run();
  const positions: Positions = {};
  cy.nodes().forEach((n) => {
    const p: Point = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  return positions;
}
