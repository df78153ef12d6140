/**
 * `npm run bench:import -- --rows N [--only roster|edges|admin] [--batch B] [--profile] [--no-reimport]
 *  [--heap 1g] [--page-cache 1g]`: the speed of getting data in (issue #15, item 5), each path beside a
 * baseline that writes the same thing in the same run. The lead's commands, on a quiet machine:
 *
 *   npm run bench:import -- --rows 100000
 *   npm run bench:import -- --rows 1000000
 *
 * Everything lives in data/bench/import (emptied first). Three parts, all by default:
 *
 * - roster: a generated alumni roster (13 columns) imported by the product (ImportRunner, as the
 *   server's import job runs it) into a fresh store holding the demo graph, then again (every row
 *   unchanged). Baseline: the same rows written with plain UNWIND batches of the same size
 *   (roster-baseline.ts) into an identical fresh store; the re-import's baseline reads each row's
 *   source by key. Rows/s of both and product/baseline.
 * - edges: a dataset (schema/dataset/, a JSON mapping) of people and organisations with external
 *   ids is imported into the template first; then the timed job imports an acquaintance file (KNOWS,
 *   kind and since: N ties) and a work file (WORKED_AT, role and years: one per person). Baseline:
 *   the same ties by plain UNWIND (edge-files.ts). Ties/s of both.
 * - admin: a first load of N generated people into an empty store through `neo4j-admin database
 *   import` (bulk-import.ts, as the 1M-people bench store is made), then the migrations (indexes,
 *   people facts and counts). Rows (people)/s from generation to a store ready to serve.
 *
 * Before any rate is printed, the product's and the baseline's stores are compared: nodes per label,
 * relationships per type, how many carry each property key, and every people count. A difference is
 * printed and the run exits with code 1. Derived ties are refreshed by the same function in both and
 * timed apart. Each line gives the CPU seconds of this process and of Neo4j (rows per CPU-second
 * hardly depend on how busy the machine is), peak RSS, and the 1-minute load average.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRunner } from '../../schema/import/run-import.ts';
import type { QueryEvent } from '../../server/db/run.ts';
import { wholeNumber } from './bench-args.ts';
import { migrateWithBigIndexes } from './bench-database.ts';
import { bulkImport } from './bulk-import.ts';
import { edgeBaseline, runDatasetJob, writeEdgeFiles } from './edge-files.ts';
import {
  type BenchStore,
  buildTemplate,
  countDifferences,
  countStore,
  cpuSeconds,
  describeCounts,
  openCopy,
  openStore,
  peakRssMb,
  type StoreCounts,
} from './import-stores.ts';
import { describeMachine } from './machine.ts';
import { cypherCaller } from './raw-cypher.ts';
import { rosterBaseline, rosterReimportBaseline } from './roster-baseline.ts';
import { writeRoster } from './roster-file.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    only: { type: 'string' },
    batch: { type: 'string', default: '5000' },
    profile: { type: 'boolean', default: false },
    'no-reimport': { type: 'boolean', default: false },
    heap: { type: 'string', default: '1g' },
    'page-cache': { type: 'string', default: '1g' },
  },
});
const parts = ['roster', 'edges', 'admin'] as const;
type Part = (typeof parts)[number];
const only = values.only?.split(',').map((s) => s.trim()) ?? [...parts];
for (const part of only)
  if (!parts.includes(part as Part))
    throw new Error(`--only takes ${parts.join('|')}, got ${part}`);
const rows = wholeNumber('--rows', values.rows, 1);
const batchSize = wholeNumber('--batch', values.batch, 1);
const memory = { heap: values.heap, pageCache: values['page-cache'] };
const dir = resolve('data/bench/import');
const actor = 'bench';
/** Job records: their progress fields differ by design, so only their number is compared. */
const bookkeeping = ['ImportJob', 'Job'];

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const load = () => (loadavg()[0] as number).toFixed(1);
const rate = (n: number, ms: number) => fmt((n * 1000) / ms);
const log = (line: string) => console.log(line);

/** CPU and memory of this process and of a store's Neo4j over one timed step. */
function meter(store: BenchStore) {
  const cpu0 = { node: cpuSeconds(process.pid), neo4j: cpuSeconds(store.neo4j.pid) };
  const load0 = load();
  const t0 = performance.now();
  return (n: number) => {
    const ms = performance.now() - t0;
    const node = cpuSeconds(process.pid) - cpu0.node;
    const neo4j = cpuSeconds(store.neo4j.pid) - cpu0.neo4j;
    return {
      ms,
      text:
        `${(ms / 1000).toFixed(1)} s; CPU node ${node.toFixed(0)} s + neo4j ${neo4j.toFixed(0)} s = ` +
        `${fmt(n / Math.max(node + neo4j, 0.01))} per CPU-second; peak RSS node ` +
        `${Math.round(process.resourceUsage().maxRSS / 1024)} MB, neo4j ${peakRssMb(store.neo4j.pid)} MB; ` +
        `load ${load0} -> ${load()}`,
    };
  };
}

/** Time per statement (first line of its Cypher), summed, for `--profile`. */
const profile = new Map<string, { ms: number; calls: number }>();
const record = values.profile
  ? (e: { cypher: string; ms: number }) => {
      const key = e.cypher.trim().split('\n')[0]?.slice(0, 90) ?? '';
      const p = profile.get(key) ?? { ms: 0, calls: 0 };
      p.ms += e.ms;
      p.calls++;
      profile.set(key, p);
    }
  : undefined;
function printProfile(ms: number): void {
  if (!values.profile) return;
  const total = [...profile.values()].reduce((s, p) => s + p.ms, 0);
  log(`    time in Cypher: ${(total / 1000).toFixed(1)} s of ${(ms / 1000).toFixed(1)} s`);
  for (const [key, p] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    log(`    ${(p.ms / 1000).toFixed(1).padStart(7)} s ${String(p.calls).padStart(6)}x  ${key}`);
  profile.clear();
}

/** Compares the two stores; on a difference prints it and returns false (the run then exits 1). */
function sameStores(what: string, product: StoreCounts, baseline: StoreCounts): boolean {
  const diffs = countDifferences(product, baseline);
  if (!diffs.length) {
    log(`  ${what}: product and baseline stores hold the same (${product.size} counts compared)`);
    return true;
  }
  log(`  MISMATCH ${what}: product and baseline stores differ; no rates printed`);
  for (const line of diffs) log(line);
  process.exitCode = 1;
  return false;
}

async function withStore<T>(store: BenchStore, work: (s: BenchStore) => Promise<T>): Promise<T> {
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Migrations and the demo graph, once: the templates of the roster and edge parts start from it. */
async function baseTemplate(): Promise<string> {
  const home = join(dir, 'base');
  const started = performance.now();
  await buildTemplate(home, memory, async (store) => {
    const m = await describeMachine(cypherCaller(store.driver));
    log(
      `machine: ${m.cpus} CPUs, ${m.memoryGiB} GiB, ${m.cpuModel}; Node ${m.node}; ${m.java}; ${m.neo4j}`,
    );
  });
  log(
    `base store (migrations + demo graph) built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return home;
}

async function rosterPart(base: string): Promise<void> {
  log(`\n== roster: ${fmt(rows)} rows, batches of ${fmt(batchSize)}`);
  const csv = join(dir, `roster-${rows}.csv`);
  await writeRoster(csv, rows);
  const options = {
    preset: 'alumni' as const,
    actor,
    fileName: 'bench.csv',
    batchSize,
    refreshDerived: false,
  };
  const lines: string[] = [];
  // The check pass ends when the job is marked as writing (its first progress comes after a batch).
  let writingAt = 0;
  const onQuery = (e: QueryEvent) => {
    record?.(e);
    if ((e.params.props as { status?: string } | undefined)?.status === 'writing')
      writingAt = performance.now();
  };
  const product = await withStore(
    await openCopy(base, join(dir, 'roster-product'), memory, onQuery),
    async (store) => {
      let counts: StoreCounts | undefined;
      const passes = values['no-reimport'] ? ['first import'] : ['first import', 're-import'];
      const ms: number[] = [];
      for (const pass of passes) {
        const jobId = await ImportRunner.createJob(store.db, csv, options);
        let writtenAt = 0;
        const done = meter(store);
        const t0 = performance.now();
        const summary = await new ImportRunner(store.db, csv, options, (p) => {
          if (p.phase === 'writing') writtenAt = performance.now() - t0;
        }).run(jobId);
        const m = done(rows);
        const checkMs = writingAt - t0;
        ms.push(m.ms);
        const derived = pass === 'first import' ? m.ms - writtenAt : 0;
        lines.push(
          `  product ${pass}: status ${summary.status}, created ${summary.created}, updated ${summary.updated}, ` +
            `unchanged ${summary.unchanged}, rejected ${summary.rejected}; ${rate(rows, m.ms)} rows/s ` +
            `(check ${rate(rows, checkMs)} rows/s, write ${rate(rows, writtenAt - checkMs)} rows/s` +
            `${derived ? `, derived ties ${(derived / 1000).toFixed(1)} s` : ''}); ${m.text}`,
        );
        if (summary.status !== 'done' || summary.rejected) {
          throw new Error(
            `the product's ${pass} ended ${summary.status}: ${summary.problems.join('; ')}`,
          );
        }
        if (pass === 're-import' && summary.unchanged !== rows) {
          throw new Error(`the product's re-import found ${rows - summary.unchanged} rows changed`);
        }
        printProfile(m.ms);
        // The store as the first import left it (a re-import adds its own job record and source).
        if (!counts) counts = await countStore(store.db, bookkeeping);
      }
      return { counts: counts as StoreCounts, ms };
    },
  );
  const baseline = await withStore(
    await openCopy(base, join(dir, 'roster-baseline'), memory),
    async (store) => {
      // The same job record and import source as the product's (not timed there either).
      const jobId = await ImportRunner.createJob(store.db, csv, options);
      const [job] = await store.db.read<{ sourceId: string }>(
        'MATCH (j:ImportJob {id: $jobId}) RETURN j.sourceId AS sourceId',
        { jobId },
      );
      const done = meter(store);
      const run = await rosterBaseline(store.db, csv, {
        jobId,
        jobSourceId: job?.sourceId ?? '',
        actor,
        dataset: 'alumni',
        batchSize,
      });
      const m = done(rows);
      lines.push(
        `  baseline first import: ${rate(run.rows, m.ms)} rows/s (write ${rate(run.rows, run.writeMs)} rows/s, ` +
          `derived ties ${(run.derivedMs / 1000).toFixed(1)} s, the product's function); ${m.text}`,
      );
      const counts = await countStore(store.db, bookkeeping);
      let reimportMs = 0;
      if (!values['no-reimport']) {
        const again = meter(store);
        const re = await rosterReimportBaseline(store.db, csv, { dataset: 'alumni', batchSize });
        const r = again(rows);
        reimportMs = r.ms;
        lines.push(
          `  baseline re-import (check every row, look up its source by key): ${re.changed} changed; ` +
            `${rate(re.rows, r.ms)} rows/s; ${r.text}`,
        );
      }
      return { counts, ms: m.ms, reimportMs };
    },
  );
  if (!sameStores('roster', product.counts, baseline.counts)) return;
  log(`  stores after the first import: ${describeCounts(product.counts)}`);
  for (const line of lines) log(line);
  const [first, again] = product.ms as [number, number | undefined];
  log(
    `  product/baseline: first import ${rate(rows, first)} / ${rate(rows, baseline.ms)} rows/s = ` +
      `${(baseline.ms / first).toFixed(2)}× the baseline's speed (the baseline is ${(first / baseline.ms).toFixed(2)}× faster)` +
      (again
        ? `; re-import ${rate(rows, again)} / ${rate(rows, baseline.reimportMs)} rows/s = ${(baseline.reimportMs / again).toFixed(2)}×`
        : ''),
  );
}

async function edgesPart(base: string): Promise<void> {
  const files = await writeEdgeFiles(join(dir, 'edges'), rows);
  const ties = files.knows + files.work;
  log(
    `\n== edges: ${fmt(files.knows)} KNOWS + ${fmt(files.work)} WORKED_AT ties between ${fmt(files.people)} people ` +
      `(dataset import, batches of 5,000)`,
  );
  const template = join(dir, 'edges-template');
  // The node files, as an earlier job on a copy of the base store, which then is the template: not
  // compared (printed for information).
  const nodes = await withStore(await openCopy(base, template, memory), async (store) => {
    const done = meter(store);
    await runDatasetJob(store.db, files.nodesMapping);
    return done(files.people);
  });
  log(
    `  node files (earlier job, not compared): ${rate(files.people, nodes.ms)} people/s; ${nodes.text}`,
  );
  const product = await withStore(
    await openCopy(template, join(dir, 'edges-product'), memory, record),
    async (store) => {
      const done = meter(store);
      const summary = await runDatasetJob(store.db, files.edgesMapping);
      const m = done(ties);
      const created = summary.files.reduce((n, f) => n + f.created, 0);
      if (created !== ties) throw new Error(`the product created ${created} ties of ${ties}`);
      printProfile(m.ms);
      return { ...m, counts: await countStore(store.db, bookkeeping) };
    },
  );
  const baseline = await withStore(
    await openCopy(template, join(dir, 'edges-baseline'), memory),
    async (store) => {
      const done = meter(store);
      const run = await edgeBaseline(store.db, files, 5000);
      const m = done(ties);
      return { ...m, run, counts: await countStore(store.db, bookkeeping) };
    },
  );
  if (!sameStores('edges', product.counts, baseline.counts)) return;
  log(`  product dataset job: ${rate(ties, product.ms)} ties/s; ${product.text}`);
  log(
    `  baseline: ${rate(ties, baseline.ms)} ties/s (write ${rate(ties, baseline.run.writeMs)} ties/s, ` +
      `derived ties ${(baseline.run.derivedMs / 1000).toFixed(1)} s, the product's function); ${baseline.text}`,
  );
  log(
    `  product/baseline: ${(baseline.ms / product.ms).toFixed(2)}× the baseline's speed (the baseline is ${(product.ms / baseline.ms).toFixed(2)}× faster)`,
  );
}

async function adminPart(): Promise<void> {
  log(
    `\n== admin: first load of ${fmt(rows)} generated people through neo4j-admin database import`,
  );
  const home = join(dir, 'admin');
  rmSync(home, { recursive: true, force: true });
  const started = performance.now();
  const imported = await bulkImport(home, rows, memory.heap, (line) => log(`  ${line}`));
  const store = await openStore(home, memory);
  await withStore(store, async () => {
    const startMs = performance.now() - started - imported.csvMs - imported.importMs;
    const migrated = performance.now();
    await migrateWithBigIndexes(store.db, (line) => log(`  ${line}`));
    const migrateMs = performance.now() - migrated;
    const totalMs = imported.csvMs + imported.importMs + migrateMs;
    const [held] = await store.db.read<Record<string, number>>(
      `RETURN COUNT { MATCH (p:Person) WHERE p.namePinyin IS NOT NULL } AS withSearchKeys,
              COUNT { MATCH (p:Person) WHERE p.countedCategories IS NOT NULL } AS withFacts,
              COUNT { MATCH (:Source) } AS sources, COUNT { MATCH (:Change) } AS changes,
              COUNT { MATCH ()-[:DESCRIBES]->() } AS describes, COUNT { MATCH (:ExternalId) } AS externalIds,
              COUNT { MATCH ()-[:DERIVED_TIE]->() } AS derivedTies, COUNT { MATCH (:PeopleCount) } AS peopleCounts`,
    );
    log(
      `  ${fmt(imported.nodes)} nodes, ${fmt(imported.ties)} ties, ${fmt(imported.derivedTies)} derived ties: ` +
        `generate + CSV ${(imported.csvMs / 1000).toFixed(1)} s, neo4j-admin import ${(imported.importMs / 1000).toFixed(1)} s, ` +
        `(start ${(startMs / 1000).toFixed(1)} s, not counted), migrations (indexes, people facts and counts) ${(migrateMs / 1000).toFixed(1)} s`,
    );
    log(
      `  store: ${Object.entries(held ?? {})
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')}`,
    );
    log(
      `  admin path: ${rate(rows, totalMs)} people/s (import alone ${rate(rows, imported.importMs)} people/s); load now ${load()}`,
    );
  });
}

log(
  `bench:import --rows ${rows} (${only.join(', ')}); load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const base = only.includes('roster') || only.includes('edges') ? await baseTemplate() : '';
if (only.includes('roster')) await rosterPart(base);
if (only.includes('edges')) await edgesPart(base);
if (only.includes('admin')) await adminPart();
log(
  `\nload average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
