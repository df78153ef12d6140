/**
 * Search keys: the derived `searchText` property every node carries (see schema/MODEL.md) and the
 * variants of a user query to look up against it.
 *
 * Users type names in whichever form they have at hand: simplified or traditional characters, pinyin
 * with or without spaces, pinyin initials, or a Latin name in either word order. Rather than expanding
 * every query at read time we store all those forms once, lower-cased, in one string.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

type Convert = (text: string) => string;

/** Any CJK unified ideograph (incl. extension A and compatibility ideographs). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const LATIN_WORDS = /^[a-z][a-z'.-]*( [a-z][a-z'.-]*){1,2}$/;

/**
 * Surname characters that pinyin-pro reads differently at the head of a personal name (曾 ceng/zeng,
 * 单 dan/shan, 解 jie/xie ...). For short, name-like strings starting with one we store both readings,
 * because we cannot tell a person's name from a two-character organisation name.
 */
const POLYPHONIC_SURNAMES = new Set('曾单解仇朴区查盖乐缪员繁召句折薄牟');

// The OpenCC dictionaries take ~0.3 s to build, so converters are created on first use only.
let converters: { toTraditional: Convert; toSimplified: Convert } | undefined;

function openCC(): { toTraditional: Convert; toSimplified: Convert } {
  let c = converters;
  if (!c) {
    c = {
      toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
      toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    };
    converters = c;
  }
  return c;
}

// Bounded memo caches: names repeat a lot (张伟 ...) and both OpenCC and pinyin-pro cost microseconds per
// call. Cleared wholesale when full, which is cheaper than LRU bookkeeping and keeps memory bounded.
const CACHE_LIMIT = 50_000;
const traditionalCache = new Map<string, string>();
const simplifiedCache = new Map<string, string>();
const pinyinCache = new Map<string, readonly string[]>();

function memo<V>(cache: Map<string, V>, key: string, compute: (key: string) => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function traditional(text: string): string {
  return memo(traditionalCache, text, (t) => openCC().toTraditional(t));
}

function simplified(text: string): string {
  return memo(simplifiedCache, text, (t) => openCC().toSimplified(t));
}

/** Pinyin syllables (no tones, ü as v) of the Han characters in `text`; other characters are dropped. */
function syllables(text: string, surnameHead = false): readonly string[] {
  const key = surnameHead ? `\u0001${text}` : text;
  return memo(pinyinCache, key, () =>
    pinyin(text, {
      toneType: 'none',
      type: 'array',
      nonZh: 'removed',
      v: true,
      ...(surnameHead ? { surname: 'head' as const } : {}),
    }).filter((s) => s.trim() !== ''),
  );
}

/** NFKC (full-width to half-width), lower case, single spaces. */
function clean(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function addPinyin(out: Set<string>, syl: readonly string[]): void {
  if (syl.length === 0) return;
  out.add(syl.join(''));
  if (syl.length > 1) out.add(syl.join(' '));
  out.add(syl.map((s) => s[0]).join(''));
}

function addChinese(out: Set<string>, text: string): void {
  const simp = simplified(text);
  out.add(text);
  out.add(simp);
  out.add(traditional(simp));
  addPinyin(out, syllables(simp));
  const first = simp[0];
  if (first && POLYPHONIC_SURNAMES.has(first) && simp.length <= 4 && HAN_ONLY.test(simp)) {
    addPinyin(out, syllables(simp, true));
  }
}

function addLatin(out: Set<string>, text: string): void {
  out.add(text);
  const bare = text.replace(/['.-]/g, '');
  if (bare !== text) out.add(bare);
  // Chinese names are written both ways round in Latin script ("Wei Zhang" / "Zhang Wei"); only short
  // strings are treated as personal names, so long organisation names are not reversed.
  if (LATIN_WORDS.test(text)) {
    const words = bare.split(' ');
    const reversed = [...words].reverse();
    out.add(reversed.join(' '));
    out.add(words.join(''));
    out.add(reversed.join(''));
  }
}

/** The traditional-character form of `text` (Taiwan standard); other characters are kept. */
export function traditionalForm(text: string): string {
  return traditional(text);
}

/**
 * The pinyin readings (syllables, no tones) of a Chinese name: one reading, or two when it starts with a
 * polyphonic surname (曾 ceng/zeng). Used to compare names across scripts (schema/duplicates/).
 */
export function pinyinReadings(text: string): (readonly string[])[] {
  const simp = simplified(clean(text));
  const out = [syllables(simp)];
  const first = simp[0];
  if (first && POLYPHONIC_SURNAMES.has(first) && simp.length <= 4 && HAN_ONLY.test(simp)) {
    out.push(syllables(simp, true));
  }
  return out.filter((s) => s.length > 0);
}

/** The simplified-character form of `text`; other characters are kept. */
export function simplifiedForm(text: string): string {
  return simplified(text);
}

/**
 * The `searchText` of a node: one lower-case, space-separated string holding the name, latinName and
 * aliases, the simplified and traditional forms of every Chinese string, its full pinyin with and
 * without spaces and its pinyin initials, and for short Latin names both word orders.
 *
 * Whole variants (phrases such as `zhang wei`) are de-duplicated rather than single words, so that a
 * multi-word variant stays contiguous for `CONTAINS` matching.
 *
 * @example searchText({ name: '张伟', latinName: 'Zhang Wei' })
 *   // '张伟 張偉 zhangwei zhang wei zw wei zhang weizhang'
 */
export function searchText(parts: {
  name: string;
  latinName?: string | null;
  aliases?: readonly string[];
}): string {
  const out = new Set<string>();
  const inputs = [parts.name, parts.latinName ?? '', ...(parts.aliases ?? [])];
  for (const input of inputs) {
    const text = clean(input);
    if (text === '') continue;
    if (HAN.test(text)) addChinese(out, text);
    else addLatin(out, text);
  }
  return [...out].join(' ');
}

/**
 * The forms of a user query to look up against `searchText`: the query lower-cased, its simplified
 * and traditional forms and, when it contains Chinese, its full pinyin without spaces. De-duplicated;
 * empty for a blank query.
 *
 * @example normalizeQuery('張偉') // ['張偉', '张伟', 'zhangwei']
 */
export function normalizeQuery(text: string): string[] {
  const query = clean(text);
  if (query === '') return [];
  const out = new Set<string>([query]);
  if (HAN.test(query)) {
    const simp = simplified(query);
    out.add(simp);
    out.add(traditional(simp));
    const syl = syllables(simp);
    if (syl.length > 0) out.add(syl.join(''));
  }
  return [...out];
}
