import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// Hand-built: province P > city C > district D, and city X elsewhere. University U in D.
// a, b, c born in D; a and c live in X (natives elsewhere), b in C. d born nowhere known, lives in X.
// Alumni of U: a (2009), b (2012), c (2015), d (2001). a and c work at E now.
let server: TestServer;
const p = testPrefix('conn');
const staff = { role: 'staff' } as const;
const id: Record<string, string> = {};
/** The need created by the matches tests (also used by the reach test at the end). */
let need = '';

async function create(kind: string, key: string, input: Record<string, unknown> = {}) {
  const res = await server.gql<Record<string, { data: { id: string } }>>(
    `mutation ($input: ${kind}Input!) { create${kind}(input: $input) { ... on MutationCreate${kind}Success { data { id } } } }`,
    { input: { name: `${p}${key}`, ...input } },
    staff,
  );
  id[key] = res.data![`create${kind}`]!.data.id;
}
async function tie(input: Record<string, unknown>) {
  const res = await server.gql<{ addTie: { __typename: string } }>(
    'mutation ($input: AddTieInput!) { addTie(input: $input) { __typename } }',
    { input },
    staff,
  );
  expect(res.data?.addTie.__typename).toBe('MutationAddTieSuccess');
}
const names = (list: { name: string }[]) => list.map((x) => x.name.slice(p.length)).sort();

beforeAll(async () => {
  server = await startTestServer();
  await create('Place', 'P', { kind: 'province' });
  await create('Place', 'C', { kind: 'city', parent: id.P });
  await create('Place', 'D', { kind: 'district', parent: id.C });
  await create('Place', 'X', { kind: 'city' });
  await create('Organization', 'U', { type: 'university', place: id.D });
  await create('Organization', 'E', { type: 'enterprise' });
  for (const key of ['a', 'b', 'c', 'd']) await create('Person', key);
  for (const key of ['a', 'b', 'c']) await tie({ kind: 'BORN_IN', subject: id[key], object: id.D });
  for (const [key, city] of [
    ['a', 'X'],
    ['b', 'C'],
    ['c', 'X'],
    ['d', 'X'],
  ]) {
    await tie({
      kind: 'LIVES_IN',
      subject: id[key as string],
      object: id[city as string],
      current: true,
    });
  }
  for (const [key, year] of [
    ['a', 2009],
    ['b', 2012],
    ['c', 2015],
    ['d', 2001],
  ] as const) {
    await tie({
      kind: 'STUDIED_AT',
      subject: id[key],
      object: id.U,
      startYear: year - 4,
      endYear: year,
    });
  }
  for (const key of ['a', 'c'])
    await tie({
      kind: 'WORKED_AT',
      subject: id[key],
      object: id.E,
      startYear: 2016,
      current: true,
    });
}, 120_000);

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

type Map = {
  total: number;
  groups: {
    key: string | null;
    label: string;
    count: number;
    people: { edges: { node: { name: string } }[] } | null;
  }[];
};

describe('alumni and natives maps', () => {
  it('counts natives living elsewhere; a person born in a district counts for its province', async () => {
    const res = await server.gql<{ nativesMap: Map }>(
      'query ($place: ID!) { nativesMap(place: $place, groupBy: CITY) { total groups { key label count people { edges { node { name } } } } } }',
      { place: id.P },
    );
    expect(res.errors).toBeUndefined();
    const map = res.data!.nativesMap;
    expect(map.total).toBe(2);
    expect(map.groups).toHaveLength(1);
    expect(map.groups[0]).toMatchObject({ key: id.X, label: `${p}X`, count: 2 });
    expect(names(map.groups[0]!.people!.edges.map((e) => e.node))).toEqual(['a', 'c']);
  });

  it('groups alumni by graduation decade and by current employer, with an unknown group', async () => {
    const res = await server.gql<{ decade: Map; employer: Map }>(
      `query ($org: ID!) {
        decade: alumniMap(organization: $org, groupBy: DECADE) { total groups { key count people { edges { node { name } } } } }
        employer: alumniMap(organization: $org, groupBy: EMPLOYER) { total groups { key label count people { edges { node { name } } } } }
      }`,
      { org: id.U },
    );
    expect(res.errors).toBeUndefined();
    const { decade, employer } = res.data!;
    expect(decade.total).toBe(4);
    expect(decade.groups.map((g) => [g.key, g.count])).toEqual([
      ['2000s', 2],
      ['2010s', 2],
    ]);
    expect(names(decade.groups[0]!.people!.edges.map((e) => e.node))).toEqual(['a', 'd']);
    expect(employer.groups.map((g) => [g.key, g.count])).toEqual(
      expect.arrayContaining([
        [id.E, 2],
        [null, 2],
      ]),
    );
    expect(employer.groups.find((g) => g.key === null)?.people).toBeNull();
  });
});

describe('commonConnections', () => {
  it('finds what two people share, and how', async () => {
    const res = await server.gql<{
      commonConnections: {
        entity: { name: string };
        count: number;
        ties: { of: string; kind: string }[];
      }[];
    }>(
      'query ($ids: [ID!]!) { commonConnections(ids: $ids) { entity { name } count ties { of kind } } }',
      { ids: [id.a, id.c] },
    );
    expect(res.errors).toBeUndefined();
    const shared = res.data!.commonConnections;
    expect(names(shared.map((s) => s.entity))).toEqual(['D', 'E', 'U', 'X']);
    expect(shared.every((s) => s.count === 2)).toBe(true);
    expect(shared.find((s) => s.entity.name === `${p}E`)?.ties).toEqual(
      expect.arrayContaining([
        { of: id.a, kind: 'WORKED_AT' },
        { of: id.c, kind: 'WORKED_AT' },
      ]),
    );
  });

  it('works for a person and an organisation mixed', async () => {
    const res = await server.gql<{ commonConnections: { entity: { name: string } }[] }>(
      'query ($ids: [ID!]!) { commonConnections(ids: $ids) { entity { name } } }',
      { ids: [id.b, id.U] },
    );
    // b was born in D, and U is located in D.
    expect(names(res.data!.commonConnections.map((s) => s.entity))).toEqual(['D']);
  });
});

describe('neighborhood', () => {
  type N = {
    neighborhood: {
      nodes: { name: string }[];
      edges: { kind: string; source: string; target: string }[];
      truncated: boolean;
      omittedNodes: number;
      omittedByKind: { kind: string; count: number }[];
    };
  };
  const query = `query ($ids: [ID!]!, $depth: Int, $limit: Int, $filter: NeighborhoodFilter) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) {
      nodes { name } edges { kind source target } truncated omittedNodes omittedByKind { kind count } } }`;

  it('returns the nodes and ties around an entity', async () => {
    const res = await server.gql<N>(query, { ids: [id.U] });
    expect(res.errors).toBeUndefined();
    const n = res.data!.neighborhood;
    expect(names(n.nodes)).toEqual(['D', 'U', 'a', 'b', 'c', 'd']);
    expect(n.edges).toHaveLength(5);
    expect(n.edges).toContainEqual({ kind: 'LOCATED_IN', source: id.U, target: id.D });
    expect(n).toMatchObject({ truncated: false, omittedNodes: 0 });
  });

  it('caps at the limit and says what it left out', async () => {
    const n = (await server.gql<N>(query, { ids: [id.U], limit: 3 })).data!.neighborhood;
    expect(n.nodes).toHaveLength(3);
    expect(n).toMatchObject({ truncated: true, omittedNodes: 3 });
    expect(n.omittedByKind.reduce((sum, k) => sum + k.count, 0)).toBe(3);
  });

  it('filters by kind of neighbour and goes deeper on request', async () => {
    const places = (await server.gql<N>(query, { ids: [id.U], filter: { kinds: ['Place'] } })).data!
      .neighborhood;
    expect(names(places.nodes)).toEqual(['D', 'U']);
    const deeper = (
      await server.gql<N>(query, {
        ids: [id.E],
        depth: 2,
        filter: { tieKinds: ['WORKED_AT', 'LIVES_IN'] },
      })
    ).data!.neighborhood;
    // E → a, c (WORKED_AT) → X (LIVES_IN); d lives in X too, but that is a third step.
    expect(names(deeper.nodes)).toEqual(['E', 'X', 'a', 'c']);
  });
});

describe('needs and matches', () => {
  type M = {
    person: { name: string };
    score: number;
    fieldDistance: number;
    reachHops: number | null;
    parts: { fit: number; level: number; affinity: number; reach: number };
  };
  beforeAll(async () => {
    await create('Field', 'R');
    await create('Field', 'S', { parent: id.R });
    await create('Field', 'G', { parent: id.S });
    await tie({ kind: 'EXPERT_IN', subject: id.a, object: id.S, level: 5 });
    await tie({ kind: 'EXPERT_IN', subject: id.b, object: id.G, level: 5 });
    await tie({ kind: 'EXPERT_IN', subject: id.d, object: id.R, level: 5 });
    await tie({ kind: 'KNOWS', subject: id.c, object: id.d, knowsKind: 'friend', strength: 0.9 });
    const res = await server.gql<{ createNeed: { __typename: string; data: { id: string } } }>(
      `mutation ($owner: ID!, $fields: [ID!]!, $places: [ID!]) {
        createNeed(owner: $owner, input: {title: "${p}合成生物学带头人", fields: $fields, places: $places}) {
          __typename ... on MutationCreateNeedSuccess { data { id } } } }`,
      { owner: id.E, fields: [id.S], places: [id.P] },
      staff,
    );
    need = res.data!.createNeed.data.id;
  });

  async function matches(from?: string[]) {
    const res = await server.gql<{ node: { matches: M[] } }>(
      `query ($id: ID!, $from: [ID!]) { node(id: $id) { ... on Need { matches(from: $from) {
        person { name } score fieldDistance reachHops parts { fit level affinity reach } } } } }`,
      { id: need, from },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.node.matches;
  }

  it('ranks people by expertise fit (same field, narrower, broader) and return affinity', async () => {
    const found = await matches();
    expect(found.map((m) => m.person.name.slice(p.length))).toEqual(['a', 'b', 'd']);
    expect(found.map((m) => m.fieldDistance)).toEqual([0, 1, -1]);
    expect(found[0]?.parts).toMatchObject({ fit: 1, level: 1, affinity: 1, reach: 0 });
    expect(found[1]?.parts.fit).toBeCloseTo(0.9);
    // d was not born in P but studied at U, which is in P.
    expect(found[2]?.parts).toMatchObject({ affinity: 0.8 });
    expect(found[2]?.parts.fit).toBeCloseTo(0.6);
  });

  it('adds reachability from our side to the score', async () => {
    const before = (await matches()).find((m) => m.person.name === `${p}d`);
    const after = (await matches([id.c])).find((m) => m.person.name === `${p}d`);
    expect(after?.reachHops).toBe(1);
    expect(after?.parts.reach).toBeGreaterThan(0);
    expect(after!.score - before!.score).toBeCloseTo(0.2 * after!.parts.reach, 5);
  });

  it('refuses a need without fields or with a field id of the wrong kind', async () => {
    const res = await server.gql<{
      createNeed: { __typename: string; issues: { path: string[] }[] };
    }>(
      `mutation ($owner: ID!, $fields: [ID!]!) { createNeed(owner: $owner, input: {title: "x", fields: $fields}) {
        __typename ... on ValidationError { issues { path } } } }`,
      { owner: id.E, fields: [id.P] },
      staff,
    );
    expect(res.data?.createNeed).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'fields', '0'] }],
    });
  });
});

describe('matches beyond the candidate pool', () => {
  it('lets a native with a lower fit outrank a pool of better-fitting experts', async () => {
    // first: 1 gives a pool of 5. Six experts of level 5 fill it on fit alone; n (level 3, born in
    // D, below P) is 0.064 behind on fit and level, and 0.15 ahead on affinity.
    await create('Field', 'T');
    for (const key of ['t1', 't2', 't3', 't4', 't5', 't6']) {
      await create('Person', key);
      await tie({ kind: 'EXPERT_IN', subject: id[key], object: id.T, level: 5 });
    }
    await create('Person', 'n');
    await tie({ kind: 'EXPERT_IN', subject: id.n, object: id.T, level: 3 });
    await tie({ kind: 'BORN_IN', subject: id.n, object: id.D });
    const made = await server.gql<{ createNeed: { data: { id: string } } }>(
      `mutation ($owner: ID!, $fields: [ID!]!, $places: [ID!]) {
        createNeed(owner: $owner, input: {title: "${p}T", fields: $fields, places: $places}) {
          ... on MutationCreateNeedSuccess { data { id } } } }`,
      { owner: id.E, fields: [id.T], places: [id.P] },
      staff,
    );
    const res = await server.gql<{
      node: { matches: { person: { name: string }; parts: { affinity: number } }[] };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Need { matches(first: 1) {
        person { name } parts { affinity } } } } }`,
      { id: made.data!.createNeed.data.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node.matches).toEqual([{ person: { name: `${p}n` }, parts: { affinity: 1 } }]);
  });
});

describe('key connectors and degree of connection', () => {
  beforeAll(async () => {
    // With c-d from the needs tests: a - b - d - c, and a, c work at E.
    await tie({ kind: 'KNOWS', subject: id.a, object: id.b, knowsKind: 'friend' });
    await tie({ kind: 'KNOWS', subject: id.b, object: id.d, knowsKind: 'friend' });
  });

  it('ranks people by how many different employers their acquaintances span, then by degree', async () => {
    const res = await server.gql<{
      keyConnectors: {
        person: { name: string };
        bridges: number;
        degree: number;
        groups: string[];
      }[];
    }>(
      'query ($text: String) { keyConnectors(scope: {text: $text}) { person { name } bridges degree groups } }',
      { text: p },
    );
    expect(res.errors).toBeUndefined();
    const top = res.data!.keyConnectors.slice(0, 2);
    // b knows a (works at E) and d (no employer); d knows c (works at E) and b.
    expect(top).toEqual([
      { person: { name: `${p}b` }, bridges: 1, degree: 2, groups: [`${p}E`] },
      { person: { name: `${p}d` }, bridges: 1, degree: 2, groups: [`${p}E`] },
    ]);
  });

  it('gives each person’s degree of connection from our side (null beyond the 3rd)', async () => {
    const res = await server.gql<Record<string, { degreeFrom: number | null }>>(
      `query ($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
        a: person(id: $a) { degreeFrom(people: [$a]) } b: person(id: $b) { degreeFrom(people: [$a]) }
        d: person(id: $d) { degreeFrom(people: [$a]) } c: person(id: $c) { degreeFrom(people: [$a]) } }`,
      { a: id.a, b: id.b, c: id.c, d: id.d },
    );
    expect(res.errors).toBeUndefined();
    expect(
      Object.fromEntries(Object.entries(res.data!).map(([k, v]) => [k, v.degreeFrom])),
    ).toEqual({ a: 0, b: 1, d: 2, c: 3 });
  });
});

describe('reach in matches over two and three hops', () => {
  it('finds the best path from our side within three hops (e - f - b - a, e - f - b - d)', async () => {
    // Added last: e and f would change the degrees and connectors asserted above.
    await create('Person', 'e');
    await create('Person', 'f');
    await tie({ kind: 'KNOWS', subject: id.e, object: id.f, knowsKind: 'friend', strength: 0.8 });
    await tie({ kind: 'KNOWS', subject: id.f, object: id.b, knowsKind: 'friend', strength: 0.8 });
    const res = await server.gql<{
      node: { matches: { person: { name: string }; reachHops: number | null }[] };
    }>(
      `query ($id: ID!, $from: [ID!]) { node(id: $id) { ... on Need { matches(from: $from) {
        person { name } reachHops } } } }`,
      { id: need, from: [id.e] },
    );
    expect(res.errors).toBeUndefined();
    const hops = Object.fromEntries(
      res.data!.node.matches.map((m) => [m.person.name.slice(p.length), m.reachHops]),
    );
    expect(hops).toEqual({ a: 3, b: 2, d: 3 });
  });
});
