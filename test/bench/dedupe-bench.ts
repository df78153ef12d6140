/**
 * `npm run bench:dedupe -- [--people 50000] [--dupes 5000]`: duplicate detection on a generated set with
 * planted duplicates. Invented people (surnames weighted roughly by frequency, one- or two-character
 * given names, so that real name collisions and homophones occur) with birth year, gender, hometown,
 * employer and alma mater; then `--dupes` duplicates of random people, each one variant: traditional
 * characters, English name order ("Weiming Zhang"), pinyin only ("ZHANG Weiming" / "Zhangweiming"),
 * birth year ±1, another name with the original as alias, or a given-name character replaced by a
 * homophone (测试丁思 / 测试丁四). A duplicate keeps each of the original's hometown, employer and school
 * with probability 0.6 (different rosters know different facts).
 * Loads into a fresh local Neo4j (data/bench/dedupe), runs the scan and prints pairs found, precision,
 * recall (per variant) and time; writes test/bench/RESULTS-dedupe.md.
 * With `--pure`: no database, the blocking and scoring (`personCandidates`) on the generated features
 * only; prints the same figures and writes nothing (a quick check of a scoring change).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  personCandidates,
  type ScanResult,
  scanPeople,
} from '../../schema/duplicates/dedupe-scan.ts';
import { proposeThreshold } from '../../schema/duplicates/dedupe-score.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';
import { featuresOf, generate, type Variant, variants } from './dedupe-data.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '50000' },
    dupes: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '7' },
    pure: { type: 'boolean', default: false },
  },
});
const peopleCount = Number(values.people);
const dupeCount = Number(values.dupes);

const { rows, truth } = generate(peopleCount, dupeCount, Number(values.seed));

if (values.pure) {
  const started = performance.now();
  const { compared, candidates } = personCandidates(rows.map(featuresOf));
  const ms = performance.now() - started;
  console.log(
    report({ kind: 'Person', records: rows.length, compared, candidates, ms }).join('\n'),
  );
  process.exit(0);
}

const dir = resolve('data/bench/dedupe');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const neo4j = await startLocalNeo4j({
  home: join(dir, 'neo4j'),
  boltPort: await freePort(),
  heap: '1g',
  pageCache: '512m',
  // A shared machine may be slow to start a JVM: a slow start is not a failure.
  startTimeoutMs: 600_000,
  txTimeout: '0s',
});
const driver = createDriver(neo4j);
const db = new Db(driver);
try {
  await migrate(db);
  const t0 = performance.now();
  await db.writeTx(async (tx) => {
    const places = Array.from({ length: 300 }, (_, i) => `place${i}`);
    const orgs = [
      ...Array.from({ length: 2000 }, (_, i) => `org${i}`),
      ...Array.from({ length: 150 }, (_, i) => `uni${i}`),
    ];
    await tx.run('UNWIND $ids AS id CREATE (:Place {id: id, name: id, deleted: false})', {
      ids: places,
    });
    await tx.run('UNWIND $ids AS id CREATE (:Organization {id: id, name: id, deleted: false})', {
      ids: orgs,
    });
  });
  for (let i = 0; i < rows.length; i += 5000) {
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row
         CREATE (p:Person {id: row.id, name: row.name, latinName: row.latinName, aliases: row.aliases,
                           birthYear: row.birthYear, gender: row.gender, deleted: false})
         WITH p, row
         CALL (p, row) {
           OPTIONAL MATCH (h:Place {id: row.hometown})
           FOREACH (_ IN CASE WHEN h IS NULL THEN [] ELSE [1] END | CREATE (p)-[:BORN_IN {deleted: false}]->(h))
         }
         CALL (p, row) {
           OPTIONAL MATCH (o:Organization {id: row.job.g})
           FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END |
             CREATE (p)-[:WORKED_AT {deleted: false, from: row.job.from, to: row.job.to}]->(o))
         }
         CALL (p, row) {
           OPTIONAL MATCH (u:Organization {id: row.school.g})
           FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END |
             CREATE (p)-[:STUDIED_AT {deleted: false, from: row.school.from, to: row.school.to}]->(u))
         }`,
        { rows: rows.slice(i, i + 5000) },
      ),
    );
  }
  const loadMs = performance.now() - t0;
  console.log(`loaded ${rows.length} people in ${(loadMs / 1000).toFixed(1)} s`);

  const scan = await scanPeople(db, proposeThreshold, (phase, ms) =>
    console.log(`${phase}: ${(ms / 1000).toFixed(1)} s`),
  );
  const lines = report(scan);
  console.log(lines.join('\n'));
  writeFileSync(resolve('test/bench/RESULTS-dedupe.md'), lines.join('\n'));
} finally {
  await driver.close();
  await neo4j.stop();
}

/** Precision, recall per variant and the false positives' reasons of a scan, as Markdown lines. */
function report(scan: ScanResult): string[] {
  const found = new Set(scan.candidates.map((c) => `${c.a}|${c.b}`));
  let truePositives = 0;
  const perVariant = new Map<Variant, { planted: number; found: number }>(
    variants.map((v) => [v, { planted: 0, found: 0 }]),
  );
  for (const [key, variant] of truth) {
    const v = perVariant.get(variant) as { planted: number; found: number };
    v.planted++;
    if (found.has(key)) {
      v.found++;
      truePositives++;
    }
  }
  const falsePositives = scan.candidates.filter((c) => !truth.has(`${c.a}|${c.b}`));
  const precision = truePositives / Math.max(1, found.size);
  const recall = truePositives / truth.size;
  const fpReasons = new Map<string, number>();
  for (const c of falsePositives) {
    const key = c.reasons.map((r) => r.code).join('+');
    fpReasons.set(key, (fpReasons.get(key) ?? 0) + 1);
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    '# Duplicate detection benchmark',
    '',
    `Run \`npm run bench:dedupe -- --people ${peopleCount} --dupes ${dupeCount}${values.pure ? ' --pure' : ''}\` on ${new Date().toISOString().slice(0, 10)}; ${availableParallelism()} cores (shared), ${Math.round(totalmem() / 2 ** 30)} GiB.`,
    'Generated people (see `test/bench/dedupe-bench.ts`), planted duplicates with one variant each; threshold',
    `${proposeThreshold}. Scan = one read of every person with features + blocking + scoring (no write).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| people (incl. duplicates) | ${scan.records} |`,
    `| planted duplicate pairs | ${truth.size} |`,
    `| pairs compared (blocking) | ${scan.compared} (all pairs would be ${((scan.records * (scan.records - 1)) / 2).toExponential(2)}) |`,
    `| pairs proposed | ${found.size} |`,
    `| true positives | ${truePositives} |`,
    `| precision | ${pct(precision)} |`,
    `| recall | ${pct(recall)} |`,
    `| scan time | ${(scan.ms / 1000).toFixed(1)} s |`,
    '',
    '| variant | planted | found | recall |',
    '| --- | --- | --- | --- |',
    ...[...perVariant].map(
      ([v, x]) => `| ${v} | ${x.planted} | ${x.found} | ${pct(x.found / x.planted)} |`,
    ),
    '',
    'False positives by reasons (top 8):',
    '',
    '| reasons | pairs |',
    '| --- | --- |',
    ...[...fpReasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, n]) => `| ${k} | ${n} |`),
    '',
  ];
  return lines;
}
