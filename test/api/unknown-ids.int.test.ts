import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// The error policy for ids that name nothing: every operation that takes ids answers an unknown or
// deleted one with a NOT_FOUND error naming it (mutations: their typed NotFoundError result), never
// "Unexpected error", an empty answer or a null that reads as "far away".
let server: TestServer;
const p = testPrefix('unknown');
const staff = { role: 'staff' } as const;
const unknown = 'Person:01NOSUCHPERSON0000000000000';
let alive = '';
let deleted = '';
let hust = '';

async function createPerson(name: string): Promise<string> {
  const res = await server.gql<{ createPerson: { data: { id: string } } }>(
    'mutation ($input: PersonInput!) { createPerson(input: $input) { ... on MutationCreatePersonSuccess { data { id } } } }',
    { input: { name: `${p}${name}` } },
    staff,
  );
  return res.data!.createPerson.data.id;
}

/** The one error of a query that names `id`: NOT_FOUND, with the id and its kind. */
async function expectNotFound(
  query: string,
  variables: Record<string, unknown>,
  id: string,
  role: 'staff' | 'viewer' = 'viewer',
) {
  const res = await server.gql(query, variables, { role });
  expect(res.errors?.[0]?.message).not.toBe('Unexpected error.');
  expect(res.errors?.[0]?.extensions).toMatchObject({
    code: 'NOT_FOUND',
    id,
    entity: id.split(':')[0],
  });
  expect(JSON.stringify(res.errors)).not.toMatch(/MATCH|stack|at \//);
}

beforeAll(async () => {
  server = await startTestServer();
  alive = await createPerson('在');
  deleted = await createPerson('删');
  const del = await server.gql<{ deleteEntity: { __typename: string } }>(
    'mutation ($id: ID!) { deleteEntity(id: $id) { __typename } }',
    { id: deleted },
    staff,
  );
  expect(del.data?.deleteEntity.__typename).toBe('MutationDeleteEntitySuccess');
  const org = await server.gql<{ search: { entity: { id: string } }[] }>(
    '{ search(text: "华中科技大学", types: [Organization], first: 1) { entity { id } } }',
  );
  hust = org.data!.search[0]!.entity.id;
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('unknown and deleted ids', () => {
  for (const which of ['unknown', 'deleted'] as const) {
    const id = () => (which === 'unknown' ? unknown : deleted);

    it(`commonConnections names the ${which} id`, async () => {
      await expectNotFound(
        'query ($ids: [ID!]!) { commonConnections(ids: $ids) { count } }',
        { ids: [alive, id()] },
        id(),
      );
    });

    it(`neighborhood names the ${which} id`, async () => {
      await expectNotFound(
        'query ($ids: [ID!]!) { neighborhood(ids: $ids) { nodes { id } } }',
        { ids: [id()] },
        id(),
      );
    });

    it(`introductionPaths names a ${which} target or starting person`, async () => {
      const query =
        'query ($from: [ID!]!, $to: ID!) { introductionPaths(from: $from, to: $to) { reason paths { score { hops } } } }';
      await expectNotFound(query, { from: [alive], to: id() }, id());
      await expectNotFound(query, { from: [id()], to: alive }, id());
    });

    it(`degreeFrom names a ${which} person on our side`, async () => {
      await expectNotFound(
        'query ($id: ID!, $from: [ID!]!) { person(id: $id) { degreeFrom(people: $from) } }',
        { id: alive, from: [id()] },
        id(),
      );
    });

    it(`a people filter near a ${which} person names it`, async () => {
      await expectNotFound(
        'query ($near: [ID!]!) { people(filter: { near: { people: $near, hops: 1 } }) { totalCount } }',
        { near: [id()] },
        id(),
      );
    });

    it(`introductions of a ${which} talent name it`, async () => {
      await expectNotFound(
        'query ($id: ID!) { introductions(talent: $id) { id } }',
        { id: id() },
        id(),
        'staff',
      );
    });
  }

  it('maps name an unknown organisation or place', async () => {
    await expectNotFound(
      'query ($id: ID!) { alumniMap(organization: $id, groupBy: CITY) { total } }',
      { id: 'Organization:01NOSUCHORG' },
      'Organization:01NOSUCHORG',
    );
    await expectNotFound(
      'query ($id: ID!) { nativesMap(place: $id, groupBy: CITY) { total } }',
      { id: 'Place:01NOSUCHPLACE' },
      'Place:01NOSUCHPLACE',
    );
  });

  it('answers known ids as before', async () => {
    const res = await server.gql<{ person: { degreeFrom: number | null } }>(
      'query ($id: ID!, $from: [ID!]!) { person(id: $id) { degreeFrom(people: $from) } }',
      { id: alive, from: [alive] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.degreeFrom).toBe(0);
    const hood = await server.gql<{ neighborhood: { nodes: { id: string }[] } }>(
      'query ($ids: [ID!]!) { neighborhood(ids: $ids, limit: 5) { nodes { id } } }',
      { ids: [hust] },
    );
    expect(hood.errors).toBeUndefined();
    expect(hood.data?.neighborhood.nodes.length).toBeGreaterThan(1);
  });

  it('keeps lookups of one thing by id null when there is none', async () => {
    const res = await server.gql<{ person: null; node: null }>(
      'query ($id: ID!) { person(id: $id) { id } node(id: $id) { id } }',
      { id: unknown },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: null, node: null });
  });
});
