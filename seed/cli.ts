/**
 * `npm run seed -- --size demo|N [--seed S] [--wipe]`: generates the demo graph and loads it into the
 * Neo4j at NEO4J_URI. Refuses a database that holds anything but :Migration nodes unless --wipe is
 * given. Progress goes to stderr, the summary to stdout.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { parseSeedArgs, type SeedArgs, USAGE } from './cli-args.ts';
import { generateGraph } from './generate.ts';
import { loadGraph } from './load.ts';
import { NODE_LABELS, type SeedBatch } from './model.ts';

const WIPE_TIES = `MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT b:Migration
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`;
const WIPE_NODES = `MATCH (n) WHERE NOT n:Migration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`;

async function main(): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD;
  const database = process.env.NEO4J_DATABASE || undefined;
  if (!password) {
    console.error(`NEO4J_PASSWORD is not set.\n${USAGE}`);
    return 2;
  }

  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    await driver.verifyConnectivity({ database });
    if (await hasData(driver, database)) {
      if (!args.wipe) {
        console.error(
          `${uri} already holds data (nodes other than :Migration). Re-run with --wipe to delete it first.`,
        );
        return 1;
      }
      await wipe(driver, database);
    }
    await warnAboutMissingIndexes(driver, database);

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
    return 0;
  } catch (e) {
    console.error(`seed failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await driver.close();
  }
}

async function hasData(driver: Driver, database: string | undefined): Promise<boolean> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WHERE NOT n:Migration RETURN n LIMIT 1',
    {},
    { database, routing: 'READ' },
  );
  return records.length > 0;
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

/** Tie loading MATCHes by id; without an index on :Label(id) it slows to a crawl, so say so up front. */
async function warnAboutMissingIndexes(
  driver: Driver,
  database: string | undefined,
): Promise<void> {
  const { records } = await driver.executeQuery(
    "SHOW INDEXES YIELD labelsOrTypes, properties, entityType WHERE entityType = 'NODE' AND properties = ['id'] RETURN labelsOrTypes",
    {},
    { database, routing: 'READ' },
  );
  const indexed = new Set(records.flatMap((r) => r.get('labelsOrTypes') as string[]));
  const missing = NODE_LABELS.filter((l) => !indexed.has(l));
  if (missing.length > 0) {
    console.error(
      `warning: no index on :${missing.join(', :')}(id); run the migrations first or loading ties will be very slow`,
    );
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
