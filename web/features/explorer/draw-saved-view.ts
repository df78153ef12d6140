import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import type { OpenedView } from '../views/open-view.ts';
import type { ExplorerGraph } from './explorer-graph.ts';

/**
 * Draws a saved view in place of the graph: its entities, its groups made again from the members
 * they held and put where they were drawn, and its viewport. Returns the view's steps for the
 * presenter, less the group nodes that were not made again.
 */
export async function drawSavedView(
  g: ExplorerGraph,
  opened: OpenedView,
): Promise<OpenedView['annotations']> {
  const groups = g.groups;
  groups.clear();
  g.view.restore(opened.elements);
  const { style, viewport } = opened.graph;
  if (style?.groupBy) groups.by = style.groupBy;
  for (const f of opened.fanOuts) groups.add(f.hub, new Map([[f.type, f.members]]));
  if (opened.fanOuts.length) {
    await g.regroup();
    const cy = g.view.cy;
    cy.batch(() => {
      for (const f of opened.fanOuts)
        cy.nodes('.group').forEach((node) => {
          const at = f.groups.get(node.data('key'));
          if (node.data('hub') === f.hub && node.data('memberType') === f.type && at)
            node.position(at);
        });
    });
  }
  if (viewport) g.view.cy.viewport({ zoom: viewport.zoom, pan: { x: viewport.x, y: viewport.y } });
  g.changed();
  const shown = t('views.opened', { title: opened.title, n: g.view.cy.nodes().length });
  status.value = opened.dropped.length
    ? `${shown} · ${t('views.dropped', { n: opened.dropped.length })}`
    : shown;
  // A step's group node that is not made again (its members changed) is left out.
  return opened.annotations.map((a) => ({
    ...a,
    nodeIds: a.nodeIds.filter((id) => g.view.has(id)),
  }));
}
