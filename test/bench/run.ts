/**
 * `npm run bench -- [--sizes 100000,1000000] [--ops a,b] [--iterations N]` (more flags in
 * bench-args.ts): for each size, starts the local Neo4j of `data/bench/<size>` (loading the generated
 * graph the first time), then times each operation through GraphQL and as raw Cypher, prints the
 * table and writes test/bench/RESULTS.md. Ctrl-C stops Neo4j cleanly.
 */
import { loadavg } from 'node:os';
import pino from 'pino';
import { createApp } from '../../server/app.ts';
import { type BenchArgs, benchUsage, parseBenchArgs } from './bench-args.ts';
import { openBenchDatabase } from './bench-database.ts';
import { graphqlCaller } from './graphql-client.ts';
import { describeMachine } from './machine.ts';
import { measure } from './measure.ts';
import { operations } from './ops/index.ts';
import type { Operation } from './ops/operation.ts';
import { cypherCaller } from './raw-cypher.ts';
import { resultsMarkdown, resultsTable, type SizeRun, saveSizeRun } from './results-file.ts';
import { checkSameAnswers } from './same-answer.ts';
import { loadSamples } from './samples.ts';

const log = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`);

/** What is running now, so a signal can stop Neo4j cleanly. */
let stopCurrent: (() => Promise<void>) | undefined;

function selectOperations(names: readonly string[]): Operation[] {
  if (!names.length) return [...operations];
  return names.map((name) => {
    const op = operations.find((o) => o.name === name || o.name.replace(/ /g, '-') === name);
    if (!op)
      throw new Error(
        `unknown operation ${name}; known: ${operations.map((o) => o.name).join(', ')}`,
      );
    return op;
  });
}

async function benchSize(people: number, ops: Operation[], args: BenchArgs): Promise<void> {
  log(`== ${people.toLocaleString('en')} people`);
  const opened = await openBenchDatabase(people, log, (neo4j) => {
    // Until the database is open (loaded), a signal stops the JVM directly.
    stopCurrent = () => neo4j.stop();
  });
  stopCurrent = () => opened.close();
  try {
    const cypher = cypherCaller(opened.driver);
    // The bench measures queries, not the rate limiter.
    const unlimited = { perIpPerMinute: 1e9, perAccountPerMinute: 1e9 };
    const app = createApp({ db: opened.db, logger: pino({ level: 'silent' }), limits: unlimited });
    const graphql = await graphqlCaller(app, opened.db);
    const sampleStarted = performance.now();
    const samples = await loadSamples(cypher);
    log(
      `sampled ${samples.people.length} people, ${samples.organizations.length} organisations, ${samples.cities.length} cities, university ${samples.university.name} (${samples.university.people} alumni) in ${Math.round(performance.now() - sampleStarted)} ms`,
    );
    const machine = await describeMachine(cypher);
    const startLoad = loadavg()[0] ?? 0;
    const run: SizeRun = {
      people,
      date: new Date().toISOString().slice(0, 16).replace('T', ' '),
      machine,
      heap: opened.memory.heap,
      pageCache: opened.memory.pageCache,
      load: opened.marker,
      loadAverage: { start: startLoad, end: startLoad },
      rows: [],
    };
    for (const op of ops) {
      log(`${op.name} …`);
      const prepared = await op.prepare({ graphql, cypher, driver: opened.driver, samples });
      // Timing two different answers would compare nothing: check first, and stop loudly.
      if (await checkSameAnswers(op.name, prepared, args.compareInputs))
        log(
          `${op.name}: GraphQL and baseline give the same answers (${args.compareInputs} inputs)`,
        );
      const result = await measure(prepared, {
        iterations: args.iterations,
        warmup: args.warmup,
        budgetSeconds: args.budgetSeconds,
        minIterations: args.minIterations,
      });
      run.rows.push({ operation: op.name, baseline: op.baseline, ...result });
      log(
        `${op.name}: n=${result.iterations} p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms; baseline p50 ${result.baselineP50.toFixed(1)} ms, p95 ${result.baselineP95.toFixed(1)} ms`,
      );
      run.loadAverage = { start: startLoad, end: loadavg()[0] ?? 0 };
      // Saved after every operation, so a run stopped half-way still leaves its rows.
      saveSizeRun(
        run,
        operations.map((o) => o.name),
      );
    }
    console.log(`\n${resultsTable([run])}\n`);
    log(`written to ${resultsMarkdown}`);
  } finally {
    await opened.close();
    stopCurrent = undefined;
  }
}

async function main(): Promise<number> {
  let args: BenchArgs;
  let ops: Operation[];
  try {
    args = parseBenchArgs(process.argv.slice(2));
    ops = selectOperations(args.ops);
  } catch (error) {
    console.error(`${(error as Error).message}\n${benchUsage}`);
    return 2;
  }
  for (const people of args.sizes) await benchSize(people, ops, args);
  return 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping Neo4j`);
    void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await stopCurrent?.().catch(() => undefined);
    process.exit(1);
  },
);
