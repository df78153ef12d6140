import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';

/** Which renderer a graph view draws with: Cytoscape's WebGL renderer, or its 2D canvas one. */
export type RendererName = 'webgl' | 'canvas';

let probed: { webgl: boolean; software: boolean } | undefined;

/** Asks the browser once for a WebGL2 context, then releases it (it counts against a limit). */
function probe(): { webgl: boolean; software: boolean } {
  if (probed) return probed;
  probed = { webgl: false, software: false };
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      probed = { webgl: true, software: /swiftshader|llvmpipe|software/i.test(name) };
    }
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // no WebGL: the canvas renderer draws
  }
  return probed;
}

/** Whether this browser gives a WebGL2 context (what Cytoscape's WebGL renderer needs). */
export const webglAvailable = (): boolean => probe().webgl;

/**
 * Creates the Cytoscape instance. With WebGL drawn in software (no GPU: virtual desktops, remote
 * sessions, headless tests) its canvas is made without multisampling, which costs about a third of
 * every frame there (pan frames of a 540-node graph: 207–227 ms → 144–156 ms p50 on SwiftShader).
 * Cytoscape asks for the context itself and takes no context options, so the request is adjusted
 * while it is being built.
 */
export function createCy(options: CytoscapeOptions, want: RendererName): Core {
  if (want !== 'webgl' || !probe().software)
    return cytoscape({ ...options, ...rendererOptions(want) });
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (
    this: HTMLCanvasElement,
    type: string,
    attrs?: object,
  ) {
    return getContext.call(this, type, type === 'webgl2' ? { ...attrs, antialias: false } : attrs);
  } as typeof getContext;
  try {
    return cytoscape({ ...options, ...rendererOptions(want) });
  } finally {
    HTMLCanvasElement.prototype.getContext = getContext;
  }
}

/**
 * The renderer options for `cytoscape({...})`. Cytoscape ≥ 3.31 draws with WebGL when given
 * `renderer: { name: 'canvas', webgl: true }` (labels and complex shapes become textures, picking
 * reads a framebuffer); without WebGL2 it would throw, so the canvas renderer is the fallback.
 */
function rendererOptions(want: RendererName): Partial<CytoscapeOptions> {
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
