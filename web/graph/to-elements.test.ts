import { describe, expect, it } from 'vitest';
import type { Neighborhood } from '../features/explorer/queries.ts';
import { toElements } from './to-elements.ts';

const hood: Pick<Neighborhood, 'nodes' | 'edges'> = {
  nodes: [
    { __typename: 'Organization', id: 'Organization:1', name: '华中科技大学', latinName: 'HUST' },
    { __typename: 'Person', id: 'Person:1', name: '李明', latinName: 'Li Ming' },
    { __typename: 'Person', id: 'Person:2', name: '王芳', latinName: null },
  ],
  edges: [
    {
      id: 'e1',
      source: 'Person:1',
      target: 'Organization:1',
      kind: 'WORKED_AT',
      label: '教授',
      derived: false,
      current: true,
      strength: null,
      startYear: null,
      endYear: null,
    },
    {
      id: 'e2',
      source: 'Person:1',
      target: 'Person:2',
      kind: 'DERIVED_TIE',
      label: null,
      derived: true,
      current: null,
      strength: 0.4,
      startYear: null,
      endYear: null,
    },
    {
      id: 'e3',
      source: 'Person:2',
      target: 'Person:99',
      kind: 'KNOWS',
      label: 'friend',
      derived: false,
      current: null,
      strength: 0.8,
      startYear: null,
      endYear: null,
    },
  ],
};

describe('toElements', () => {
  it('turns entities into nodes with label, type and latin name, and marks the focus', () => {
    const elements = toElements(hood, { focusId: 'Organization:1' });
    const nodes = elements.filter((e) => e.group === 'nodes');
    expect(nodes).toHaveLength(3);
    expect(nodes[0]).toEqual({
      group: 'nodes',
      data: {
        id: 'Organization:1',
        label: '华中科技大学',
        type: 'Organization',
        latinName: 'HUST',
      },
      classes: ['focus'],
    });
    expect(nodes[2]).toMatchObject({ data: { latinName: null }, classes: [] });
  });

  it('turns ties into edges, labels derived ties by kind and drops dangling ones', () => {
    const edges = toElements(hood).filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data.id)).toEqual(['e1', 'e2']);
    expect(edges[0]).toMatchObject({
      data: { source: 'Person:1', target: 'Organization:1', kind: 'WORKED_AT', label: '教授' },
      classes: [],
    });
    expect(edges[1]).toMatchObject({
      data: { kind: 'DERIVED_TIE', label: '推断关系', derived: true },
      classes: ['derived'],
    });
  });

  it('puts nodes before edges so Cytoscape can add them in one call', () => {
    const groups = toElements(hood).map((e) => e.group);
    expect(groups).toEqual(['nodes', 'nodes', 'nodes', 'edges', 'edges']);
  });

  it('leaves out what is already drawn but keeps edges to drawn nodes', () => {
    const existing = new Set(['Organization:1', 'Person:1', 'e1', 'Person:99']);
    const elements = toElements(hood, { existing });
    expect(elements.map((e) => e.data.id)).toEqual(['Person:2', 'e2', 'e3']);
  });

  it('returns nothing for an empty answer and does not mutate the existing set', () => {
    const existing = new Set(['x']);
    expect(toElements({ nodes: [], edges: [] }, { existing })).toEqual([]);
    expect([...existing]).toEqual(['x']);
  });
});
