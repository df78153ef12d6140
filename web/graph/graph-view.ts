import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import { stylesheet } from './stylesheet.ts';

declare global {
  interface Window {
    /** The Cytoscape instance, for tests and for poking at in the console. */
    __cy?: Core;
  }
}

export interface GraphViewOptions {
  onNodeTap?: (id: string) => void;
  onNodeDoubleTap?: (id: string) => void;
  onBackgroundTap?: () => void;
}

export interface GraphView {
  cy: Core;
  /** Replaces the graph with these elements and lays it out from scratch. */
  show(elements: ElementDefinition[], focusId?: string): Promise<void>;
  /** Adds elements (in one batch) around a node already drawn; returns how many nodes were new. */
  merge(elements: ElementDefinition[], aroundId: string): Promise<number>;
  has(id: string): boolean;
  ids(): Set<string>;
  select(id: string): void;
}

const layoutBase = {
  name: 'cose',
  animate: 'end',
  animationDuration: 450,
  fit: true,
  padding: 40,
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: () => 9000,
  idealEdgeLength: () => 70,
  edgeElasticity: () => 80,
  nodeOverlap: 12,
  gravity: 0.6,
  numIter: 1200,
} as LayoutOptions;

/** The Cytoscape canvas. `data-layout` on the container is `running` while nodes are moving. */
export function createGraphView(container: HTMLElement, options: GraphViewOptions = {}): GraphView {
  const cy = cytoscape({
    container,
    style: stylesheet,
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  window.__cy = cy;
  container.dataset.layout = 'idle';

  cy.on('tap', 'node', (event) => options.onNodeTap?.(event.target.id()));
  cy.on('dbltap', 'node', (event) => options.onNodeDoubleTap?.(event.target.id()));
  cy.on('tap', (event) => {
    if (event.target === cy) options.onBackgroundTap?.();
  });
  cy.on('select', 'node', (event) => {
    cy.edges().removeClass('near-selected');
    event.target.connectedEdges().addClass('near-selected');
  });
  cy.on('unselect', 'node', () => cy.edges().removeClass('near-selected'));

  const runLayout = (randomize: boolean) =>
    new Promise<void>((resolve) => {
      container.dataset.layout = 'running';
      const layout = cy.layout({ ...layoutBase, randomize } as LayoutOptions);
      layout.one('layoutstop', () => {
        container.dataset.layout = 'idle';
        resolve();
      });
      layout.run();
    });

  return {
    cy,
    async show(elements, focusId) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      await runLayout(true);
      if (focusId && cy.getElementById(focusId).nonempty()) {
        cy.getElementById(focusId).select();
      }
    },
    async merge(elements, aroundId) {
      const around = cy.getElementById(aroundId);
      const centre = around.nonempty() ? around.position() : { x: 0, y: 0 };
      const newNodes = elements.filter((e) => e.group === 'nodes');
      cy.nodes().removeClass('fresh');
      cy.batch(() => {
        // New nodes start in a ring around the one expanded, so the layout only has to settle them.
        newNodes.forEach((node, i) => {
          const angle = (2 * Math.PI * i) / Math.max(newNodes.length, 1);
          const radius = 60 + 4 * Math.sqrt(newNodes.length);
          node.position = {
            x: centre.x + radius * Math.cos(angle),
            y: centre.y + radius * Math.sin(angle),
          };
          node.classes = [...toClassList(node.classes), 'fresh'];
        });
        cy.add(elements);
      });
      if (elements.length) await runLayout(false);
      return newNodes.length;
    },
    has: (id) => cy.getElementById(id).nonempty(),
    ids: () => new Set(cy.elements().map((e) => e.id())),
    select(id) {
      cy.elements().unselect();
      cy.getElementById(id).select();
    },
  };
}

function toClassList(classes: ElementDefinition['classes']): string[] {
  if (!classes) return [];
  return Array.isArray(classes) ? classes : classes.split(/\s+/).filter(Boolean);
}
