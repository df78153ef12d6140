import cytoscape, {
  type Core,
  type ElementDefinition,
  type LayoutOptions,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { stylesheet } from './stylesheet.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

declare global {
  interface Window {
    /** The Cytoscape instances, for tests and for poking at in the console. */
    __cy?: Core;
    __pathCy?: Core;
    __benchCy?: Core;
  }
}

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst';

export interface GraphViewOptions {
  onNodeTap?: (id: string, additive: boolean) => void;
  onNodeDoubleTap?: (id: string) => void;
  onNodeMenu?: (id: string, at: { x: number; y: number }) => void;
  onBackgroundTap?: () => void;
  /** Trade detail for speed while panning and zooming (thousands of elements). */
  large?: boolean;
  /** Cytoscape 3.31+ can draw with WebGL (experimental); for very large graphs. */
  webgl?: boolean;
  /** Where to expose the instance on window (tests): `__cy` for the explorer. */
  expose?: '__cy' | '__pathCy' | '__benchCy';
}

export interface GraphView {
  cy: Core;
  /** Replaces the graph with these elements and lays it out from scratch. */
  show(elements: ElementDefinition[], focusId?: string, layout?: LayoutName): Promise<void>;
  /** Adds elements (in one batch) around a node already drawn; returns how many nodes were new. */
  merge(elements: ElementDefinition[], aroundId: string): Promise<number>;
  relayout(layout?: LayoutName): Promise<void>;
  /** Puts back a saved view: elements with their positions, no layout. */
  restore(elements: ElementDefinition[]): void;
  /** Removes the neighbours only this node holds in the graph (not pinned, not the focus). */
  collapse(id: string): number;
  hide(id: string): void;
  showHidden(): number;
  togglePin(id: string): boolean;
  has(id: string): boolean;
  ids(): Set<string>;
  select(id: string): void;
  destroy(): void;
}

/** Above this many elements the view trades detail for speed while panning and zooming. */
export const largeGraph = 2000;

function layoutOptions(
  name: LayoutName,
  cy: Core,
  { randomize, focusId }: { randomize: boolean; focusId?: string },
): LayoutOptions {
  const animate = cy.elements().length < largeGraph;
  const common = { animate, animationDuration: 450, fit: true, padding: 40 };
  if (name === 'concentric') {
    return {
      name,
      ...common,
      minNodeSpacing: 18,
      avoidOverlap: true,
      // The focus in the middle, its direct ties next, the rest outside.
      concentric: (node: NodeSingular) =>
        node.hasClass('focus')
          ? 100
          : node.neighborhood('node.focus').nonempty()
            ? 50
            : node.degree(false),
      levelWidth: () => 1,
    } as LayoutOptions;
  }
  if (name === 'breadthfirst') {
    // Paths grow from our side; a neighbourhood from its focus.
    const starts = cy.nodes('.path-start');
    const roots = starts.nonempty()
      ? starts
      : focusId
        ? cy.getElementById(focusId)
        : cy.nodes('.focus');
    return {
      name,
      ...common,
      directed: false,
      spacingFactor: 1.1,
      roots: roots.nonempty() ? roots : undefined,
    } as LayoutOptions;
  }
  const pinned = cy.nodes('.pinned');
  return {
    name: 'fcose',
    ...common,
    quality: cy.nodes().length > 1500 ? 'draft' : 'default',
    randomize,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: 6500,
    idealEdgeLength: 75,
    nodeSeparation: 60,
    numIter: 2500,
    // Pinned nodes stay where the user put them.
    fixedNodeConstraint: pinned.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
  } as LayoutOptions;
}

/** The Cytoscape canvas. `data-layout` on the container is `running` while nodes are moving. */
export function createGraphView(container: HTMLElement, options: GraphViewOptions = {}): GraphView {
  const cy = cytoscape({
    container,
    style: stylesheet,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: true,
    selectionType: 'single',
    // Settings for large graphs (set here once: cytoscape reads most of them at start).
    hideEdgesOnViewport: !!options.large && !options.webgl,
    textureOnViewport: !!options.large && !options.webgl,
    pixelRatio: options.large ? 1 : 'auto',
    ...(options.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  const expose = options.expose ?? '__cy';
  window[expose] = cy;
  container.dataset.layout = 'idle';
  let currentLayout: LayoutName = 'fcose';
  let focus: string | undefined;

  cy.on('tap', 'node', (event) => {
    const original = event.originalEvent as MouseEvent | undefined;
    const additive = !!(original?.shiftKey || original?.ctrlKey || original?.metaKey);
    options.onNodeTap?.(event.target.id(), additive);
  });
  cy.on('dbltap', 'node', (event) => options.onNodeDoubleTap?.(event.target.id()));
  cy.on('cxttap', 'node', (event) =>
    options.onNodeMenu?.(
      event.target.id(),
      event.renderedPosition ?? event.target.renderedPosition(),
    ),
  );
  cy.on('tap', (event) => {
    if (event.target === cy) options.onBackgroundTap?.();
  });
  cy.on('select unselect', 'node', () => {
    cy.batch(() => {
      cy.edges('.near-selected').removeClass('near-selected');
      cy.nodes(':selected').connectedEdges().addClass('near-selected');
    });
  });

  const runLayout = (name: LayoutName, randomize: boolean) =>
    new Promise<void>((resolve) => {
      if (cy.nodes().empty()) return resolve();
      container.dataset.layout = 'running';
      const layout = cy.layout(layoutOptions(name, cy, { randomize, focusId: focus }));
      layout.one('layoutstop', () => {
        container.dataset.layout = 'idle';
        resolve();
      });
      layout.run();
    });

  const view: GraphView = {
    cy,
    async show(elements, focusId, layout = 'fcose') {
      focus = focusId;
      currentLayout = layout;
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      await runLayout(layout, true);
      if (focusId && cy.getElementById(focusId).nonempty()) view.select(focusId);
    },
    async merge(elements, aroundId) {
      const around = cy.getElementById(aroundId);
      const centre = around.nonempty() ? around.position() : { x: 0, y: 0 };
      const newNodes = elements.filter((e) => e.group === 'nodes');
      cy.nodes('.fresh').removeClass('fresh');
      cy.batch(() => {
        // New nodes start in a ring around the one expanded, so the layout only has to settle them
        // and the nodes already drawn barely move.
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
      if (elements.length) await runLayout(currentLayout, false);
      return newNodes.length;
    },
    relayout(layout = currentLayout) {
      currentLayout = layout;
      return runLayout(layout, layout !== 'fcose');
    },
    restore(elements) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      cy.nodes('.pinned').lock();
      focus = cy.nodes('.focus').first().id() || undefined;
      cy.fit(undefined, 40);
    },
    collapse(id) {
      const node = cy.getElementById(id);
      const leaves = node
        .neighborhood('node')
        .nodes()
        .filter((n) => !n.hasClass('focus') && !n.hasClass('pinned') && n.degree(false) <= 1);
      const count = leaves.length;
      cy.remove(leaves);
      return count;
    },
    hide(id) {
      cy.getElementById(id).addClass('hidden');
    },
    showHidden() {
      const hidden = cy.elements('.hidden');
      hidden.removeClass('hidden');
      return hidden.nodes().length;
    },
    togglePin(id) {
      const node = cy.getElementById(id);
      const pinned = !node.hasClass('pinned');
      node.toggleClass('pinned', pinned);
      if (pinned) node.lock();
      else node.unlock();
      return pinned;
    },
    has: (id) => cy.getElementById(id).nonempty(),
    ids: () => new Set(cy.elements().map((e) => e.id())),
    select(id) {
      cy.elements().unselect();
      cy.getElementById(id).select();
    },
    destroy() {
      if (window[expose] === cy) window[expose] = undefined;
      cy.destroy();
    },
  };
  return view;
}

function toClassList(classes: ElementDefinition['classes']): string[] {
  if (!classes) return [];
  return Array.isArray(classes) ? classes : classes.split(/\s+/).filter(Boolean);
}
