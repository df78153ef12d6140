import { describe, expect, it } from 'vitest';
import { type DrawnElement, fromSavedGraph, stepTo, toSavedGraph } from './saved-views.ts';

const drawn: DrawnElement[] = [
  {
    group: 'nodes',
    data: { id: 'Person:A', label: '旧名' },
    position: { x: 1.234, y: 2 },
    classes: ['focus'],
  },
  {
    group: 'nodes',
    data: { id: 'Organization:B', label: 'HUST' },
    position: { x: 5, y: 6 },
    classes: ['pinned', 'fresh'],
  },
  {
    group: 'edges',
    data: {
      id: 'e1',
      source: 'Person:A',
      target: 'Organization:B',
      kind: 'WORKED_AT',
      label: '任职',
      derived: false,
    },
    classes: [],
  },
  {
    group: 'edges',
    data: { id: 'e2', source: 'Person:A', target: 'Person:Gone', kind: 'KNOWS' },
    classes: [],
  },
];

describe('saved view graphs', () => {
  it('keeps ids, positions, flags and edges between kept nodes', () => {
    const graph = toSavedGraph(drawn, { layout: 'concentric' }, { zoom: 1.5, x: 10.04, y: 3 });
    expect(graph.nodes).toEqual([
      { id: 'Person:A', x: 1.2, y: 2, focus: true },
      { id: 'Organization:B', x: 5, y: 6, pinned: true },
    ]);
    expect(graph.edges.map((e) => e.id)).toEqual(['e1']);
    expect(graph.viewport).toEqual({ zoom: 1.5, x: 10, y: 3 });
    expect(JSON.stringify(graph)).not.toContain('旧名');
  });

  it('relabels with fresh names and drops entities that are gone, with their edges', () => {
    const graph = toSavedGraph(drawn, {}, { zoom: 1, x: 0, y: 0 });
    const { elements, dropped } = fromSavedGraph(graph, [
      { __typename: 'Person', id: 'Person:A', name: '新名', latinName: 'Xin' },
    ]);
    expect(dropped).toEqual(['Organization:B']);
    expect(elements).toHaveLength(1);
    expect(elements[0]?.data).toMatchObject({ id: 'Person:A', label: '新名', type: 'Person' });
    expect(elements[0]?.classes).toEqual(['focus']);
  });

  it('steps within the annotation list', () => {
    expect(stepTo(0, -1, 3)).toBe(0);
    expect(stepTo(1, 1, 3)).toBe(2);
    expect(stepTo(2, 1, 3)).toBe(2);
    expect(stepTo(0, 1, 0)).toBe(0);
  });
});
