/**
 * Generated people with planted duplicates for the duplicate-detection benchmark (see dedupe-bench.ts).
 */
import { pinyin } from 'pinyin-pro';
import type { PersonFeatures } from '../../schema/duplicates/dedupe-score.ts';
import { traditionalForm } from '../../schema/shared/search-keys.ts';

// Deterministic PRNG (mulberry32).
let state = 7;
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

/** Given-name characters by toneless pinyin (静/晶, 浩/昊): what a clerk typing by ear swaps in. */
const byReading = new Map<string, string[]>();
for (const c of new Set(givenChars)) {
  const reading = pinyin(c, { toneType: 'none' });
  byReading.set(reading, [...(byReading.get(reading) ?? []), c]);
}

/** `name` with one given-name character replaced by a homophone, or null when none has one. */
function homophoneOf(name: string): string | null {
  const chars = [...name];
  const swappable = chars
    .map((c, i) => ({
      i,
      others: (byReading.get(pinyin(c, { toneType: 'none' })) ?? []).filter((o) => o !== c),
    }))
    .filter((x) => x.i > 0 && x.others.length > 0);
  if (!swappable.length) return null;
  const { i, others } = pick(swappable);
  chars[i] = pick(others);
  return chars.join('');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function latin(name: string): { surname: string; given: string } {
  const [s, ...g] = pinyin(name, { toneType: 'none', type: 'array', v: true, surname: 'head' });
  return { surname: cap(s ?? ''), given: cap(g.join('')) };
}

export interface Row {
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

export const variants = [
  'traditional',
  'english_order',
  'pinyin_only',
  'birth_year',
  'alias',
  'homophone',
] as const;
export type Variant = (typeof variants)[number];

export function generate(
  peopleCount: number,
  dupeCount: number,
  seed = 7,
): { rows: Row[]; truth: Map<string, Variant> } {
  state = seed >>> 0;
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
    const variant = variants[d % variants.length] as Variant;
    let orig = rows[Math.floor(rand() * peopleCount)] as Row;
    // A homophone needs a given-name character that has one: draw again until it does.
    while (variant === 'homophone' && homophoneOf(orig.name) === null) {
      orig = rows[Math.floor(rand() * peopleCount)] as Row;
    }
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
    else if (variant === 'homophone') dup.name = homophoneOf(orig.name) as string;
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

/** A generated row as the scan reads it from the graph. */
export function featuresOf(row: Row): PersonFeatures {
  return {
    id: row.id,
    name: row.name,
    latinName: row.latinName,
    aliases: row.aliases,
    birthYear: row.birthYear,
    gender: row.gender,
    hometowns: row.hometown ? [row.hometown] : [],
    jobs: row.job ? [row.job] : [],
    schools: row.school ? [row.school] : [],
    contacts: [],
  };
}
