/**
 * Search keys: the derived properties every node carries for search (`searchText`, `namePinyin`,
 * `nameInitials`, generated aliases; see schema/MODEL.md), made by `searchKeys` for every write path,
 * and the variants of a user query to look up against them.
 *
 * Users type names in whichever form they have at hand: simplified or traditional characters, pinyin
 * with or without spaces or tone marks, pinyin initials, a Latin name in either word order, or a short
 * form (华科). Rather than expanding every query at read time we store all those forms once, lower-cased.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { shortForms } from './short-forms.ts';

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

/** Combining diacritics (tone marks, the ü's diaeresis) left after canonical decomposition. */
const DIACRITICS = /[\u0300-\u036f]/g;

/**
 * NFKC (full-width to half-width), tone marks and other Latin diacritics dropped (Zhāng Wěi → zhang
 * wei, Lǚ → lu), lower case, single spaces.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const clean = foldText;

/**
 * Two-character surnames: a personal name starting with one splits after it (欧阳明华 → ouyang minghua).
 * The common ones; any other name splits after its first character.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '轩辕',
  '钟离',
  '闻人',
  '澹台',
  '申屠',
]);

/** The readings with ü written as v (pinyin-pro, keyboards) and as u (passports, tone-folded text). */
function withPlainU(readings: (readonly string[])[]): (readonly string[])[] {
  const out = [...readings];
  for (const r of readings)
    if (r.some((s) => s.includes('v'))) out.push(r.map((s) => s.replace(/v/g, 'u')));
  return out;
}

function addPinyin(out: Set<string>, syl: readonly string[], surnameLength = 0): void {
  if (syl.length === 0) return;
  out.add(syl.join(''));
  if (syl.length > 1) out.add(syl.join(' '));
  out.add(syl.map((s) => s[0]).join(''));
  if (surnameLength > 0 && syl.length > surnameLength) {
    // A personal name as written in Latin script, surname first or last: zhang xiaoguang, xiaoguang zhang.
    const surname = syl.slice(0, surnameLength).join('');
    const given = syl.slice(surnameLength).join('');
    out.add(`${surname} ${given}`);
    out.add(`${given} ${surname}`);
    out.add(`${given}${surname}`);
  }
}

/** The pinyin readings of simplified Chinese `simp` (two for a polyphonic surname, ü both ways). */
function readingsOf(simp: string, personal: boolean): (readonly string[])[] {
  const readings = [syllables(simp)];
  const first = simp[0];
  if (first && POLYPHONIC_SURNAMES.has(first) && simp.length <= 4 && HAN_ONLY.test(simp)) {
    readings.push(syllables(simp, true));
  } else if (personal) readings.push(syllables(simp, true));
  const unique = new Map(readings.filter((r) => r.length > 0).map((r) => [r.join(' '), r]));
  return withPlainU([...unique.values()]);
}

/** Surname length of a Chinese personal name (0 when it does not look like one). */
function surnameLength(simp: string): number {
  if (!HAN_ONLY.test(simp) || simp.length < 2 || simp.length > 4) return 0;
  return simp.length > 2 && COMPOUND_SURNAMES.has(simp.slice(0, 2)) ? 2 : 1;
}

function addChinese(out: Set<string>, text: string, personal: boolean, keys: NameKeys): void {
  const simp = simplified(text);
  out.add(text);
  out.add(simp);
  out.add(traditional(simp));
  const surname = personal ? surnameLength(simp) : 0;
  for (const reading of readingsOf(simp, surname > 0)) {
    addPinyin(out, reading, surname);
    keys.pinyin.add(reading.join(''));
    keys.initials.add(reading.map((s) => s[0]).join(''));
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

/** An entity's names as stored (or about to be). */
export interface EntityNames {
  name: string;
  latinName?: string | null;
  aliases?: readonly string[] | null;
  /** Which of `aliases` were generated (short forms), as stored. */
  generatedAliases?: readonly string[] | null;
}

/** What a write stores for search, beside the names themselves (schema/MODEL.md). */
export interface SearchKeys {
  /** The aliases to store: the given ones plus the generated short forms. */
  aliases: string[];
  /** Which of `aliases` were generated: users may remove or keep them like any alias. */
  generatedAliases: string[];
  /** Every searchable form, lower case, for the full-text index. */
  searchText: string;
  /** Full pinyin, without spaces, of the name and the Chinese aliases (match reasons, ranking). */
  namePinyin: string[];
  /** Pinyin initials of the name and the Chinese aliases. */
  nameInitials: string[];
}

interface NameKeys {
  pinyin: Set<string>;
  initials: Set<string>;
}

/** The aliases to store and which of them are generated short forms (see searchKeys). */
function aliasesOf(
  kind: string,
  names: EntityNames,
  previous: { name: string; generatedAliases?: readonly string[] | null } | null | undefined,
): { aliases: string[]; generatedAliases: string[] } {
  const given = [...new Set((names.aliases ?? []).filter((a) => a.trim() !== ''))];
  const wasGenerated = new Set(names.generatedAliases ?? previous?.generatedAliases ?? []);
  if (previous && previous.name === names.name) {
    // Same name: the aliases are the user's to edit; a generated one stays marked while it is kept.
    return { aliases: given, generatedAliases: given.filter((a) => wasGenerated.has(a)) };
  }
  // New, or renamed: the previous name's short forms go, the new name's come.
  const kept = previous ? given.filter((a) => !wasGenerated.has(a)) : given;
  const taken = new Set([names.name, names.latinName ?? '', ...kept]);
  const generated = shortForms(kind, names.name).filter((f) => !taken.has(f));
  return { aliases: [...kept, ...generated], generatedAliases: generated };
}

/**
 * The search keys of an entity of `kind`, computed the same way by every write path (create, update,
 * merge, import, seed, bench loader, migrations): the only place they are made.
 *
 * - `aliases` gains generated short forms of an organisation's name (华中科技大学 → 华科, 华中科大) when
 *   the entity is new (`previous` absent) or renamed; otherwise the given aliases are kept as they are,
 *   so a user can remove a generated one for good.
 * - `searchText` holds the name, latinName and aliases, tone marks folded, the simplified and
 *   traditional forms of every Chinese string, its full pinyin with and without spaces and its
 *   initials; for a person's Chinese name also surname and given name apart in both orders
 *   (`zhang xiaoguang`, `xiaoguang zhang`); for short Latin names both word orders. Whole variants are
 *   de-duplicated rather than single words, so a multi-word variant stays contiguous.
 *
 * @example searchKeys('Person', { name: '张伟', latinName: 'Zhang Wei' }).searchText
 *   // '张伟 張偉 zhangwei zhang wei zw weizhang wei zhang'
 */
export function searchKeys(
  kind: string,
  names: EntityNames,
  previous?: { name: string; generatedAliases?: readonly string[] | null } | null,
): SearchKeys {
  const { aliases, generatedAliases } = aliasesOf(kind, names, previous);
  const out = new Set<string>();
  const keys: NameKeys = { pinyin: new Set(), initials: new Set() };
  const personal = kind === 'Person';
  for (const input of [names.name, names.latinName ?? '', ...aliases]) {
    const text = clean(input);
    if (text === '') continue;
    if (HAN.test(text)) addChinese(out, text, personal, keys);
    else addLatin(out, text);
  }
  return {
    aliases,
    generatedAliases,
    searchText: [...out].join(' '),
    namePinyin: [...keys.pinyin],
    nameInitials: [...keys.initials],
  };
}

/**
 * The forms of a user query to look up against `searchText`: the query folded (lower case, no tone
 * marks), its simplified and traditional forms and, when it contains Chinese, its full pinyin without
 * spaces; a Latin query of several words also without spaces (`huazhong keji` → `huazhongkeji`, which
 * a stored `huazhongkejidaxue` starts with). De-duplicated; empty for a blank query.
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
  } else if (query.includes(' ')) {
    const compact = query.replace(/[\s'.-]/g, '');
    if (/^[a-z]+$/.test(compact)) out.add(compact);
  }
  return [...out];
}
