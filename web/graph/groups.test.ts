import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  fanOutLimit,
  keyOf,
  type Member,
  type MemberFacts,
  maxGroups,
  missingFacts,
  otherKey,
  planGroups,
  splitFanOut,
  unknownKey,
} from './groups.ts';

const node = (id: string, type = 'Person'): ElementDefinition => ({
  group: 'nodes',
  data: { id, type, label: id },
});
const edge = (
  id: string,
  source: string,
  target: string,
  years: object = {},
): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, kind: 'STUDIED_AT', ...years },
});
const member = (id: string, years: object = {}): Member => ({
  node: node(id),
  edges: [edge(`e-${id}`, id, 'hub', years)],
});

/** A hub with `n` people tied only to it, and one person also tied to another node. */
function fan(n: number): ElementDefinition[] {
  const els: ElementDefinition[] = [node('hub', 'Organization'), node('other', 'Place')];
  for (let i = 0; i < n; i++) els.push(node(`p${i}`), edge(`e${i}`, `p${i}`, 'hub'));
  els.push(edge('x', 'p0', 'other'), edge('y', 'other', 'hub'));
  return els;
}

describe('splitFanOut', () => {
  it('holds a big fan-out of one type in groups, keeps nodes tied elsewhere drawn', () => {
    const { drawn, members } = splitFanOut(fan(100), 'hub', () => 0);
    const held = members.get('Person') ?? [];
    expect(held).toHaveLength(99);
    expect(held.every((m) => m.edges.length === 1)).toBe(true);
    const drawnIds = drawn.map((e) => e.data.id);
    expect(drawnIds).toEqual(expect.arrayContaining(['hub', 'other', 'p0', 'x', 'y', 'e0']));
    // No drawn edge points at a held node.
    const heldIds = new Set(held.map((m) => m.node.data.id));
    expect(
      drawn.some(
        (e) => e.group === 'edges' && (heldIds.has(e.data.source) || heldIds.has(e.data.target)),
      ),
    ).toBe(false);
  });

  it('draws a small fan-out, unless the hub already has many of that type', () => {
    expect(splitFanOut(fan(20), 'hub', () => 0).members.size).toBe(0);
    expect(splitFanOut(fan(20), 'hub', () => fanOutLimit).members.get('Person')).toHaveLength(19);
  });
});

describe('planGroups', () => {
  const facts = (entries: [string, MemberFacts][]) => new Map(entries);

  it('groups by city, largest first, with an unknown group', () => {
    const members = ['a', 'b', 'c', 'd'].map((id) => member(id));
    const groups = planGroups(
      members,
      'city',
      facts([
        ['a', { city: { id: 'Place:wh', name: '武汉市' } }],
        ['b', { city: { id: 'Place:wh', name: '武汉市' } }],
        ['c', { city: { id: 'Place:bj', name: '北京市' } }],
        ['d', { city: null }],
      ]),
    );
    expect(groups?.map((g) => [g.key, g.name, g.members.length])).toEqual([
      ['Place:wh', '武汉市', 2],
      ['Place:bj', '北京市', 1],
      [unknownKey, '', 1],
    ]);
  });

  it('is null while a fact is missing, and says which members need fetching', () => {
    const members = [member('a'), member('b')];
    const known = facts([['a', { employer: null }]]);
    expect(planGroups(members, 'employer', known)).toBeNull();
    expect(missingFacts(members, 'employer', known)).toEqual(['b']);
  });

  it('joins the smallest groups into one "other" group past maxGroups', () => {
    const members: Member[] = [];
    const known = new Map<string, MemberFacts>();
    for (let g = 0; g < 20; g++)
      for (let i = 0; i <= g; i++) {
        const id = `m${g}-${i}`;
        members.push(member(id));
        known.set(id, { field: { id: `Field:${g}`, name: `领域${g}` } });
      }
    const groups = planGroups(members, 'field', known) ?? [];
    expect(groups).toHaveLength(maxGroups);
    const other = groups.at(-1);
    expect(other?.key).toBe(otherKey);
    expect(other?.name).toBe(String(20 - (maxGroups - 1)));
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(members.length);
  });

  it('groups by decade from the tie (graduation), else from the birth year', () => {
    expect(keyOf(member('a', { endYear: 1996, startYear: 1992 }), 'decade', undefined)).toEqual({
      key: '1990',
      name: '1990',
    });
    expect(keyOf(member('b'), 'decade', undefined)).toBeUndefined();
    expect(keyOf(member('b'), 'decade', { birthYear: 1975 })?.key).toBe('1970');
    expect(keyOf(member('b'), 'decade', { birthYear: null })).toBeNull();
  });
});
