/**
 * Which node labels to draw: by zoom level (small nodes lose their labels first when zoomed out),
 * then without overlaps (a label that would cover another label or another node is left out, the
 * more important nodes first). Pure: nodes in, ids out; the graph view applies the answer as a class.
 *
 * Labels scale with the zoom like everything else, so whether two shown labels overlap does not
 * depend on the zoom: the answer changes only when the zoom crosses a node's `minZoom`, when nodes
 * move, or when nodes come and go.
 */

export interface LabelNode {
  id: string;
  /** Centre of the node, model coordinates. */
  x: number;
  y: number;
  /** The node's body, model units. */
  w: number;
  h: number;
  text: string;
  fontSize: number;
  bold?: boolean;
  /** Widest the label is drawn (ellipsis past it); Infinity when not cut. */
  maxWidth: number;
  /** Higher first: the focus, the selection and group nodes before hubs, hubs before leaves. */
  priority: number;
  /** Below this zoom the label is not drawn at all (too small to read). */
  minZoom: number;
  /** Drawn whatever it overlaps (the focus, the selected node). */
  always?: boolean;
  /** Drawn over other nodes' bodies if need be, though not over other labels (group nodes). */
  overNodes?: boolean;
}

/** The drawn width of a text at a font size (px), bold or not. */
export type Measure = (text: string, size: number, bold?: boolean) => number;

/** Gap between the node and its label (the stylesheet's text-margin-y). */
const marginY = 4;
/**
 * Around each label: the stylesheet's text-background-padding (1) plus the 2 px Cytoscape adds to
 * every label's bounds for inexact text measurement. With less, two labels we keep apart could still
 * touch as Cytoscape draws and hit-tests them.
 */
const pad = 3;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a label is drawn: centred below its node (text-valign: bottom). */
export function labelBox(node: LabelNode, measure: Measure): Box {
  // Cytoscape rounds a label's measured width up to whole pixels.
  const width = Math.min(Math.ceil(measure(node.text, node.fontSize, node.bold)), node.maxWidth);
  const top = node.y + node.h / 2 + marginY;
  return {
    x1: node.x - width / 2 - pad,
    x2: node.x + width / 2 + pad,
    y1: top - pad,
    y2: top + node.fontSize * 1.25 + pad,
  };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A uniform grid over model space: each box is filed under every cell it touches. */
class Grid {
  private cells = new Map<string, Box[]>();
  constructor(private size: number) {}
  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.x1 / this.size); i <= Math.floor(b.x2 / this.size); i++)
      for (let j = Math.floor(b.y1 / this.size); j <= Math.floor(b.y2 / this.size); j++)
        keys.push(`${i},${j}`);
    return keys;
  }
  add(b: Box, owner?: string) {
    const tagged = Object.assign({ owner, body: owner !== undefined }, b);
    for (const k of this.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(tagged);
      else this.cells.set(k, [tagged]);
    }
  }
  hits(b: Box, self: string, bodies: boolean): boolean {
    for (const k of this.keys(b))
      for (const other of this.cells.get(k) ?? []) {
        const o = other as Box & { owner?: string; body: boolean };
        if (o.owner !== self && (bodies || !o.body) && overlaps(b, o)) return true;
      }
    return false;
  }
}

/**
 * The ids whose labels are drawn at `zoom`: each node's label if the zoom is at least its `minZoom`
 * and it overlaps neither a label already kept (more important first) nor another node's body
 * (group labels may cross a body: a group without its name says nothing).
 */
export function shownLabels(
  nodes: readonly LabelNode[],
  zoom: number,
  measure: Measure,
): Set<string> {
  const shown = new Set<string>();
  const grid = new Grid(120);
  for (const n of nodes)
    grid.add({ x1: n.x - n.w / 2, x2: n.x + n.w / 2, y1: n.y - n.h / 2, y2: n.y + n.h / 2 }, n.id);
  const order = nodes
    .filter((n) => n.text && (n.always || zoom >= n.minZoom))
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const node of order) {
    const box = labelBox(node, measure);
    if (!node.always && grid.hits(box, node.id, !node.overNodes)) continue;
    grid.add(box);
    shown.add(node.id);
  }
  return shown;
}

/** The zooms at which `shownLabels` can change: the distinct `minZoom`s, ascending. */
export function zoomSteps(nodes: readonly LabelNode[]): number[] {
  return [...new Set(nodes.map((n) => n.minZoom))].sort((a, b) => a - b);
}

/** How many of `steps` the zoom has reached: the label set is the same within one level. */
export function zoomLevel(steps: readonly number[], zoom: number): number {
  let level = 0;
  while (level < steps.length && zoom >= (steps[level] as number)) level++;
  return level;
}

/**
 * Labels smaller than this on screen are not drawn (px), by rank: 0 the focus, selection, pins and
 * groups (always), 1 hubs and places/organisations/fields, 2 leaves (people with one tie drawn).
 */
export const minScreenFont = [0, 5, 8] as const;

/** A rough width for text in the stylesheet's CJK font: a full em per CJK character, 0.6 em else. */
export function estimateWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * size * (bold ? 1.08 : 1);
}
