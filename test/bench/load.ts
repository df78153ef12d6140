/**
 * `npm run bench:load [-- --connections 100 --seconds 30 --think-ms 5000 --warmup-seconds 20]`: a load test over real HTTP
 * on loopback. Starts the local Neo4j of data/bench/3000 (the demo-sized graph, loaded on first use), the
 * real server (server/main.ts, in a process of its own, as `npm start` runs it) on 127.0.0.1 with its
 * default rate limits (every user comes from the same address, like an office behind one NAT), signs in one staff account per user, and drives a mix of searches, people
 * pages, neighbourhoods, introduction paths and writes for a bounded time, after a warm-up (8
 * connections in a closed loop, not measured: a freshly started JVM and Node compile their hot paths
 * in the first seconds; without it every request over 400 ms of a run fell in its first 4 s), twice:
 * - users: each user sends a request, waits for the answer, then thinks (exponentially distributed,
 *   mean `--think-ms`) before the next one, as people at their desks do;
 * - closed loop: autocannon, no think time, to find the throughput (requests queue, latency grows).
 * Prints and writes test/bench/RESULTS-load.md: requests/s, p50/p95/p99 latency, errors (HTTP,
 * socket, time-outs, GraphQL).
 */

import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { demoPeople } from '../../seed/demo.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { deleteNodes } from '../helpers/test-data.ts';
import { openBenchDatabase } from './bench-database.ts';
import { describeMachine } from './machine.ts';
import { percentile } from './percentile.ts';
import { cypherCaller } from './raw-cypher.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    'think-ms': { type: 'string', default: '5000' },
    'warmup-seconds': { type: 'string', default: '20' },
  },
});
const warmupSeconds = Number(values['warmup-seconds']);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const thinkMs = Number(values['think-ms']);
const log = (line: string) => console.error(line);

const opened = await openBenchDatabase(demoPeople, log);
const cypher = cypherCaller(opened.driver);
const people = (
  await cypher<{ id: string }>(
    'MATCH (p:Person) WHERE NOT p.deleted RETURN p.id AS id ORDER BY p.id LIMIT 400',
  )
).map((r) => `Person:${r.id}`);
const names = (
  await cypher<{ name: string }>('MATCH (p:Person) RETURN p.name AS name ORDER BY p.id LIMIT 200')
).map((r) => r.name);

// The server as `npm start` runs it, in a process of its own (the load's clients run here, in
// another): its default limits, as deployed, must not be what is measured.
const app = await startServerProcess(opened.neo4j);
const url = app.url;
const tokens = await Promise.all(
  Array.from({ length: connections }, () =>
    createTestAccount(opened.db, 'staff').then((a) => a.token),
  ),
);

const mix: { name: string; weight: number; body: (i: number) => unknown }[] = [
  {
    name: 'search',
    weight: 35,
    body: (i) => ({
      query: 'query ($t: String!) { search(text: $t, first: 10) { score entity { id name } } }',
      variables: { t: names[i % names.length]!.slice(0, 2) },
    }),
  },
  {
    name: 'people page',
    weight: 20,
    body: (i) => ({
      query:
        'query ($first: Int!) { people(first: $first, filter: { categories: [returnee] }) { totalCount edges { node { id name positions { other { name } } } } } }',
      variables: { first: 20 + (i % 30) },
    }),
  },
  {
    name: 'neighborhood',
    weight: 20,
    body: (i) => ({
      query:
        'query ($ids: [ID!]!) { neighborhood(ids: $ids, depth: 1, limit: 150) { truncated nodes { id } edges { id } } }',
      variables: { ids: [people[i % people.length]] },
    }),
  },
  {
    name: 'introductionPaths',
    weight: 15,
    body: (i) => ({
      query:
        'query ($from: [ID!]!, $to: ID!) { introductionPaths(from: $from, to: $to, maxHops: 4, first: 3) { reason paths { score { score } } } }',
      variables: {
        from: people.slice(i % 300, (i % 300) + 3),
        to: people[(i * 7 + 301) % people.length],
      },
    }),
  },
  {
    name: 'write',
    weight: 10,
    body: (i) => ({
      query: 'mutation ($input: PersonInput!) { createPerson(input: $input) { __typename } }',
      variables: { input: { name: `loadtest${i}`, bio: '负载测试 (load test)' } },
    }),
  },
];
const wheel = mix.flatMap((op) => Array<typeof op>(op.weight).fill(op));

// Every operation once before the run: a broken query must stop the bench, not count as load.
for (const op of mix) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
    body: JSON.stringify(op.body(0)),
  });
  const text = await res.text();
  if (!res.ok || text.includes('"errors"'))
    throw new Error(`${op.name} fails before the run: ${text}`);
}

/** The warm-up: a few connections loop through the mix, unmeasured, until the time is up. */
async function warmUp(): Promise<number> {
  let sent = 0;
  const until = performance.now() + warmupSeconds * 1000;
  await Promise.all(
    tokens.slice(0, 8).map(async (token) => {
      while (performance.now() < until) {
        const i = sent++;
        const op = wheel[(i * 37) % wheel.length]!;
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(op.body(i)),
        });
        await res.text();
      }
    }),
  );
  return sent;
}

const isError = (status: number, body: string) => status !== 200 || body.includes('"errors"');
const errorSamples: string[] = [];
const noteError = (body: string) => {
  if (errorSamples.length < 5) errorSamples.push(body.slice(0, 300));
};

/** Latencies of the users' run per operation of the mix: which one makes the tail. */
const byOperation = new Map<string, number[]>();

/** Users at their desks: request, answer, think, again; each user is one signed-in account. */
async function users(): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const until = performance.now() + seconds * 1000;
  const think = () => new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * thinkMs));
  await Promise.all(
    tokens.map(async (token, user) => {
      // Users start spread over one think time, not all at once.
      await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
      while (performance.now() < until) {
        const i = sent++;
        const op = wheel[(i * 37 + user) % wheel.length]!;
        const started = performance.now();
        try {
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(op.body(i)),
          });
          const body = await res.text();
          const took = performance.now() - started;
          latencies.push(took);
          byOperation.set(op.name, [...(byOperation.get(op.name) ?? []), took]);
          if (isError(res.status, body)) {
            errors++;
            noteError(body);
          }
        } catch (error) {
          errors++;
          noteError(String(error));
        }
        await think();
      }
    }),
  );
  return {
    mode: `${connections} users, think time ${thinkMs / 1000} s (mean, exponential)`,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: `${errors}`,
  };
}

/** Closed loop: every connection sends its next request as soon as the last is answered. */
async function closedLoop(): Promise<Row> {
  let sent = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = sent++;
          const op = wheel[(i * 37) % wheel.length]!;
          return {
            ...request,
            headers: { ...request.headers, 'content-type': 'application/json' },
            body: JSON.stringify(op.body(i)),
          };
        },
        onResponse: (status, body) => {
          if (isError(status, body)) {
            graphqlErrors++;
            noteError(body);
          }
        },
      },
    ],
    setupClient: (client) => {
      client.setHeaders({
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[Math.floor(Math.random() * tokens.length)]}`,
      });
    },
  });
  const errors = result.errors + result.timeouts + graphqlErrors;
  return {
    mode: `${connections} connections, closed loop (no think time)`,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5,
    p99: result.latency.p99,
    errors: `${errors} (HTTP or GraphQL ${graphqlErrors}, socket ${result.errors}, time-outs ${result.timeouts})`,
  };
}

interface Row {
  mode: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: string;
}

const loadStart = loadavg()[0] ?? 0;
const warmed = await warmUp();
log(`load: warmed up with ${warmed} requests in ${warmupSeconds} s`);
log(`load: ${connections} users thinking ${thinkMs} ms for ${seconds} s against ${url}`);
const rows = [await users()];
log(`load: ${connections} closed-loop connections for ${seconds} s`);
rows.push(await closedLoop());
const loadEnd = loadavg()[0] ?? 0;

await opened.db.writeTx(async (tx) => {
  const made = await tx.run<{ id: string }>(
    "MATCH (p:Person) WHERE p.name STARTS WITH 'loadtest' RETURN p.id AS id",
  );
  await deleteNodes(
    tx,
    made.map((r) => r.id),
  );
});
const machine = await describeMachine(cypher);
await app.stop('SIGTERM');
await opened.close();

const ms = (n: number) => Math.round(n).toLocaleString('en');
const report = `# Load test

Written by \`npm run bench:load\` (test/bench/load.ts): over real HTTP on loopback against the server as
\`npm start\` runs it (server/main.ts in a process of its own; the clients run in the bench's process) with its
default rate limits (every user comes from 127.0.0.1, like an office behind one address) and the local Neo4j
with the demo-sized graph (${demoPeople.toLocaleString('en')} invented people), one signed-in staff account per user.
Mix: ${mix.map((m) => `${m.name} ${m.weight}%`).join(', ')}. After a warm-up of ${warmupSeconds} s (${warmed.toLocaleString('en')} requests from
8 connections in a closed loop, not measured: a freshly started JVM and Node compile their hot paths in
the first seconds), two runs of ${seconds} s: users who think between
requests (mean ${thinkMs / 1000} s, exponentially distributed), then a closed loop with no think time (autocannon;
its p95 column is p97.5), which finds the throughput. Latency in ms.

| run | requests | req/s | p50 | p95 | p99 | errors |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${rows.map((r) => `| ${r.mode} | ${r.requests.toLocaleString('en')} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} |`).join('\n')}

Per operation, in the run with think time:

| operation | requests | p50 | p95 | p99 | max |
| --- | ---: | ---: | ---: | ---: | ---: |
${[...byOperation].map(([name, list]) => `| ${name} | ${list.length} | ${ms(percentile(list, 50))} | ${ms(percentile(list, 95))} | ${ms(percentile(list, 99))} | ${ms(Math.max(...list))} |`).join('\n')}

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.neo4j}; load average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end.
${errorSamples.length ? `\nFirst errors:\n\n${errorSamples.map((e) => `    ${e}`).join('\n')}\n` : ''}`;
writeFileSync(new URL('./RESULTS-load.md', import.meta.url), report);
console.log(report);
