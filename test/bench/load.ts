/**
 * `npm run bench:load [-- --connections 100 --seconds 30]`: a load test over real HTTP on loopback.
 * Starts the local Neo4j of data/bench/3000 (the demo-sized graph, loaded on first use), the real app
 * on 127.0.0.1, signs in one staff account per connection, and drives a mix of searches, people pages,
 * neighbourhoods, introduction paths and writes with autocannon for a bounded time. Prints throughput,
 * p50/p95/p99 latency and errors (HTTP and GraphQL), and writes test/bench/RESULTS-load.md.
 */

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pino from 'pino';
import { demoPeople } from '../../seed/demo.ts';
import { createApp } from '../../server/app.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { openBenchDatabase } from './bench-database.ts';
import { describeMachine } from './machine.ts';
import { cypherCaller } from './raw-cypher.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
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

// Every connection is one signed-in user; the limits are raised because autocannon has no think time.
const app = createApp({
  db: opened.db,
  logger: pino({ level: 'warn' }),
  limits: { perIpPerMinute: 1e9, perAccountPerMinute: 1e9 },
});
const server = createServer(app.handle);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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

let sent = 0;
let graphqlErrors = 0;
const errorSamples: string[] = [];
log(`load: ${connections} connections for ${seconds} s against ${url}`);
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
      onResponse: (_status, body) => {
        if (body.includes('"errors"')) {
          graphqlErrors++;
          if (errorSamples.length < 5) errorSamples.push(body.slice(0, 300));
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

await opened.db.writeTx((tx) =>
  tx.run("MATCH (p:Person) WHERE p.name STARTS WITH 'loadtest' DETACH DELETE p"),
);
const machine = await describeMachine(cypher);
server.closeAllConnections();
server.close();
await opened.close();

const total = result.requests.total;
const errors = result.non2xx + result.errors + result.timeouts + graphqlErrors;
const row = `| ${connections} | ${seconds} s | ${total.toLocaleString('en')} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p97_5 ?? '-'} | ${result.latency.p99} | ${errors} (http ${result.non2xx}, socket ${result.errors}, time-outs ${result.timeouts}, graphql ${graphqlErrors}) |`;
const report = `# Load test

Written by \`npm run bench:load\` (test/bench/load.ts): autocannon over real HTTP on loopback against
the app and the local Neo4j with the demo-sized graph (${demoPeople.toLocaleString('en')} invented people), one
signed-in staff account per connection, no think time. Mix: ${mix.map((m) => `${m.name} ${m.weight}%`).join(', ')}.
Latency in ms (autocannon reports p97.5, not p95).

| connections | duration | requests | req/s | p50 | p97.5 | p99 | errors |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |
${row}

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.neo4j}.
${errorSamples.length ? `\nFirst errors:\n\n${errorSamples.map((e) => `    ${e}`).join('\n')}\n` : ''}`;
writeFileSync(new URL('./RESULTS-load.md', import.meta.url), report);
console.log(report);
