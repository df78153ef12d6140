import type { ElementDefinition } from 'cytoscape';
import type { EntityType } from '../../../web/api/fragments.ts';
import { FanOuts } from '../../../web/features/explorer/fan-outs.ts';
import type { Neighborhood } from '../../../web/features/explorer/queries.ts';
import { createGraphView, type GraphView } from '../../../web/graph/graph-view.ts';
import { splitFanOut } from '../../../web/graph/groups.ts';
import { toElements } from '../../../web/graph/to-elements.ts';

/**
 * The page test/bench/browser-render.ts drives: the app's own graph view (stylesheet, settings,
 * layouts) on graphs generated here, so no server is needed.
 */

const types: EntityType[] = ['Person', 'Person', 'Person', 'Organization', 'Place', 'Field'];
const kinds = ['KNOWS', 'WORKED_AT', 'STUDIED_AT', 'LIVES_IN', 'EXPERT_IN', 'DERIVED_TIE'];

/** A deterministic pseudo-random graph: clustered, like a talent network. */
export function generate(nodes: number, edges: number, seed = 7): Neighborhood {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const hood: Neighborhood = {
    nodes: [],
    edges: [],
    truncated: false,
    omittedNodes: 0,
    omittedByKind: [],
    omittedAtLeast: false,
  };
  for (let i = 0; i < nodes; i++) {
    hood.nodes.push({
      __typename: types[i % types.length]!,
      id: `n${i}`,
      name: `节点${i} 张伟`,
      latinName: null,
    });
  }
  const cluster = 50;
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(rand() * nodes);
    // Mostly inside a cluster, sometimes across.
    const b =
      rand() < 0.85
        ? (Math.floor(a / cluster) * cluster + Math.floor(rand() * cluster)) % nodes
        : Math.floor(rand() * nodes);
    if (a === b) continue;
    hood.edges.push({
      id: `e${i}`,
      source: `n${a}`,
      target: `n${b}`,
      kind: kinds[i % kinds.length]!,
      label: null,
      derived: i % 6 === 5,
      current: null,
      strength: null,
      startYear: null,
      endYear: null,
    });
  }
  return hood;
}

/** A neighbourhood of `nodes` around n0: clustered ties, and n0 tied to 150 of them (a hub). */
function hub(nodes: number): Neighborhood {
  const hood = generate(nodes, nodes * 2, 11);
  hood.edges.push(
    ...hood.nodes.slice(1, 150).map((n, i) => ({
      id: `f${i}`,
      source: 'n0',
      target: n.id,
      kind: 'KNOWS',
      label: null,
      derived: false,
      current: null,
      strength: null,
      startYear: null,
      endYear: null,
    })),
  );
  return hood;
}

/** Cluster positions on a grid, so the big graph needs no layout. */
function placed(elements: ElementDefinition[]): ElementDefinition[] {
  const cluster = 50;
  const perRow = 10;
  return elements.map((e, i) => {
    if (e.group !== 'nodes') return e;
    const c = Math.floor(i / cluster);
    const k = i % cluster;
    const angle = (2 * Math.PI * k) / cluster;
    return {
      ...e,
      position: {
        x: (c % perRow) * 500 + 180 * Math.cos(angle),
        y: Math.floor(c / perRow) * 500 + 180 * Math.sin(angle),
      },
    };
  });
}

let view: GraphView | undefined;

/** A new graph view in the page's container (the one before it destroyed). */
function freshView(options: { large?: boolean; webgl: boolean }): GraphView {
  view?.destroy();
  view = createGraphView(document.getElementById('graph')!, { expose: '__benchCy', ...options });
  return view;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame((t) => resolve(t)));
let frames: number[] = [];
let recording = false;

const bench = {
  /** Draws `nodes`/`edges` at fixed positions; ms from adding to the first painted frame. */
  async big(nodes: number, edges: number, mode: 'canvas' | 'large' | 'webgl') {
    const shown = freshView({ large: mode !== 'canvas', webgl: mode === 'webgl' });
    const elements = placed(toElements(generate(nodes, edges)));
    const start = performance.now();
    shown.cy.add(elements);
    shown.cy.fit(undefined, 20);
    await nextFrame();
    await nextFrame();
    const firstRender = performance.now() - start;
    return {
      firstRender,
      nodes: shown.cy.nodes().length,
      edges: shown.cy.edges().length,
      renderer: shown.renderer,
    };
  },
  /**
   * A neighbourhood of `nodes` the way the explorer shows one: toElements, then show with fcose.
   * First paint = from show() to the second frame after it (the first frame drawn with the graph).
   */
  async neighbourhood(nodes: number, webgl: boolean) {
    const shown = freshView({ webgl });
    const hood = hub(nodes);
    const start = performance.now();
    // The longest gap between frames from the start until laid out: the longest time the page
    // could not paint or answer input.
    let longestFrame = 0;
    let last = start;
    let watching = true;
    const tick = (t: number) => {
      if (!watching) return;
      longestFrame = Math.max(longestFrame, t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const laidOutPromise = shown.show(toElements(hood, { focusId: 'n0' }), 'n0', 'fcose');
    await nextFrame();
    await nextFrame();
    const firstPaint = performance.now() - start;
    await laidOutPromise;
    const laidOut = performance.now() - start;
    watching = false;
    return {
      firstPaint,
      laidOut,
      longestFrame,
      nodes: shown.cy.nodes().length,
      edges: shown.cy.edges().length,
      renderer: shown.renderer,
    };
  },
  /**
   * Expanding a node of a drawn 500-node neighbourhood, the way the explorer does: `added` new
   * neighbours, drawn one by one (merge) or, past the fan-out limit, held in group nodes by decade.
   * Interactive = from the answer's arrival (toElements) to the second frame after merge() returned:
   * the new nodes are on screen and the page answers input (the layout refines them in a worker).
   */
  async expand(added: number, webgl: boolean) {
    const shown = freshView({ webgl });
    await shown.show(toElements(hub(500), { focusId: 'n0' }), 'n0', 'fcose');
    const around = 'n7';
    const answer: Neighborhood = {
      nodes: [],
      edges: [],
      truncated: false,
      omittedNodes: 0,
      omittedByKind: [],
      omittedAtLeast: false,
    };
    for (let i = 0; i < added; i++) {
      answer.nodes.push({
        __typename: 'Person',
        id: `x${i}`,
        name: `新人${i} 李娜`,
        latinName: null,
      });
      answer.edges.push({
        id: `xe${i}`,
        source: `x${i}`,
        target: around,
        kind: 'STUDIED_AT',
        label: null,
        derived: false,
        current: null,
        strength: null,
        startYear: 1980 + (i % 40),
        endYear: 1984 + (i % 40),
      });
    }
    const groups = new FanOuts(shown, (g) => `${g.name}年代 · ${g.count}`, 'decade');
    await nextFrame();
    const start = performance.now();
    const elements = toElements(answer, { existing: shown.ids() });
    const { drawn, members } = splitFanOut(elements, around, () => 0);
    groups.add(around, members);
    const groupElements = groups.sync().get(around) ?? [];
    const merged = shown.merge([...drawn, ...groupElements], around);
    await nextFrame();
    await nextFrame();
    const interactive = performance.now() - start;
    await merged;
    const laidOut = performance.now() - start;
    return {
      interactive,
      laidOut,
      drawn: drawn.filter((e) => e.group === 'nodes').length,
      groups: groupElements.filter((e) => e.group === 'nodes').length,
      renderer: shown.renderer,
    };
  },
  startFrames() {
    frames = [];
    recording = true;
    let last = performance.now();
    const tick = (t: number) => {
      if (!recording) return;
      frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  },
  stopFrames() {
    recording = false;
    return frames;
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.body.dataset.ready = 'yes';
