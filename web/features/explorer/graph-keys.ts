import type { Core } from 'cytoscape';

/** What a key pressed on the graph canvas asks for. */
type GraphKey =
  | { action: 'select'; id: string | undefined }
  | { action: 'open'; id: string }
  | { action: 'menu'; id: string; x: number; y: number };

/**
 * The canvas's keys, for those who do not use a mouse: arrows walk the visible nodes from left to
 * right, Enter opens the selected node (expands it, or opens a group), the menu key or Shift+F10
 * opens its menu. Null: the key is not the graph's.
 */
export function graphKey(cy: Core, selected: string | null, event: KeyboardEvent): GraphKey | null {
  const nodes = cy.nodes(':visible').sort((a, b) => a.position('x') - b.position('x'));
  const index = selected ? nodes.toArray().findIndex((n) => n.id() === selected) : -1;
  const pick = (i: number): GraphKey => ({
    action: 'select',
    id: nodes[(i + nodes.length) % nodes.length]?.id(),
  });
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') return pick(index + 1);
  if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') return pick(index - 1);
  if (event.key === 'Enter' && selected) return { action: 'open', id: selected };
  if ((event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) && selected) {
    const at = cy.getElementById(selected).renderedPosition();
    return { action: 'menu', id: selected, x: at.x, y: at.y };
  }
  return null;
}
