import { type GraphQLField, getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// One paging rule for every list: `first` out of range is a typed validation error naming `first`,
// never a silent cap. Walks every query field with a `first` argument and no other required one
// (with first: -1: a large first trips the query cost limit before any resolver runs).
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const listFields = Object.values(schema.getQueryType()!.getFields()).filter(
  (f: GraphQLField<unknown, unknown>) =>
    f.args.some((a) => a.name === 'first') &&
    f.args.every(
      (a) =>
        a.name === 'first' || a.type.toString().slice(-1) !== '!' || a.defaultValue !== undefined,
    ),
);

describe('the paging policy', () => {
  it('covers the lists it should', () => {
    expect(listFields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['people', 'events', 'segments', 'myFollowUps', 'introductions']),
    );
  });

  for (const field of listFields) {
    it(`${field.name}: refuses first out of range`, async () => {
      const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
      const res = await server.gql(
        `{ ${field.name}(first: -1)${selection} }`,
        {},
        { role: 'admin' },
      );
      expect(res.errors?.[0]?.extensions, JSON.stringify(res).slice(0, 300)).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ path: ['first'] }],
      });
    });
  }

  it('refuses first above the maximum, where a plain list used to cut it silently', async () => {
    for (const query of ['{ events(first: 501) { id } }', '{ segments(first: 201) { id } }']) {
      const res = await server.gql(query, {}, { role: 'admin' });
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses nested lists out of range too', async () => {
    const person = await server.gql<{ people: { edges: { node: { id: string } }[] } }>(
      '{ people(first: 1) { edges { node { id } } } }',
    );
    const id = person.data!.people.edges[0]!.node.id;
    for (const field of [
      'knows(first: 0) { since }',
      'ties(first: 201) { id }',
      'history(first: 501) { at }',
    ]) {
      const res = await server.gql(`query ($id: ID!) { person(id: $id) { ${field} } }`, { id });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    }
  });
});
