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

/** The part of Cytoscape's WebGL renderer that finds what is under the pointer (not public API). */
interface WebglPicking {
  pickingFrameBuffer?: { needsDraw: boolean };
}

/**
 * Makes the WebGL renderer redraw its picking buffer before each press on the graph. Cytoscape
 * redraws that buffer only when the viewport or a bounding box is reported changed, and after a
 * layout has moved the nodes it can still hold their old places: a double-click on a node then
 * landed on the background (explorer-scale's paging test: 16 of 96 first double-clicks missed, 0 of 56 with this). One
 * offscreen draw per press costs little; a canvas renderer has no such buffer and is left alone.
 */
export function refreshPickingOnPress(cy: Core, container: HTMLElement): void {
  const picking = (cy as unknown as { renderer(): WebglPicking }).renderer();
  if (!picking.pickingFrameBuffer) return;
  const markStale = () => {
    if (picking.pickingFrameBuffer) picking.pickingFrameBuffer.needsDraw = true;
  };
  // Capture: before Cytoscape's own listeners pick the element under the press.
  container.addEventListener('mousedown', markStale, { capture: true });
  container.addEventListener('touchstart', markStale, { capture: true, passive: true });
}
