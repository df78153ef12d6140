import { describe, expect, it } from 'vitest';
import { pathElements } from './path-elements.ts';
import type { IntroductionPath, PathHop } from './queries.ts';

const person = (id: string): PathHop['from'] => ({
  __typename: 'Person',
  id,
  name: id,
  latinName: null,
});
const hop = (from: string, to: string, derived = false): PathHop => ({
  from: person(from),
  to: person(to),
  kind: derived ? 'colleague' : 'friend',
  via: null,
  derived,
  startYear: null,
  endYear: null,
  strength: 0.8,
  explanation: `${from} → ${to}`,
  provenance: { unsourced: true, verified: false, confidence: null, source: null },
});
const path = (...hops: PathHop[]): IntroductionPath => ({
  score: {
    score: 0.5,
    hops: hops.length,
    strength: 1,
    recency: 1,
    verification: 1,
    introducerLoad: 0,
    recentInteractions: 0,
  },
  consultants: [],
  people: [],
  hops,
});

describe('paths as graph elements', () => {
  it('draws shared people and hops once and marks our side and the target', () => {
    const elements = pathElements(
      [path(hop('a', 'b'), hop('b', 't')), path(hop('c', 'b', true), hop('b', 't'))],
      't',
    );
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    expect(nodes.map((n) => n.data.id).sort()).toEqual(['a', 'b', 'c', 't']);
    expect(edges).toHaveLength(3);
    expect(nodes.find((n) => n.data.id === 't')?.classes).toEqual(['focus']);
    expect(nodes.find((n) => n.data.id === 'c')?.classes).toEqual(['path-start']);
    expect(edges.find((e) => e.data.id === 'hop:b:t')?.data.paths).toEqual([0, 1]);
    expect(edges.find((e) => e.data.id === 'hop:b:c')?.data.kind).toBe('DERIVED_TIE');
  });
});
