import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyFilters, noFilters } from './filters.ts';

function graph() {
  return cytoscape({
    headless: true,
    elements: [
      { data: { id: 'p1', type: 'Person' }, classes: 'focus' },
      { data: { id: 'p2', type: 'Person' } },
      { data: { id: 'p3', type: 'Person' } },
      { data: { id: 'o1', type: 'Organization' } },
      { data: { id: 'f1', type: 'Field' } },
      { data: { id: 'e1', source: 'p1', target: 'o1', kind: 'WORKED_AT' } },
      { data: { id: 'e2', source: 'p2', target: 'f1', kind: 'EXPERT_IN' } },
      { data: { id: 'e3', source: 'p1', target: 'p3', kind: 'KNOWS' } },
    ],
  });
}

describe('graph filters', () => {
  it('hides node types and tie kinds', () => {
    const cy = graph();
    expect(
      applyFilters(cy, { ...noFilters, hiddenTypes: ['Organization'], hiddenTieKinds: ['KNOWS'] }),
    ).toBe(1);
    expect(cy.getElementById('o1').hasClass('filtered')).toBe(true);
    expect(cy.getElementById('e3').hasClass('filtered')).toBe(true);
    expect(cy.getElementById('e1').hasClass('filtered')).toBe(false);
  });

  it('near a field keeps only the people tied to it (and the focus)', () => {
    const cy = graph();
    applyFilters(cy, { ...noFilters, near: 'f1' });
    expect(cy.nodes('.filtered').map((n) => n.id())).toEqual(['p3']);
    // Clearing brings them back.
    applyFilters(cy, noFilters);
    expect(cy.nodes('.filtered').length).toBe(0);
  });
});
