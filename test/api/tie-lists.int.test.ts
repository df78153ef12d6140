import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// Tie lists return at most `first` items in their documented order, and "as of" a year respects every
// tie's valid time, acquaintances (KNOWS.since) included.
let server: TestServer;
const p = testPrefix('tielist');
const staff = { role: 'staff' } as const;
const id: Record<string, string> = {};

async function person(key: string) {
  const res = await server.gql<{ createPerson: { data: { id: string } } }>(
    'mutation ($input: PersonInput!) { createPerson(input: $input) { ... on MutationCreatePersonSuccess { data { id } } } }',
    { input: { name: `${p}${key}` } },
    staff,
  );
  id[key] = res.data!.createPerson.data.id;
}

async function knows(a: string, b: string, strength: number, since: number) {
  const res = await server.gql<{ addTie: { __typename: string } }>(
    'mutation ($input: AddTieInput!) { addTie(input: $input) { __typename } }',
    {
      input: {
        kind: 'KNOWS',
        subject: id[a],
        object: id[b],
        knowsKind: 'friend',
        strength,
        since,
      },
    },
    staff,
  );
  expect(res.data?.addTie.__typename).toBe('MutationAddTieSuccess');
}

type TieRow = { other: { name: string }; strength: number | null; since: number | null };
const names = (ties: TieRow[]) => ties.map((t) => t.other.name.slice(p.length));

beforeAll(async () => {
  server = await startTestServer();
  for (const key of ['hub', 'a', 'b', 'c', 'd', 'e']) await person(key);
  // Stored in both directions: hub→a, hub→b, c→hub, d→hub; and a→e, so e is 2 hops from hub.
  await knows('hub', 'a', 0.3, 1995);
  await knows('hub', 'b', 0.9, 2001);
  await knows('c', 'hub', 0.6, 1970);
  await knows('d', 'hub', 0.8, 2020);
  await knows('a', 'e', 0.5, 1996);
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('tie lists', () => {
  it('returns at most `first` acquaintances, strongest first, whichever way each tie was stored', async () => {
    const res = await server.gql<{
      person: { one: TieRow[]; three: TieRow[]; all: TieRow[] };
    }>(
      `query ($id: ID!) { person(id: $id) {
         one: knows(first: 1) { other { name } strength since }
         three: knows(first: 3) { other { name } strength since }
         all: knows { other { name } strength since } } }`,
      { id: id.hub },
    );
    expect(res.errors).toBeUndefined();
    expect(names(res.data!.person.one)).toEqual(['b']);
    expect(names(res.data!.person.three)).toEqual(['b', 'd', 'c']);
    expect(names(res.data!.person.all)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('gives no more than `first` acquaintances on the demo graph, in strength order', async () => {
    const res = await server.gql<{
      people: { edges: { node: { knows: { strength: number | null }[] } }[] };
    }>('{ people(first: 30) { edges { node { knows(first: 3) { strength } } } } }');
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.people.edges) {
      expect(node.knows.length).toBeLessThanOrEqual(3);
      const strengths = node.knows.map((k) => k.strength ?? 0);
      expect(strengths).toEqual([...strengths].sort((x, y) => y - x));
    }
  });

  it('keeps ties(first) to `first` ties in all', async () => {
    const res = await server.gql<{ person: { ties: TieRow[] } }>(
      'query ($id: ID!) { person(id: $id) { ties(first: 2) { other { name } strength since } } }',
      { id: id.hub },
    );
    expect(res.data?.person.ties).toHaveLength(2);
  });

  it('as of a year, leaves out acquaintances made later', async () => {
    const res = await server.gql<{ person: { ties: TieRow[]; knows: TieRow[] } }>(
      `query ($id: ID!) { person(id: $id) {
         ties(kinds: [KNOWS], asOfYear: 1975) { other { name } strength since }
         knows(asOfYear: 2000) { other { name } strength since } } }`,
      { id: id.hub },
    );
    expect(res.errors).toBeUndefined();
    expect(names(res.data!.person.ties)).toEqual(['c']);
    expect(names(res.data!.person.knows)).toEqual(['c', 'a']);
  });

  it('as of a year, counts only acquaintances made by then in `near`', async () => {
    const near = async (asOfYear: number | null, hops: number) => {
      const res = await server.gql<{ people: { edges: { node: { name: string } }[] } }>(
        'query ($f: PersonFilter) { people(filter: $f, orderBy: NAME) { edges { node { name } } } }',
        { f: { text: p, near: { people: [id.hub], hops }, asOfYear } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.people.edges.map((e) => e.node.name.slice(p.length));
    };
    expect(await near(null, 1)).toEqual(['a', 'b', 'c', 'd']);
    expect(await near(1975, 1)).toEqual(['c']);
    expect(await near(1995, 2)).toEqual(['a', 'c']);
    expect(await near(1996, 2)).toEqual(['a', 'c', 'e']);
  });

  it('refuses `first` out of range instead of cutting it', async () => {
    const res = await server.gql(
      'query ($id: ID!) { person(id: $id) { knows(first: 500) { since } } }',
      { id: id.hub },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['first'], message: 'must be between 1 and 200' }],
    });
  });
});
