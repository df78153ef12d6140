import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('srch');
let target = '';
let twin = '';

type Hit = { entity: { id: string; name: string; __typename: string }; matchedBy: string[] };
async function search(text: string, types?: string[]) {
  const res = await server.gql<{ search: Hit[] }>(
    'query ($text: String!, $types: [EntityKind!]) { search(text: $text, types: $types, first: 20) { entity { __typename id name } matchedBy } }',
    { text, types },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.search;
}

beforeAll(async () => {
  server = await startTestServer();
  // Invented, deliberately rare names, so demo people cannot crowd them out.
  const create = async (name: string, latinName: string, aliases: string[]) => {
    const res = await server.gql<{ createPerson: { data: { id: string } } }>(
      `mutation ($input: PersonInput!) { createPerson(input: $input) { ... on MutationCreatePersonSuccess { data { id } } } }`,
      { input: { name, latinName, aliases } },
      { role: 'staff' },
    );
    return res.data!.createPerson.data.id;
  };
  target = await create('龚澈翎', 'Gong Cheling', ['Clara Gong', `${p}alias`]);
  twin = await create('龚澈翎娜', 'Gong Chelingna', [`${p}twin`]);
});

afterAll(async () => {
  await server.db.writeTx((tx) =>
    tx.run('MATCH (n:Person) WHERE n.id IN $ids DETACH DELETE n', {
      ids: [target, twin].map((g) => g.split(':')[1]),
    }),
  );
  await removeTestData(server.db, p);
  await server.close();
});

const ids = (hits: Hit[]) => hits.map((h) => h.entity.id);

describe('search', () => {
  it('puts the exact name first, above a longer name that contains it', async () => {
    const hits = await search('龚澈翎');
    expect(hits[0]).toMatchObject({ entity: { id: target }, matchedBy: ['exact_name'] });
    expect(ids(hits)).toContain(twin);
  });

  it('matches the traditional form of a simplified name', async () => {
    const hits = await search('龔澈翎');
    expect(hits[0]?.entity.id).toBe(target);
    expect(hits[0]?.matchedBy).toContain('traditional_form');
  });

  it('matches full pinyin, pinyin initials and the English name in either order', async () => {
    expect(ids(await search('gongcheling'))).toContain(target);
    expect((await search('gongcheling')).find((h) => h.entity.id === target)?.matchedBy).toContain(
      'pinyin',
    );
    expect(ids(await search('gcl', ['Person']))).toContain(target);
    expect(ids(await search('Cheling Gong'))).toContain(target);
    expect(ids(await search('Gong Cheling'))).toContain(target);
  });

  it('matches aliases and says so', async () => {
    const hits = await search('Clara Gong');
    expect(hits[0]?.entity.id).toBe(target);
    expect(hits[0]?.matchedBy[0]).toBe('exact_alias');
    expect((await search('Clara')).find((h) => h.entity.id === target)?.matchedBy).toContain(
      'alias',
    );
  });

  it('matches a single character', async () => {
    expect(ids(await search('澈', ['Person']))).toContain(target);
  });

  it('treats Lucene syntax in user text as text, not as an error', async () => {
    for (const text of ['龚澈翎"', 'AND OR', '(*?', '\\', 'title:x', '~~~', '"""', '[a TO z]']) {
      const res = await server.gql('query ($t: String!) { search(text: $t) { entity { id } } }', {
        t: text,
      });
      expect(res.errors, text).toBeUndefined();
    }
  });

  it('finds places and organisations of the demo graph, filtered by type', async () => {
    const hits = await search('武汉', ['Place']);
    expect(hits[0]?.entity).toMatchObject({ __typename: 'Place', name: '武汉市' });
    expect(hits.every((h) => h.entity.__typename === 'Place')).toBe(true);
    const orgs = await search('华中科技大学', ['Organization']);
    expect(orgs[0]?.entity.name).toBe('华中科技大学');
  });
});
