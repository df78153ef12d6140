import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadMarker } from './load-marker.ts';
import type { Machine } from './machine.ts';
import type { Measurement } from './measure.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** The latest results, as data: each size keeps its last run; RESULTS.md is rendered from it. */
export const resultsJson = join(here, 'results.json');
export const resultsMarkdown = join(here, 'RESULTS.md');
/** Hand-measured plan summaries (PROFILE: db hits, rows), appended to RESULTS.md. */
export const plansMarkdown = join(here, 'plans.md');

/** One row of the table. */
export interface ResultRow extends Measurement {
  operation: string;
  baseline: string;
  /** When this row was timed and how busy the machine was (a size's rows may come from several runs). */
  date?: string;
  loadAverage?: { start: number; end: number };
}

/** The last run at one data size. */
export interface SizeRun {
  people: number;
  date: string;
  machine: Machine;
  heap: string;
  pageCache: string;
  load: LoadMarker;
  /** 1-minute load average when the timing started and when it ended (others' work on the machine). */
  loadAverage?: { start: number; end: number };
  rows: ResultRow[];
}

type Results = Record<string, SizeRun>;

function readResults(): Results {
  return existsSync(resultsJson) ? (JSON.parse(readFileSync(resultsJson, 'utf8')) as Results) : {};
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const seconds = (n: number) => `${Math.round(n / 1000).toLocaleString('en')} s`;

function timed(row: ResultRow, run: SizeRun): string {
  const load = row.loadAverage ?? run.loadAverage;
  const average = load ? `, ${load.start.toFixed(1)} → ${load.end.toFixed(1)}` : '';
  return `${row.date ?? run.date}${average}`;
}

/** The results table in Markdown: one row per operation and size. */
export function resultsTable(runs: readonly SizeRun[]): string {
  const lines = [
    '| operation | people | n | p50 ms | p95 ms | baseline p50 ms | baseline p95 ms | ratio (p50) | timed (UTC), load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const run of runs) {
    for (const r of run.rows) {
      lines.push(
        `| ${r.operation} | ${run.people.toLocaleString('en')} | ${r.iterations} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.baselineP50)} | ${ms(r.baselineP95)} | ${(r.p50 / r.baselineP50).toFixed(2)}× | ${timed(r, run)} |`,
      );
    }
  }
  return lines.join('\n');
}

function render(results: Results): string {
  const runs = Object.values(results).sort((a, b) => a.people - b.people);
  const baselines = new Map(
    runs.flatMap((r) => r.rows.map((row) => [row.operation, row.baseline])),
  );
  const out = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (test/bench/run.ts); each data size keeps its latest run.',
    'GraphQL requests go through `app.yoga.fetch` in-process (no network) as a staff account (bearer token); the',
    'baseline runs, in the same process and on the same driver, the raw Cypher that gives the same answer.',
    'GraphQL and baseline requests are interleaved; inputs are sampled once from the data and cycled.',
    'ratio = p50 GraphQL / p50 baseline; n = timed iterations (cut for slow operations to fit a time budget).',
    '',
    resultsTable(runs),
    '',
    '## Runs',
    '',
    '| people | date (UTC) | nodes | ties | derived ties | load | derived ties rebuild | indexes | heap / page cache | load average (start → end) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.people.toLocaleString('en')} | ${r.date} | ${r.load.nodes.toLocaleString('en')} | ${r.load.ties.toLocaleString('en')} | ${r.load.derivedTies.toLocaleString('en')} | ${seconds(r.load.loadMs)}${r.load.method === 'bulk' ? ' (bulk)' : ''} | ${r.load.method === 'bulk' ? 'in load' : seconds(r.load.derivedMs)} | ${r.load.indexMs === undefined ? '—' : seconds(r.load.indexMs)} | ${r.heap} / ${r.pageCache} | ${r.loadAverage ? `${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)}` : '—'} |`,
    ),
    '',
    'Load = generation + load, measured when the data folder was first filled: either Cypher over Bolt',
    '(`loadGraph`, concurrency 2, then `rebuildDerivedTies`) or, marked "bulk", generated CSV files (derived',
    'ties included, from the same `pairsInGroup`) written by `neo4j-admin database import` (test/bench/',
    'bulk-import.ts), then the migrations build constraints and indexes ("indexes").',
    'The machine may be shared (test runs, other loads): the load average shows how busy it was. Absolute',
    'times suffer from that; the ratio less so, as GraphQL and baseline requests alternate.',
    '',
    '## Machine',
    '',
    ...[...new Map(runs.map((r) => [JSON.stringify(r.machine), r])).values()].flatMap((r) => [
      `- ${r.machine.cpus} CPUs (nproc), ${r.machine.memoryGiB} GiB memory, ${r.machine.cpuModel}`,
      `- Node ${r.machine.node}, ${r.machine.java}`,
      `- ${r.machine.neo4j}, local child JVM (server/neo4j/local-neo4j.ts)`,
    ]),
    '',
    '## Baselines',
    '',
    ...[...baselines].map(([op, baseline]) => `- **${op}**: ${baseline}`),
    '',
    // Plan summaries are measured by hand (PROFILE on a bench store) and kept in plans.md.
    ...(existsSync(plansMarkdown) ? [readFileSync(plansMarkdown, 'utf8').trimEnd(), ''] : []),
  ];
  return out.join('\n');
}

/** Rewrites RESULTS.md from results.json (e.g. after a change to this layout). */
export function rewriteResultsMarkdown(): void {
  writeFileSync(resultsMarkdown, render(readResults()));
}

/** Records the run at one size (replacing that size's rows for the operations run) and rewrites RESULTS.md. */
export function saveSizeRun(run: SizeRun, order: readonly string[]): void {
  const results = readResults();
  const previous = results[String(run.people)];
  const ran = new Set(run.rows.map((r) => r.operation));
  // Rows kept from the previous run keep that run's date and load average.
  const kept =
    previous?.rows
      .filter((r) => !ran.has(r.operation))
      .map((r) => ({
        ...r,
        date: r.date ?? previous.date,
        loadAverage: r.loadAverage ?? previous.loadAverage,
      })) ?? [];
  const rank = (r: ResultRow) => order.indexOf(r.operation);
  const rows = [...kept, ...run.rows].sort((a, b) => rank(a) - rank(b));
  results[String(run.people)] = { ...run, rows };
  writeFileSync(resultsJson, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(resultsMarkdown, render(results));
}
