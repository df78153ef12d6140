import type { Core, CytoscapeOptions } from 'cytoscape';

/** Which renderer a graph view draws with: Cytoscape's WebGL renderer, or its 2D canvas one. */
export type RendererName = 'webgl' | 'canvas';

let probed: boolean | undefined;

/**
 * Whether this browser gives a WebGL2 context (what Cytoscape's WebGL renderer needs). Asked once:
 * the probe's context is released at once, so it does not count against the browser's context limit.
 */
export function webglAvailable(): boolean {
  if (probed !== undefined) return probed;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    probed = !!gl;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    probed = false;
  }
  return probed;
}

/**
 * The renderer options for `cytoscape({...})`. Cytoscape ≥ 3.31 draws with WebGL when given
 * `renderer: { name: 'canvas', webgl: true }` (labels and complex shapes become textures, picking
 * reads a framebuffer); without WebGL2 it would throw, so the canvas renderer is the fallback.
 */
export function rendererOptions(want: RendererName): Partial<CytoscapeOptions> {
  if (want !== 'webgl') return {};
  return { renderer: { name: 'canvas', webgl: true } } as Partial<CytoscapeOptions>;
}

/**
 * Makes the WebGL renderer find what is under the pointer from the elements' shapes, as the canvas
 * renderer does. Its own way reads an offscreen picking buffer by z-order index; after a layout or a
 * regroup that buffer and the element list it indexes can disagree, so a press on a node landed on
 * the background or on another node (explorer-scale: 16 of 96 first double-clicks on a hub missed,
 * and a double-click on one group node opened its neighbour). The shape test costs more per
 * pointer move on very large graphs, but always sees the nodes where they are. (Cytoscape 3.34 sets
 * the WebGL way on the renderer instance; removing it falls back to the renderer's own method.)
 */
export function pickByShape(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): object }).renderer();
  if (Object.hasOwn(renderer, 'findNearestElements'))
    delete (renderer as { findNearestElements?: unknown }).findNearestElements;
}
