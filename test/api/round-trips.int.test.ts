import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('round trips', () => {
  it('resolves a page of 100 people with employers, alma maters and fields in a fixed number of queries', async () => {
    const query = `query ($first: Int) { people(first: $first) { totalCount edges { node {
      name hometown { name } location { name }
      positions { title other { name ... on Organization { type } } }
      education { degree other { name } }
      expertise { level other { name } }
    } } } }`;
    const count = async (first: number) => {
      const requestId = `rt-${first}-${Date.now()}`;
      const res = await server.gql<{ people: { edges: { node: { positions: unknown[] } }[] } }>(
        query,
        { first },
        { headers: { 'x-request-id': requestId } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.people.edges).toHaveLength(first);
      // The session lookup is left out: the first request makes it, later ones find it cached.
      return server.queriesOf(requestId).filter((q) => !q.cypher.includes(':Session')).length;
    };
    const ten = await count(10);
    const hundred = await count(100);
    // page + total + BORN_IN + LIVES_IN + WORKED_AT + STUDIED_AT + EXPERT_IN, whatever the page size
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(8);
  });
});
