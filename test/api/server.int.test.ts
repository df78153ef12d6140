import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the HTTP server', () => {
  it('answers /health and /ready with JSON', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('serves GraphiQL from the package, not from a CDN', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });

  it('returns demo people through GraphQL, paged with keyset cursors', async () => {
    const query = /* GraphQL */ `
      query ($after: String) {
        people(first: 20, after: $after) {
          totalCount
          edges { cursor node { id name latinName } }
          pageInfo { hasNextPage endCursor }
        }
      }`;
    type Page = {
      people: {
        totalCount: number;
        edges: { node: { id: string; name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await server.gql<Page>(query);
    expect(first.errors).toBeUndefined();
    expect(first.data?.people.totalCount).toBeGreaterThanOrEqual(3000);
    expect(first.data?.people.edges).toHaveLength(20);
    expect(first.data?.people.edges[0]?.node.name).toMatch(/\p{Script=Han}/u);
    const second = await server.gql<Page>(query, { after: first.data?.people.pageInfo.endCursor });
    const firstIds = new Set(first.data?.people.edges.map((e) => e.node.id));
    expect(second.data?.people.edges.some((e) => firstIds.has(e.node.id))).toBe(false);
  });

  it('refuses an oversized page and a forged cursor with a clear message', async () => {
    const big = await server.gql('{ people(first: 201) { totalCount } }');
    expect(big.errors?.[0]?.message).toContain('first');
    const forged = await server.gql('{ people(after: "not-a-cursor") { totalCount } }');
    expect(forged.errors?.[0]?.message).toContain('cursor');
  });
});
