import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let token = '';

beforeAll(async () => {
  server = await startTestServer({ app: { limits: { perIpPerMinute: 10_000 } } });
  token = (await server.signIn('viewer')).token;
});
afterAll(() => server.close());

// The compliance audit of the graphql-http package, signed in as a viewer (a script with a bearer
// token). MAY items are informative; every MUST and SHOULD must pass.
describe('GraphQL over HTTP compliance (graphql-http audit)', () => {
  const audits = serverAudits({
    url: () => `${server.url}/graphql`,
    fetchFn: (input: RequestInfo, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });
  for (const audit of audits.filter((a) => /^(MUST|SHOULD)/.test(a.name))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});
