import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentLimits,
  operationHash,
  readPersistedOperations,
} from '../../server/auth/abuse-limits.ts';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let production: TestServer;
let viewer: TestAccount;
const allowedQuery = '{ me { email } }';

beforeAll(async () => {
  server = await startTestServer({
    app: { limits: { perIpPerMinute: 40, perAccountPerMinute: 40, maxBodyBytes: 20_000 } },
  });
  production = await startTestServer({
    app: { production: true, persistedOperations: new Set([operationHash(allowedQuery)]) },
  });
  viewer = await createTestAccount(server.db, 'viewer');
});
afterAll(async () => {
  await server.close();
  await production.close();
});

/** A request with its own id, so the Cypher it caused can be counted. */
async function send(target: TestServer, query: string, headers: Record<string, string> = {}) {
  const requestId = `abuse-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${viewer.token}`,
      'x-request-id': requestId,
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  // Only the session lookup may have reached Neo4j.
  const cypher = target.queriesOf(requestId).filter((q) => !q.cypher.includes(':Session'));
  return { status: res.status, body, cypher, headers: res.headers };
}

describe('document limits reject hostile queries before they reach Neo4j', () => {
  const bombs: Record<string, string> = {
    depth: `{ people(first: 1) { edges { node { ${'knows { other { ... on Person { '.repeat(5)} name ${'} } } '.repeat(5)} } } } }`,
    aliases: `{ ${Array.from({ length: documentLimits.maxAliases + 5 }, (_, i) => `a${i}: me { email }`).join(' ')} }`,
    directives: `{ me { email ${'@include(if: true) '.repeat(documentLimits.maxDirectives + 5)} } }`,
    tokens: `{ me { ${'email '.repeat(documentLimits.maxTokens)} } }`,
    cost: `{ ${Array.from({ length: 14 }, (_, i) => `p${i}: people(first: 200) { edges { node { name positions { other { name ... on Organization { place { name ... on Place { parent { name } } } } } } education { other { name } } } } }`).join(' ')} }`,
  };
  for (const [kind, query] of Object.entries(bombs)) {
    it(`refuses a ${kind} bomb`, async () => {
      const res = await send(server, query);
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body)).toBe(
        'QUERY_LIMIT_EXCEEDED',
      );
      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      expect(res.cypher).toEqual([]);
    });
  }

  it('answers a normal query', async () => {
    const res = await send(server, '{ search(text: "华中科技大学", first: 3) { __typename } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});

describe('HTTP limits', () => {
  it('refuses a body over the limit with 413, before reading it', async () => {
    const res = await send(server, `{ me { email } } # ${'x'.repeat(30_000)}`);
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits requests without a session per address, with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 45; i++) {
      const res = await send(server, allowedQuery, { authorization: '' });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(res.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Bad tokens count against the address too: it stays refused.
    const forged = await send(server, allowedQuery, { authorization: 'Bearer tg_forged' });
    expect(forged.status).toBe(429);
  });

  it('limits signed-in requests per account, not per address: an office behind one address is not throttled', async () => {
    const office = await startTestServer({
      app: { limits: { perIpPerMinute: 40, perAccountPerMinute: 40 } },
    });
    try {
      const staff = await Promise.all(
        Array.from({ length: 20 }, () => createTestAccount(office.db, 'viewer')),
      );
      // 20 colleagues × 3 requests from 127.0.0.1: 60 requests, over the address's 40.
      const statuses: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const person of staff) {
          statuses.push((await office.gql(allowedQuery, {}, { token: person.token })).status);
        }
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      // One account alone over its own limit is refused.
      const one = staff[0]!;
      let limited = 0;
      for (let i = 0; i < 45; i++) {
        if ((await office.gql(allowedQuery, {}, { token: one.token })).status === 429) limited++;
      }
      expect(limited).toBeGreaterThan(0);
    } finally {
      await office.close();
    }
  });
});

describe('production mode', () => {
  it('turns off introspection, GraphiQL and field suggestions', async () => {
    const intro = await send(production, '{ __schema { types { name } } }');
    expect(intro.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await send(production, '{ peple(first: 1) { totalCount } }');
    expect(JSON.stringify(typo.body)).not.toMatch(/did you mean/i);
    const graphiql = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).not.toMatch(/graphiql/i);
  });

  it('lets a browser session send only the web app’s own operations', async () => {
    const cookie = {
      cookie: 'tg_session=tg_whatever',
      'x-talentgraph-csrf': '1',
      authorization: '',
    };
    const own = await send(production, allowedQuery, cookie);
    expect(own.body.errors?.[0]?.extensions?.code).not.toBe('OPERATION_NOT_ALLOWED');
    const other = await send(production, '{ me { name } }', cookie);
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
  });

  it('never shows stack traces or Cypher to clients', async () => {
    const res = await send(production, '{ person(id: "Person:\\u0000bad") { name } }');
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/MATCH|at .*\.ts:\d+|stack/);
  });
});

describe('the web app’s operation list', () => {
  it('is read from the manifest the build writes, sign-in included', async () => {
    const { allOperations } = await import('../../web/api/all-operations.ts');
    const { persistedManifest } = await import('../../web/api/persisted-manifest.ts');
    const { queryText } = await import('../../web/api/graphql-client.ts');
    const { loginMutation, meQuery } = await import('../../web/features/sign-in/queries.ts');
    const dir = mkdtempSync(join(tmpdir(), 'tg-manifest-'));
    const file = join(dir, 'persisted-operations.json');
    writeFileSync(file, JSON.stringify(persistedManifest(allOperations)));
    const hashes = readPersistedOperations(file);
    expect(hashes.size).toBe(allOperations.length);
    expect(hashes.has(operationHash(queryText(loginMutation)))).toBe(true);
    expect(hashes.has(operationHash(queryText(meQuery)))).toBe(true);
    // A tampered entry (text that no longer hashes to its key) stops the start.
    writeFileSync(
      file,
      JSON.stringify({ [operationHash('{ me { id } }')]: '{ accounts { id } }' }),
    );
    expect(() => readPersistedOperations(file)).toThrow(/does not hash/);
    expect(() => readPersistedOperations(join(dir, 'missing.json'))).toThrow(/build the web app/);
  });
});

describe('the web app’s own operations', () => {
  it('all fit the document limits', async () => {
    const { parse, validate, specifiedRules } = await import('graphql');
    const { schema } = await import('../../schema/index.ts');
    const { allOperations } = await import('../../web/api/all-operations.ts');
    expect(allOperations.length).toBeGreaterThan(50);
    for (const { name, query } of allOperations) {
      const res = await send(production, query); // (the other server's rate limit is spent)
      const limitErrors = (res.body.errors ?? []).filter((e) => /exceeded/i.test(e.message));
      expect(limitErrors, name).toEqual([]);
      expect(validate(schema, parse(query), specifiedRules), name).toEqual([]);
    }
  });
});
