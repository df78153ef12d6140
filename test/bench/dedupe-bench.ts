/**
 * `npm run bench:dedupe -- [--people 50000] [--dupes 5000]`: duplicate detection on a generated set with
 * planted duplicates. Invented people (surnames weighted roughly by frequency, one- or two-character
 * given names, so that real name collisions and homophones occur) with birth year, gender, hometown,
 * employer and alma mater; then `--dupes` duplicates of random people, each one variant: traditional
 * characters, English name order ("Weiming Zhang"), pinyin only ("ZHANG Weiming" / "Zhangweiming"),
 * birth year ±1, or another name with the original as alias. A duplicate keeps each of the original's
 * hometown, employer and school with probability 0.6 (different rosters know different facts).
 * Loads into a fresh local Neo4j (data/bench/dedupe), runs the scan and prints pairs found, precision,
 * recall (per variant) and time; writes test/bench/RESULTS-dedupe.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pinyin } from 'pinyin-pro';
import { scanPeople } from '../../schema/duplicates/dedupe-scan.ts';
import { proposeThreshold } from '../../schema/duplicates/dedupe-score.ts';
import { traditionalForm } from '../../schema/shared/search-keys.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '50000' },
    dupes: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '7' },
  },
});
const peopleCount = Number(values.people);
const dupeCount = Number(values.dupes);

// Deterministic PRNG (mulberry32).
let state = Number(values.seed) >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const surnames = [
  ...'王李张刘陈杨黄赵吴周'.repeat(6),
  ...'徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹'.repeat(3),
  ...'彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const givenChars =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉晨宇航浩然欣怡子轩梓涵建国志红文斌海波俊峰云雪梅婷琳颖慧晶晓东亮鑫宁龙凯欢佳瑞博雅昊天嘉琪思远振宏泽楠亚春秋林森';

function randomName(): string {
  const given =
    rand() < 0.3 ? pick([...givenChars]) : pick([...givenChars]) + pick([...givenChars]);
  return pick(surnames) + given;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function latin(name: string): { surname: string; given: string } {
  const [s, ...g] = pinyin(name, { toneType: 'none', type: 'array', v: true, surname: 'head' });
  return { surname: cap(s ?? ''), given: cap(g.join('')) };
}

interface Row {
  id: string;
  name: string;
  latinName: string | null;
  aliases: string[];
  birthYear: number | null;
  gender: string;
  hometown: string | null;
  job: { g: string; from: number; to: number | null } | null;
  school: { g: string; from: number; to: number } | null;
}

const variants = ['traditional', 'english_order', 'pinyin_only', 'birth_year', 'alias'] as const;
type Variant = (typeof variants)[number];

function generate(): { rows: Row[]; truth: Map<string, Variant> } {
  const rows: Row[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const birthYear = 1950 + Math.floor(rand() * 50);
    const from = birthYear + 18;
    rows.push({
      id: `P${i}`,
      name: randomName(),
      latinName: null,
      aliases: [],
      birthYear,
      gender: rand() < 0.5 ? 'male' : 'female',
      hometown: rand() < 0.8 ? `place${Math.floor(rand() * 300)}` : null,
      job: rand() < 0.8 ? { g: `org${Math.floor(rand() * 2000)}`, from: from + 6, to: null } : null,
      school: rand() < 0.8 ? { g: `uni${Math.floor(rand() * 150)}`, from, to: from + 4 } : null,
    });
  }
  const truth = new Map<string, Variant>();
  const clusters = new Map<string, string[]>();
  for (let d = 0; d < dupeCount; d++) {
    const orig = rows[Math.floor(rand() * peopleCount)] as Row;
    const variant = variants[d % variants.length] as Variant;
    const keep = <T>(x: T) => (rand() < 0.6 ? x : null);
    const dup: Row = {
      ...orig,
      id: `D${d}`,
      hometown: keep(orig.hometown),
      job: keep(orig.job),
      school: keep(orig.school),
      gender: rand() < 0.8 ? orig.gender : 'unknown',
    };
    const { surname, given } = latin(orig.name);
    if (variant === 'traditional') dup.name = traditionalForm(orig.name);
    else if (variant === 'english_order') dup.name = `${given} ${surname}`;
    else if (variant === 'pinyin_only')
      dup.name =
        rand() < 0.5 ? `${surname.toUpperCase()} ${given}` : `${surname}${given.toLowerCase()}`;
    else if (variant === 'birth_year')
      dup.birthYear = (orig.birthYear as number) + (rand() < 0.5 ? -1 : 1);
    else {
      dup.name = randomName();
      dup.aliases = [orig.name];
    }
    rows.push(dup);
    // Every record of one person pairs with every other (two duplicates of one person too).
    const cluster = clusters.get(orig.id) ?? [orig.id];
    for (const other of cluster) {
      truth.set(other < dup.id ? `${other}|${dup.id}` : `${dup.id}|${other}`, variant);
    }
    clusters.set(orig.id, [...cluster, dup.id]);
  }
  return { rows, truth };
}

const dir = resolve('data/bench/dedupe');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const { rows, truth } = generate();
const neo4j = await startLocalNeo4j({
  home: join(dir, 'neo4j'),
  boltPort: await freePort(),
  heap: '1g',
  pageCache: '512m',
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
    `Run \`npm run bench:dedupe -- --people ${peopleCount} --dupes ${dupeCount}\` on ${new Date().toISOString().slice(0, 10)}; ${availableParallelism()} cores (shared), ${Math.round(totalmem() / 2 ** 30)} GiB.`,
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
  console.log(lines.join('\n'));
  writeFileSync(resolve('test/bench/RESULTS-dedupe.md'), lines.join('\n'));
} finally {
  await driver.close();
  await neo4j.stop();
}
