import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type LayoutOptions,
  type NodeSingular,
} from 'cytoscape';
import svg from 'cytoscape-svg';
import {
  estimateWidth,
  type LabelNode,
  minScreenFont,
  shownLabels,
  zoomLevel,
  zoomSteps,
} from './labels.ts';
import { fcosePositions } from './layout-client.ts';
import { type Positions, radialPlacement, ringAround } from './placement.ts';
import { createCy, pickByShape, type RendererName, webglAvailable } from './renderer.ts';
import { fontStack, largeGraphStyles, stylesheet } from './stylesheet.ts';

cytoscape.use(svg);

/**
 * The layered layout is only for paths: loaded and registered the first time a path is drawn, so the
 * explorer's bundle and start stay as they were. (Registered at start, it made two explorer browser
 * tests fail every time — a KNOWS expansion brought a STUDIED_AT tie, common connections of another
 * pair — for a reason not yet found.)
 */
let dagreLoaded: Promise<void> | undefined;
const loadDagre = () => {
  dagreLoaded ??= import('cytoscape-dagre').then(({ default: dagre }) => {
    cytoscape.use(dagre);
  });
  return dagreLoaded;
};

declare global {
  interface Window {
    /** The Cytoscape instances, for tests and for poking at in the console. */
    __cy?: Core;
    __pathCy?: Core;
    __benchCy?: Core;
  }
}

/** The layouts a user picks in the explorer (and a saved view keeps). */
export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst';
/** Those and the layered one paths are drawn with (left to right). */
type AnyLayout = LayoutName | 'dagre';

export interface GraphViewOptions {
  onNodeTap?: (id: string, additive: boolean) => void;
  onNodeDoubleTap?: (id: string) => void;
  onNodeMenu?: (id: string, at: { x: number; y: number }) => void;
  onBackgroundTap?: () => void;
  /** Trade detail for speed while panning and zooming (thousands of elements). */
  large?: boolean;
  /**
   * Draw with Cytoscape's WebGL renderer (3.31+) when the browser has WebGL2; the 2D canvas renderer
   * otherwise. Which one is used: `GraphView.renderer`, and `data-renderer` on the container.
   */
  webgl?: boolean;
  /** Where to expose the instance on window (tests): `__cy` for the explorer. */
  expose?: '__cy' | '__pathCy' | '__benchCy';
}

export interface GraphView {
  cy: Core;
  renderer: RendererName;
  /** Decides again which labels are drawn (after filters hid or showed nodes). */
  refreshLabels(): void;
  /**
   * Replaces the graph with these elements: drawn at once (radial placement around the focus, the
   * elements are in `cy` when this returns), then laid out; the promise resolves when laid out.
   */
  show(elements: ElementDefinition[], focusId?: string, layout?: AnyLayout): Promise<void>;
  /**
   * Adds elements (in one batch) around a node already drawn: new nodes start beside it and the
   * layout moves only them. Resolves, once laid out, with how many nodes were new.
   */
  merge(elements: ElementDefinition[], aroundId: string): Promise<number>;
  relayout(layout?: AnyLayout): Promise<void>;
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

/** Above this many elements the view trades detail for speed (straight edges, fewer labels). */
const largeGraph = 2000;

/** Options for the layouts that run on the main thread (cheap ones: concentric, breadth-first). */
function layoutOptions(
  name: Exclude<AnyLayout, 'fcose'>,
  cy: Core,
  { focusId }: { focusId?: string },
): LayoutOptions {
  // The view fits itself afterwards (fitGently), so a few nodes are not blown up to the maximum zoom.
  const common = { animate: cy.elements().length < largeGraph, animationDuration: 450, fit: false };
  if (name === 'dagre') {
    // Paths read left to right, from our side to the target; labels count in each node's box and
    // the ranks leave room for the hop labels between them.
    return {
      name,
      ...common,
      rankDir: 'LR',
      nodeDimensionsIncludeLabels: true,
      nodeSep: 40,
      rankSep: 150,
    } as LayoutOptions;
  }
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

/**
 * Marks edges that share both ends with another edge (`parallel`: drawn as curves that fan out);
 * the rest are straight lines, which are much cheaper to lay out. One pass over the edges' data.
 */
function markParallel(cy: Core): void {
  const pairs = new Map<string, EdgeSingular[]>();
  cy.edges().forEach((edge) => {
    const [a, b] = [edge.data('source') as string, edge.data('target') as string].sort();
    const key = `${a}\u0000${b}`;
    const group = pairs.get(key);
    if (group) group.push(edge);
    else pairs.set(key, [edge]);
  });
  for (const group of pairs.values()) {
    if (group.length > 1) for (const edge of group) edge.addClass('parallel');
  }
}

/** Fits the graph in view, but never zooms in beyond `maxFitZoom` (a path of three people). */
const maxFitZoom = 1.3;
function fitGently(cy: Core, animate: boolean): Promise<void> {
  const box = cy.elements(':visible').boundingBox();
  const padding = 40;
  const w = cy.width();
  const h = cy.height();
  if (!box.w || !w || !h) return Promise.resolve();
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(maxFitZoom, (w - 2 * padding) / box.w, (h - 2 * padding) / box.h),
  );
  const pan = { x: (w - zoom * (box.x1 + box.x2)) / 2, y: (h - zoom * (box.y1 + box.y2)) / 2 };
  if (!animate) {
    cy.viewport({ zoom, pan });
    return Promise.resolve();
  }
  return new Promise((resolve) =>
    cy.animate({ zoom, pan }, { duration: 300, complete: () => resolve() }),
  );
}

/** Resolves after the browser has painted (or soon, when the page is hidden and frames stop). */
const painted = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 120);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });

/**
 * The Cytoscape canvas. On the container: `data-layout` is `running` while a layout moves nodes,
 * `data-labels` is `pending` until the labels are decided for where the nodes are, `data-renderer`
 * says which renderer draws.
 */
export function createGraphView(container: HTMLElement, options: GraphViewOptions = {}): GraphView {
  const settings = {
    container,
    style: options.large ? [...stylesheet, ...largeGraphStyles] : stylesheet,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: true,
    selectionType: 'single',
    // Settings for large graphs (set here once: cytoscape reads most of them at start). WebGL draws
    // everything each frame from textures, so it needs neither.
    hideEdgesOnViewport: !!options.large && !options.webgl,
    textureOnViewport: !!options.large && !options.webgl,
    pixelRatio: options.large ? 1 : 'auto',
  } as cytoscape.CytoscapeOptions;
  let renderer: RendererName = options.webgl && webglAvailable() ? 'webgl' : 'canvas';
  let cy: Core;
  try {
    cy = createCy(settings, renderer);
  } catch (error) {
    if (renderer !== 'webgl') throw error;
    // A WebGL2 context the probe got but the renderer could not use (lost, blocklisted): canvas.
    console.warn('WebGL renderer unavailable, drawing on canvas:', error);
    container.replaceChildren();
    renderer = 'canvas';
    cy = cytoscape({
      ...settings,
      hideEdgesOnViewport: !!options.large,
      textureOnViewport: !!options.large,
    });
  }
  container.dataset.renderer = renderer;
  if (renderer === 'webgl') pickByShape(cy);
  const expose = options.expose ?? '__cy';
  window[expose] = cy;
  container.dataset.layout = 'idle';
  let currentLayout: AnyLayout = 'fcose';
  let focus: string | undefined;
  let large = !!options.large;
  /** Each layout run takes a number; a run that a newer one overtook applies nothing. */
  let runs = 0;
  /** Nodes an expansion added that no layout has placed yet. */
  const unplaced = new Set<string>();

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

  // Labels by zoom level and without overlaps (web/graph/labels.ts); the canvas renderer's
  // min-zoomed-font-size alone is not enough (WebGL ignores it, and it does not prevent overlaps).
  let labelSteps: number[] = [];
  let labelLevel = -1;
  let labelsQueued = false;
  const labelNodes = (): LabelNode[] =>
    cy.nodes(':visible').map((n) => {
      const type = n.data('type') as string;
      const degree = n.degree(false);
      const rank =
        n.hasClass('focus') || n.selected() || n.hasClass('pinned') || n.hasClass('group')
          ? 0
          : type !== 'Person' || degree >= 3
            ? 1
            : 2;
      const fontSize = n.numericStyle('font-size');
      const p = n.position();
      return {
        id: n.id(),
        x: p.x,
        y: p.y,
        w: n.width(),
        h: n.height(),
        text: (n.data('label') as string) ?? '',
        fontSize,
        bold: String(n.style('font-weight')) === 'bold',
        maxWidth:
          n.style('text-wrap') === 'ellipsis'
            ? n.numericStyle('text-max-width')
            : Number.POSITIVE_INFINITY,
        priority:
          (n.selected() ? 4e6 : 0) +
          (n.hasClass('focus') ? 3e6 : 0) +
          (n.hasClass('pinned') ? 2e6 : 0) +
          (n.hasClass('group') ? 1e6 + Number(n.data('count') ?? 0) : 0) +
          (type !== 'Person' ? 1e4 : 0) +
          degree,
        minZoom: minScreenFont[rank] / fontSize,
        // The selection always shows its name; the focus, placed first after it, may cross nodes.
        always: n.selected(),
        overNodes: n.hasClass('group') || n.hasClass('focus'),
      };
    });
  const refreshLabels = () => {
    labelsQueued = false;
    if (cy.destroyed()) return;
    container.dataset.labels = 'done';
    const nodes = labelNodes();
    labelSteps = zoomSteps(nodes);
    labelLevel = zoomLevel(labelSteps, cy.zoom());
    const shown = shownLabels(nodes, cy.zoom(), measureText);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const hide = !shown.has(n.id());
        if (hide !== n.hasClass('no-label')) n.toggleClass('no-label', hide);
      });
    });
  };
  const queueLabels = () => {
    container.dataset.labels = 'pending';
    if (labelsQueued) return;
    labelsQueued = true;
    requestAnimationFrame(refreshLabels);
  };
  // Nodes moving (a layout's animation, layouts overtaking each other, a drag): once they have been
  // still for a moment, decide again. `data-labels` on the container is `pending` until then.
  let lastMove = 0;
  let moveTimer: ReturnType<typeof setTimeout> | undefined;
  const afterMoves = () => {
    moveTimer = undefined;
    const wait = lastMove + 120 - performance.now();
    if (wait > 0) moveTimer = setTimeout(afterMoves, wait);
    else queueLabels();
  };
  cy.on('position', () => {
    lastMove = performance.now();
    container.dataset.labels = 'pending';
    moveTimer ??= setTimeout(afterMoves, 120);
  });
  cy.on('zoom', () => {
    if (zoomLevel(labelSteps, cy.zoom()) !== labelLevel) queueLabels();
  });
  // 'data': a group's count changes its size and label.
  cy.on('add remove data select unselect', queueLabels);

  /** Grown past `largeGraph` elements (or shrunk back): switch to the cheaper styles once. */
  const fitStyleToSize = () => {
    const big = !!options.large || cy.elements().length > largeGraph;
    if (big === large) return;
    large = big;
    cy.style(big ? [...stylesheet, ...largeGraphStyles] : stylesheet);
  };

  /**
   * fcose input: each node's box with its label (measured by the renderer) and the ties. It refines
   * the positions drawn (radial placement, or the graph as it is), so nodes move the least.
   */
  const fcoseRequest = (fixed: (n: NodeSingular) => boolean) => ({
    randomize: false,
    nodes: cy.nodes().map((n) => {
      const box = n.layoutDimensions({ nodeDimensionsIncludeLabels: !large });
      const p = n.position();
      return { id: n.id(), x: p.x, y: p.y, w: box.w, h: box.h, fixed: fixed(n) };
    }),
    edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
  });

  /** Moves the nodes to computed positions in one animated step (a preset layout). */
  const moveTo = (positions: Positions) =>
    new Promise<void>((resolve) => {
      const layout = cy.layout({
        name: 'preset',
        positions: (n: NodeSingular) => positions[n.id()] ?? n.position(),
        animate: cy.elements().length < largeGraph,
        animationDuration: 450,
        fit: false,
      } as LayoutOptions);
      layout.one('layoutstop', () => resolve());
      layout.run();
    }).then(() => fitGently(cy, cy.elements().length < largeGraph));

  const runLayout = async (
    name: AnyLayout,
    { fixed = (n: NodeSingular) => n.hasClass('pinned') } = {},
  ) => {
    const run = ++runs;
    if (cy.nodes().empty()) {
      container.dataset.layout = 'idle';
      return;
    }
    container.dataset.layout = 'running';
    try {
      if (name === 'fcose') {
        const positions = await fcosePositions(fcoseRequest(fixed));
        if (run !== runs || cy.destroyed()) return;
        await moveTo(positions);
      } else {
        if (name === 'dagre') await loadDagre();
        if (run !== runs || cy.destroyed()) return;
        await new Promise<void>((resolve) => {
          const layout = cy.layout(layoutOptions(name, cy, { focusId: focus }));
          layout.one('layoutstop', () => resolve());
          layout.run();
        });
        if (run === runs && !cy.destroyed()) await fitGently(cy, cy.elements().length < largeGraph);
      }
    } finally {
      if (run === runs && !cy.destroyed()) {
        refreshLabels();
        container.dataset.layout = 'idle';
      }
    }
  };

  const view: GraphView = {
    cy,
    renderer,
    refreshLabels: queueLabels,
    async show(elements, focusId, layout = 'fcose') {
      focus = focusId;
      currentLayout = layout;
      runs++; // a layout still running for the previous graph applies nothing
      unplaced.clear();
      // Paint at once on a radial placement around the focus; fcose refines it off the main thread.
      const start = radialPlacement(
        elements.filter((e) => e.group === 'nodes').map((e) => e.data.id as string),
        elements
          .filter((e) => e.group === 'edges')
          .map((e) => ({ source: e.data.source as string, target: e.data.target as string })),
        focusId,
      );
      cy.batch(() => {
        cy.elements().remove();
        cy.add(
          elements.map((e) =>
            e.group === 'nodes' ? { ...e, position: start[e.data.id as string] } : e,
          ),
        );
        markParallel(cy);
      });
      fitStyleToSize();
      void fitGently(cy, false);
      if (focusId && cy.getElementById(focusId).nonempty()) view.select(focusId);
      container.dataset.layout = 'running';
      await painted();
      await runLayout(layout);
    },
    async merge(elements, aroundId) {
      const around = cy.getElementById(aroundId);
      const centre = around.nonempty() ? around.position() : { x: 0, y: 0 };
      const box = cy.nodes().boundingBox({ includeLabels: false });
      const middle = cy.nodes().nonempty()
        ? { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 }
        : centre;
      const newNodes = elements.filter((e) => e.group === 'nodes');
      const spots = ringAround(newNodes.length, centre, middle);
      const before = new Set(cy.nodes().map((n) => n.id()));
      cy.nodes('.fresh').removeClass('fresh');
      cy.batch(() => {
        // New nodes start on the free side of the one expanded; the nodes already drawn stay put.
        newNodes.forEach((node, i) => {
          node.position = spots[i];
          node.classes = [...toClassList(node.classes), 'fresh'];
        });
        cy.add(elements);
        markParallel(cy);
      });
      fitStyleToSize();
      if (!newNodes.length) return 0;
      for (const node of newNodes) unplaced.add(node.data.id as string);
      // The new nodes on screen first: the layout's worker would take the CPU that drawing needs.
      container.dataset.layout = 'running';
      const run = runs;
      await painted();
      // A layout that started meanwhile (another expansion, a new graph) places these nodes too.
      if (run !== runs) return newNodes.length;
      const placing = new Set(unplaced);
      unplaced.clear();
      await runLayout(currentLayout, { fixed: (n) => before.has(n.id()) && !placing.has(n.id()) });
      return newNodes.length;
    },
    relayout(layout = currentLayout) {
      currentLayout = layout;
      return runLayout(layout);
    },
    restore(elements) {
      runs++; // nor does one that was about to start
      unplaced.clear();
      container.dataset.layout = 'idle';
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
        markParallel(cy);
      });
      fitStyleToSize();
      cy.nodes('.pinned').lock();
      focus = cy.nodes('.focus').first().id() || undefined;
      void fitGently(cy, false);
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
      clearTimeout(moveTimer);
      if (window[expose] === cy) window[expose] = undefined;
      cy.destroy();
    },
  };
  return view;
}

const textWidths = new Map<string, number>();
let measuring: CanvasRenderingContext2D | null | undefined;
/** Label widths as the canvas draws them (the stylesheet's font), remembered per text and size. */
function measureText(text: string, size: number, bold = false): number {
  const key = `${size}|${bold}|${text}`;
  const known = textWidths.get(key);
  if (known !== undefined) return known;
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return estimateWidth(text, size, bold);
  measuring.font = `${bold ? 'bold ' : ''}${size}px ${fontStack}`;
  const width = measuring.measureText(text).width;
  if (textWidths.size > 20_000) textWidths.clear();
  textWidths.set(key, width);
  return width;
}

function toClassList(classes: ElementDefinition['classes']): string[] {
  if (!classes) return [];
  return Array.isArray(classes) ? classes : classes.split(/\s+/).filter(Boolean);
}
