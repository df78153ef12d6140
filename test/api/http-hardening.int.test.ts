import { request } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let https: TestServer;
let owner: TestAccount;
const listed = 'https://partner.example.org';
const logLines: { level: number; msg: string; code?: string; err?: unknown; args?: unknown }[] = [];

beforeAll(async () => {
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  server = await startTestServer({
    app: {
      corsOrigins: [listed],
      logger,
      // Waits long enough that a busy machine cannot outlast one between two attempts.
      limits: { perIpPerMinute: 100_000, logins: { firstWaitSeconds: 600 } },
    },
  });
  https = await startTestServer({ app: { secureCookies: true } });
  owner = await createTestAccount(server.db, 'staff');
});
afterAll(async () => {
  await server.close();
  await https.close();
});

/** A POST to /graphql sent from a given local address (127.0.0.x are all this machine). */
function postFrom(
  address: string,
  body: unknown,
): Promise<{ status: number; json: { data?: Record<string, { __typename: string }> } }> {
  const text = JSON.stringify(body);
  const url = new URL(`${server.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: address,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => {
          data += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('CORS: our own origin, plus CORS_ORIGINS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-talentgraph-csrf,content-type',
      },
    });

  it('grants nothing to another origin’s preflight', async () => {
    const res = await preflight('http://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('grants a listed origin, with credentials', async () => {
    const res = await preflight(listed);
    expect(res.headers.get('access-control-allow-origin')).toBe(listed);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-talentgraph-csrf');
  });

  it('lets no other origin read an answer', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers on every response', () => {
  const paths = [
    '/',
    '/graphql?query=%7B__typename%7D',
    '/health',
    '/exports/01ARZ3NDEKTSV4RRFFQ69G5FAV',
  ];
  for (const path of paths) {
    it(`GET ${path}`, async () => {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  }

  it('GraphiQL (development) gets its inline script allowed, and nothing else does', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).toContain('GraphiQL');
    expect(res.headers.get('content-security-policy')).toContain(
      "script-src 'self' 'unsafe-inline'",
    );
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('adds HSTS when served over https (COOKIE_SECURE)', async () => {
    const res = await fetch(`${https.url}/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });
});

describe('query limits answer 400 with a code', () => {
  const send = (query: string, accept = 'application/json') =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query }),
    }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    }));
  const cases: Record<string, string> = {
    maxAliases: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
    maxTokens: `{ me { ${'id '.repeat(2100)} } }`,
    maxDepth: `{ people(first: 1) { edges { node { ${'knows { other { ... on Person { '.repeat(5)} name ${'} } } '.repeat(5)} } } } }`,
  };
  for (const [limit, query] of Object.entries(cases)) {
    it(limit, async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const res = await send(query, accept);
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
        expect(res.body.errors?.[0]?.extensions?.limit).toBe(limit);
        expect(res.body.errors?.[0]?.message).not.toMatch(/Syntax Error/);
      }
    });
  }

  it('counts aliases of __typename', async () => {
    const res = await send(
      `{ ${Array.from({ length: 300 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.limit).toBe('maxAliases');
  });
});

describe('request ids', () => {
  const me = (requestId: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${owner.token}`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });

  it('keeps a plain client id', async () => {
    await me('proxy-42:abc.DEF_9');
    expect(server.queriesOf('proxy-42:abc.DEF_9').length).toBeGreaterThan(0);
  });

  it('replaces a long or odd one with its own', async () => {
    for (const odd of ['x'.repeat(65), 'a b', 'id<script>', '"); MATCH (n) //']) {
      await me(odd);
      expect(server.queriesOf(odd), odd).toEqual([]);
      expect(server.queriesOf(odd.slice(0, 64)), odd).toEqual([]);
    }
  });
});

describe('logging of client mistakes', () => {
  it('logs a bad input at info with its code and no stack, not as an error', async () => {
    const before = logLines.length;
    const res = await server.gql(
      'mutation { createPerson(input: { name: "" }) { __typename } }',
      {},
      { role: 'staff' },
    );
    expect(res.status).toBe(200);
    await server.gql('{ people(after: "not-a-cursor") { totalCount } }');
    await server.gql('{ auditLog(first: 1) { totalCount } }', {}, { role: 'viewer' });
    const lines = logLines.slice(before);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    const client = lines.filter((l) => l.msg === 'client error');
    expect(client.map((l) => l.code).sort()).toEqual(['BAD_USER_INPUT', 'FORBIDDEN']);
    expect(JSON.stringify(client)).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('sign-in throttling', () => {
  const login = (address: string, password: string) =>
    postFrom(address, {
      query:
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }',
      variables: { e: owner.email, p: password },
    });

  it('keeps one address’s guesses bounded, and lets the owner in from another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('127.0.0.1', `wrong-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses).toContain(429);
    // The attacker's address waits even with the right password ...
    expect((await login('127.0.0.1', owner.password)).status).toBe(429);
    // ... the owner, elsewhere, does not.
    const ownerTry = await login('127.0.0.2', owner.password);
    expect(ownerTry.status).toBe(200);
    expect(ownerTry.json.data?.login.__typename).toBe('MutationLoginSuccess');
  });
});
