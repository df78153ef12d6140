/**
 * `npm run seed -- --size demo|N [--seed S] [--wipe]`: generates the demo graph and loads it into the
 * app's database (NEO4J_URI, or the local Neo4j below DATA_DIR). Refuses a database that holds anything but :Migration nodes unless --wipe is
 * given. Progress goes to stderr, the summary to stdout.
 */
import type { Driver } from 'neo4j-driver';
import { rebuildDerivedTies } from '../schema/connections/derived-ties.ts';
import { rebuildIntroductionFacts } from '../schema/outreach/funnel-facts.ts';
import { rebuildPeopleFacts } from '../schema/person/current-facts.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { createDriver } from '../server/db/driver.ts';
import { migrate } from '../server/db/migrate.ts';
import { Db } from '../server/db/run.ts';
import { parseSeedArgs, type SeedArgs, USAGE } from './cli-args.ts';
import { isEmpty } from './demo.ts';
import { generateGraph } from './generate.ts';
import { loadGraph } from './load.ts';
import type { SeedBatch } from './model.ts';

// What migrations wrote stays: their records and the reference places (with the ties between them).
const WIPE_TIES = `MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT b:Migration
  AND NOT (coalesce(a.reference, false) AND coalesce(b.reference, false))
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`;
const WIPE_NODES = `MATCH (n) WHERE NOT n:Migration AND NOT coalesce(n.reference, false)
  AND NOT (n:Source AND n.createdBy = 'migration')
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`;

async function main(): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  // The same database the server uses: NEO4J_URI, or the local Neo4j below DATA_DIR (reusing the one
  // the running server started, if any, instead of failing on its lock).
  const config = loadConfig();
  const target = await openDatabase(config, { attach: true });
  const database = target.database;
  const uri = target.describe;
  const driver = createDriver(target.connection);
  try {
    await migrate(new Db(driver, { database }), undefined, (line) => console.error(line));
    if (!(await isEmpty(new Db(driver, { database })))) {
      if (!args.wipe) {
        console.error(
          `${uri} already holds data (besides what migrations wrote). Re-run with --wipe to delete it first.`,
        );
        return 1;
      }
      await wipe(driver, database);
    }
    console.error(
      `seeding ${args.people.toLocaleString('en')} people (seed ${args.seed}) into ${uri}`,
    );
    const counts = new Map<string, number>();
    const counted = countRows(
      generateGraph({ people: args.people, seed: args.seed, batchSize: args.batchSize }),
      counts,
    );
    let lastPrint = 0;
    let lastLabel = '';
    const result = await loadGraph(driver, counted, {
      database,
      concurrency: args.concurrency,
      onProgress: ({ label, done, rate }) => {
        const now = performance.now();
        if (label === lastLabel && now - lastPrint < 1000) return;
        lastPrint = now;
        lastLabel = label;
        console.error(
          `  ${label.padEnd(14)} ${done.toLocaleString('en').padStart(12)} rows  ${Math.round(rate).toLocaleString('en').padStart(8)} rows/s`,
        );
      },
    });
    printSummary(counts, result);
    const derived = await rebuildDerivedTies(driver, { database });
    console.log(`  ${'DERIVED_TIE'.padEnd(14)} ${derived.toLocaleString('en').padStart(12)}`);
    const withFacts = await rebuildPeopleFacts(new Db(driver, { database }));
    console.log(`  ${'people facts'.padEnd(14)} ${withFacts.toLocaleString('en').padStart(12)}`);
    // The introductions' funnel facts, from the stage moves written with them.
    await rebuildIntroductionFacts(new Db(driver, { database }));
    return 0;
  } catch (e) {
    console.error(`seed failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await driver.close();
    await target.local?.stop();
  }
}

async function wipe(driver: Driver, database: string | undefined): Promise<void> {
  const started = performance.now();
  console.error('wiping existing data (keeping :Migration nodes) ...');
  // CALL { } IN TRANSACTIONS needs an implicit (auto-commit) transaction, hence session.run.
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    const ties = await session.run(WIPE_TIES);
    const nodes = await session.run(WIPE_NODES);
    const deleted = (nodes.summary.counters.updates().nodesDeleted ?? 0).toLocaleString('en');
    const tiesDeleted = (ties.summary.counters.updates().relationshipsDeleted ?? 0).toLocaleString(
      'en',
    );
    console.error(
      `wiped ${deleted} nodes and ${tiesDeleted} ties in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await session.close();
  }
}

function* countRows(
  batches: Iterable<SeedBatch>,
  counts: Map<string, number>,
): Generator<SeedBatch> {
  for (const batch of batches) {
    const key = batch.kind === 'node' ? batch.label : batch.type;
    counts.set(key, (counts.get(key) ?? 0) + batch.rows.length);
    yield batch;
  }
}

function printSummary(
  counts: ReadonlyMap<string, number>,
  result: { nodes: number; ties: number; ms: number },
): void {
  const rows = result.nodes + result.ties;
  const lines = [...counts].map(
    ([key, n]) => `  ${key.padEnd(14)} ${n.toLocaleString('en').padStart(12)}`,
  );
  console.log(
    [
      'seeded:',
      ...lines,
      `  ${'nodes'.padEnd(14)} ${result.nodes.toLocaleString('en').padStart(12)}`,
      `  ${'ties'.padEnd(14)} ${result.ties.toLocaleString('en').padStart(12)}`,
      `in ${(result.ms / 1000).toFixed(1)} s (${Math.round((rows * 1000) / Math.max(1, result.ms)).toLocaleString('en')} rows/s)`,
    ].join('\n'),
  );
}

process.exitCode = await main();
