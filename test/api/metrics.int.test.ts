import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackJob } from '../../server/metrics.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const token = 'metrics-token-for-the-test-0123456789';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ app: { metricsToken: token } });
});
afterAll(() => server.close());

const metrics = async (headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}/metrics`, { headers });
  return { status: res.status, text: await res.text() };
};

/** The value of one sample line, e.g. `name{label="x"}`; undefined when absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('serves request time by operation, errors by code, Neo4j, jobs and local Neo4j figures', async () => {
    const before = await metrics();
    const ok = await server.gql('query MetricsProbe { people(first: 1) { totalCount } }');
    expect(ok.errors).toBeUndefined();
    const refused = await server.gql(
      'query MetricsRefused { people(first: 1) { totalCount } }',
      {},
      {
        role: 'anonymous',
      },
    );
    const code = refused.errors?.[0]?.extensions?.code as string;
    expect(code).toMatch(/^[A-Z_]+$/);
    await trackJob('metrics-test', async () => 'fine');
    await expect(
      trackJob('metrics-test', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    const { status, text } = await metrics();
    expect(status).toBe(200);
    expect(
      sample(text, 'talentgraph_graphql_request_duration_seconds_count{operation="MetricsProbe"}'),
    ).toBe(1);
    const errors = (t: string) =>
      sample(t, `talentgraph_graphql_errors_total{code="${code}"}`) ?? 0;
    expect(errors(text)).toBe(errors(before.text) + 1);
    expect(
      sample(
        text,
        'talentgraph_neo4j_transaction_duration_seconds_count{mode="read",outcome="ok"}',
      ),
    ).toBeGreaterThan(0);
    expect(sample(text, 'talentgraph_neo4j_connections_in_use')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'talentgraph_jobs_running{kind="metrics-test"}')).toBe(0);
    expect(
      sample(text, 'talentgraph_jobs_finished_total{kind="metrics-test",outcome="done"}'),
    ).toBe(1);
    expect(
      sample(text, 'talentgraph_jobs_finished_total{kind="metrics-test",outcome="failed"}'),
    ).toBe(1);
    expect(text).toContain('# TYPE talentgraph_local_neo4j_restarts_total counter');
    expect(text).toContain('talentgraph_process_resident_memory_bytes');
  });

  it('is for this machine or the token holder only', async () => {
    // Relayed by a proxy, a loopback caller may be anyone: refused without the token.
    expect((await metrics({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
    expect((await metrics({ authorization: 'Bearer wrong-token' })).status).toBe(401);
    const withToken = await metrics({
      'x-forwarded-for': '203.0.113.9',
      authorization: `Bearer ${token}`,
    });
    expect(withToken.status).toBe(200);
    expect(withToken.text).toContain('talentgraph_graphql_request_duration_seconds');
  });
});
