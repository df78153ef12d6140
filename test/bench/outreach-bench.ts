/**
 * `npm run bench:outreach [-- --people 50000 --intros 100000 --runs 5]`: starts a fresh local Neo4j
 * (data/bench/outreach, emptied first), generates a segment of `people` invented people living in one
 * city and `intros` introductions with 1-4 stage moves each, then times through the GraphQL app
 * (in-process, as staff): building an invitation list from the whole segment (a new event per run),
 * and the outcome report over all introductions. Prints p50/p95 per operation.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createApp } from '../../server/app.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';
import { graphqlCaller } from './graphql-client.ts';
import { percentile } from './percentile.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '50000' },
    intros: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
  },
});
const people = Number(values.people);
const intros = Number(values.intros);
const runs = Number(values.runs);
const dir = resolve('data/bench/outreach');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const neo4j = await startLocalNeo4j({
  home: join(dir, 'neo4j'),
  boltPort: await freePort(),
  heap: '1g',
  pageCache: '1g',
});
const driver = createDriver(neo4j);
const db = new Db(driver);

async function generate() {
  await migrate(db);
  await db.autoCommit(
    `CREATE (:Place {id: 'bench-city', name: '基准市', kind: 'city', deleted: false}),
            (:Organization {id: 'bench-org', name: '基准单位', type: 'enterprise', deleted: false})`,
  );
  // In chunks of 10,000: one statement per chunk stays well inside the server's transaction timeout.
  for (let from = 0; from < people; from += 10_000) {
    await db.autoCommit(
      `UNWIND range($from, $to - 1) AS k
     CALL (k) {
       MATCH (c:Place {id: 'bench-city'})
       CREATE (p:Person {id: 'bp' + k, name: '基准人' + k, categories: [], deleted: false,
                         doNotContact: k % 50 = 0, createdAt: datetime()})
       CREATE (p)-[:LIVES_IN {id: 'bl' + k, current: true, deleted: false}]->(c)
     } IN TRANSACTIONS OF 5000 ROWS`,
      { from, to: Math.min(people, from + 10_000) },
    );
  }
  const stages = ['proposed', 'contacted', 'interested', 'negotiating', 'signed', 'landed'];
  for (let from = 0; from < intros; from += 10_000) {
    await db.autoCommit(
      `UNWIND range($from, $to - 1) AS k
     CALL (k) {
       MATCH (a:Person {id: 'bp' + (k % 2000)}), (b:Person {id: 'bp' + ((k * 7 + 2001) % $people)}),
             (o:Organization {id: 'bench-org'})
       WITH k, a, b, o, 1 + k % 4 AS moves,
            datetime('2025-01-01T00:00:00Z') + duration({hours: k % 8000}) AS created
       CREATE (i:Introduction {id: 'bi' + k, name: '引荐' + k, stage: $stages[moves - 1 + k % 3],
                               channel: ['wechat', 'call', 'event'][k % 3], createdAt: created,
                               deleted: false})
       CREATE (i)-[:INTRODUCER]->(a), (i)-[:TALENT]->(b), (i)-[:TARGET]->(o)
       WITH i, moves, created
       UNWIND range(0, moves - 1) AS m
       CREATE (i)-[:MOVED]->(:StageMove {id: i.id + '-' + m, from: CASE WHEN m = 0 THEN null ELSE $stages[m - 1] END,
                                         to: $stages[m], at: created + duration({days: m * 9}), by: 'bench'})
     } IN TRANSACTIONS OF 2000 ROWS`,
      { from, to: Math.min(intros, from + 10_000), people, stages },
    );
  }
}

function report(name: string, size: string, samples: number[]) {
  console.log(
    `${name}: ${size}, ${samples.length} runs, p50 ${Math.round(percentile(samples, 50))} ms, p95 ${Math.round(percentile(samples, 95))} ms`,
  );
}

try {
  const started = performance.now();
  await generate();
  console.log(
    `generated ${people} people and ${intros} introductions in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  const app = createApp({
    db,
    logger: pino({ level: 'silent' }),
    limits: { perIpPerMinute: 1e9, perAccountPerMinute: 1e9, queryTimeoutMs: 600_000 },
  });
  const gql = await graphqlCaller(app, db);
  const { createSegment } = await gql<{ createSegment: { data: { id: string } } }>(
    `mutation { createSegment(name: "基准人群", filter: {livesIn: ["Place:bench-city"]}) {
       ... on MutationCreateSegmentSuccess { data { id } } } }`,
  );
  const segment = createSegment.data.id;

  const invite: number[] = [];
  let invited = 0;
  for (let r = 0; r < runs; r++) {
    const { createEvent } = await gql<{ createEvent: { data: { id: string } } }>(
      `mutation { createEvent(input: {name: "基准专场${r}", kind: special_session, startsAt: "2026-06-01T14:00:00+08:00",
         timeZone: "Asia/Shanghai"}) { ... on MutationCreateEventSuccess { data { id } } } }`,
    );
    const t0 = performance.now();
    const res = await gql<{ inviteToEvent: { data: { invited: number } } }>(
      `mutation ($e: ID!, $s: ID!) { inviteToEvent(input: {event: $e, segment: $s}) {
         ... on MutationInviteToEventSuccess { data { invited } } } }`,
      { e: createEvent.data.id, s: segment },
    );
    invite.push(performance.now() - t0);
    invited = res.inviteToEvent.data.invited;
  }
  report('inviteToEvent from segment', `${people} members (${invited} invited)`, invite);

  const funnel: number[] = [];
  let total = 0;
  for (let r = 0; r < runs * 2; r++) {
    const t0 = performance.now();
    const res = await gql<{ outcomeReport: { total: number } }>(
      'query { outcomeReport(from: "2025-01-01", to: "2026-12-31") { total stages { stage reached meanDays } byIntroducer { key } } }',
    );
    funnel.push(performance.now() - t0);
    total = res.outcomeReport.total;
  }
  report('outcomeReport', `${total} introductions`, funnel);
} finally {
  await driver.close();
  await neo4j.stop();
}
