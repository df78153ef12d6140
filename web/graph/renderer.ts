import type { CytoscapeOptions } from 'cytoscape';

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
