import type { Core } from 'cytoscape';

/** What the explorer's filters leave visible (node types and tie kinds hidden; one field/place). */
export interface GraphFilters {
  hiddenTypes: string[];
  hiddenTieKinds: string[];
  /** A Field or Place node drawn in the graph: people not tied to it are hidden. */
  near: string | null;
}

export const noFilters: GraphFilters = { hiddenTypes: [], hiddenTieKinds: [], near: null };

/** Marks elements the filters hide with the `filtered` class (display: none); returns how many nodes. */
export function applyFilters(cy: Core, filters: GraphFilters): number {
  let hidden = 0;
  cy.batch(() => {
    cy.elements('.filtered').removeClass('filtered');
    const types = new Set(filters.hiddenTypes);
    const kinds = new Set(filters.hiddenTieKinds);
    const near = filters.near ? cy.getElementById(filters.near) : null;
    const closeBy = near?.nonempty() ? near.closedNeighborhood('node') : null;
    cy.nodes().forEach((node) => {
      const type = node.data('type') as string;
      // A group node goes with the type of its members.
      const out =
        types.has((node.data('memberType') as string | undefined) ?? type) ||
        (closeBy !== null && type === 'Person' && !node.hasClass('focus') && !closeBy.has(node));
      if (out) {
        node.addClass('filtered');
        hidden += 1;
      }
    });
    cy.edges().forEach((edge) => {
      if (kinds.has(edge.data('kind') as string)) edge.addClass('filtered');
    });
  });
  return hidden;
}
