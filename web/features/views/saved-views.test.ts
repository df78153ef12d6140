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

  it('keeps group nodes as the members they hold, with their ties and where each group was', () => {
    const member = (id: string, year: number | null) => ({
      node: { group: 'nodes' as const, data: { id, label: id, type: 'Person' } },
      edges: [
        {
          group: 'edges' as const,
          data: {
            id: `t-${id}`,
            source: id,
            target: 'Organization:B',
            kind: 'STUDIED_AT',
            label: '校友',
            derived: false,
            startYear: null,
            endYear: year,
          },
        },
      ],
    });
    const held = [
      {
        hub: 'Organization:B',
        type: 'Person',
        members: [member('Person:M1', 1998), member('Person:M2', null)],
        groups: [{ key: '1990', x: 7.06, y: 8 }],
      },
      // A fan-out around a node that is not drawn is not part of the view.
      { hub: 'Organization:Z', type: 'Person', members: [member('Person:M3', 2001)], groups: [] },
    ];
    const graph = toSavedGraph(drawn, { groupBy: 'decade' }, { zoom: 1, x: 0, y: 0 }, held);
    expect(graph.fanOuts).toEqual([
      {
        hub: 'Organization:B',
        type: 'Person',
        members: [
          {
            id: 'Person:M1',
            ties: [
              {
                id: 't-Person:M1',
                source: 'Person:M1',
                target: 'Organization:B',
                kind: 'STUDIED_AT',
                label: '校友',
                endYear: 1998,
              },
            ],
          },
          {
            id: 'Person:M2',
            ties: [
              {
                id: 't-Person:M2',
                source: 'Person:M2',
                target: 'Organization:B',
                kind: 'STUDIED_AT',
                label: '校友',
              },
            ],
          },
        ],
        groups: [{ key: '1990', x: 7.1, y: 8 }],
      },
    ]);
    const { fanOuts, dropped } = fromSavedGraph(graph, [
      { __typename: 'Person', id: 'Person:A', name: 'A', latinName: null },
      { __typename: 'Organization', id: 'Organization:B', name: 'HUST', latinName: null },
      { __typename: 'Person', id: 'Person:M1', name: '新名', latinName: null },
    ]);
    expect(dropped).toEqual(['Person:M2']);
    expect(fanOuts).toHaveLength(1);
    expect(fanOuts[0]?.members.map((m) => m.node.data)).toEqual([
      { id: 'Person:M1', label: '新名', type: 'Person', latinName: null },
    ]);
    expect(fanOuts[0]?.members[0]?.edges[0]?.data).toMatchObject({
      endYear: 1998,
      startYear: null,
    });
    expect(fanOuts[0]?.groups.get('1990')).toEqual({ x: 7.1, y: 8 });
  });

  it('steps within the annotation list', () => {
    expect(stepTo(0, -1, 3)).toBe(0);
    expect(stepTo(1, 1, 3)).toBe(2);
    expect(stepTo(2, 1, 3)).toBe(2);
    expect(stepTo(0, 1, 0)).toBe(0);
  });
});
