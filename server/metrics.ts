/**
 * Prometheus metrics for operators, served at /metrics (server/app.ts). One registry for the process:
 * the HTTP app, the Db wrapper, the job runners and the local Neo4j supervisor each record here
 * through the named metrics and helpers below, so a new job kind needs one `trackJob` call.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'talentgraph_' });

const graphqlDuration = new Histogram({
  name: 'talentgraph_graphql_request_duration_seconds',
  help: 'GraphQL requests, from arrival to response, by operation name',
  labelNames: ['operation'],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const graphqlErrors = new Counter({
  name: 'talentgraph_graphql_errors_total',
  help: 'Errors in GraphQL responses, by error code (DATABASE_UNAVAILABLE, FORBIDDEN, …)',
  labelNames: ['code'],
  registers: [registry],
});

/** Transactions holding one of the driver's pooled connections (the pool holds 100 at most). */
export const neo4jConnectionsInUse = new Gauge({
  name: 'talentgraph_neo4j_connections_in_use',
  help: 'Neo4j transactions running now, each holding a pooled connection (pool size 100)',
  registers: [registry],
});

export const neo4jTransactionDuration = new Histogram({
  name: 'talentgraph_neo4j_transaction_duration_seconds',
  help: 'Neo4j transactions (retries included), by access mode and outcome',
  labelNames: ['mode', 'outcome'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
  registers: [registry],
});

const jobsRunning = new Gauge({
  name: 'talentgraph_jobs_running',
  help: 'Background jobs running now, by kind',
  labelNames: ['kind'],
  registers: [registry],
});

const jobsFinished = new Counter({
  name: 'talentgraph_jobs_finished_total',
  help: 'Background jobs finished, by kind and outcome (done, failed)',
  labelNames: ['kind', 'outcome'],
  registers: [registry],
});

export const localNeo4jRestarts = new Counter({
  name: 'talentgraph_local_neo4j_restarts_total',
  help: 'Times the local Neo4j JVM died and was restarted by the server',
  registers: [registry],
});

export const localNeo4jUp = new Gauge({
  name: 'talentgraph_local_neo4j_up',
  help: '1 while the local Neo4j started by this server runs, 0 while it is restarting',
  registers: [registry],
});

/**
 * Runs a background job and counts it: running while `work` runs, then done or failed (it threw, or
 * `failed(result)` says so). Any job runner calls this once per job.
 */
export async function trackJob<T>(
  kind: string,
  work: () => Promise<T>,
  failed: (result: T) => boolean = () => false,
): Promise<T> {
  jobsRunning.inc({ kind });
  try {
    const result = await work();
    jobsFinished.inc({ kind, outcome: failed(result) ? 'failed' : 'done' });
    return result;
  } catch (error) {
    jobsFinished.inc({ kind, outcome: 'failed' });
    throw error;
  } finally {
    jobsRunning.dec({ kind });
  }
}

/** Label values come from clients: past this many distinct operation names, the rest are 'other'. */
const maxOperationNames = 500;
const operationNames = new Set<string>();

function operationLabel(operationName: unknown, query: unknown): string {
  let name = typeof operationName === 'string' ? operationName : undefined;
  if (!name && typeof query === 'string') {
    name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(query)?.[1];
  }
  if (!name || !/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return 'anonymous';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= maxOperationNames) return 'other';
  operationNames.add(name);
  return name;
}

/** A yoga plugin timing each GraphQL request by operation name and counting its errors by code. */
export function graphqlMetricsPlugin(): Plugin {
  const started = new WeakMap<Request, { at: number; operation: string }>();
  return {
    onRequest({ request }) {
      started.set(request, { at: performance.now(), operation: 'anonymous' });
    },
    onParams({ request, params }) {
      const entry = started.get(request);
      if (entry) entry.operation = operationLabel(params.operationName, params.query);
    },
    onResultProcess({ result }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: readonly { extensions?: { code?: unknown } }[] }).errors;
        for (const error of errors ?? []) {
          const code = error.extensions?.code;
          graphqlErrors.inc({ code: typeof code === 'string' ? code.slice(0, 64) : 'UNKNOWN' });
        }
      }
    },
    onResponse({ request }) {
      const entry = started.get(request);
      if (!entry) return;
      graphqlDuration.observe(
        { operation: entry.operation },
        (performance.now() - entry.at) / 1000,
      );
    },
  };
}

/**
 * GET /metrics in Prometheus' text format, for callers on this machine (loopback, not forwarded by a
 * proxy) or with `Authorization: Bearer <METRICS_TOKEN>`; others get 403 (401 for a wrong token).
 */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
): Promise<void> {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const allowed = given !== undefined ? tokenMatches(given, token) : isLocalDirect(req);
  if (!allowed) {
    res.writeHead(given === undefined ? 403 : 401, { 'content-type': 'text/plain' });
    res.end(
      given === undefined
        ? 'metrics are served to loopback callers, or with Authorization: Bearer $METRICS_TOKEN\n'
        : 'wrong metrics token\n',
    );
    return;
  }
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  res.end(body);
}

function tokenMatches(given: string, token: string | undefined): boolean {
  if (!token) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** From this machine and not relayed by a reverse proxy (which would make every caller look local). */
function isLocalDirect(req: IncomingMessage): boolean {
  if (req.headers['x-forwarded-for'] || req.headers.forwarded) return false;
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
