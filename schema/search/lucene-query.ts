import { foldText, normalizeQuery } from '../shared/search-keys.ts';

const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const special = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Escapes Lucene's query syntax characters, so user text is always matched literally. */
export function escapeLucene(text: string): string {
  return text.replace(special, '\\$&');
}

/**
 * The full-text query for what a user typed, or null when nothing searchable is left. Each variant of
 * the text (simplified, traditional, pinyin; see normalizeQuery) is one alternative:
 * - Chinese is a quoted phrase, so the cjk analyzer's character pairs must appear in order (a single
 *   character is matched as a unigram, which searchText stores for short names);
 * - Latin text needs every word, the last one as a prefix (`zhang we` finds `zhang wei`), in any order.
 */
export function toLuceneQuery(text: string): string | null {
  const clauses = new Set<string>();
  for (const variant of normalizeQuery(text).slice(0, 6)) {
    const trimmed = variant.slice(0, 100);
    if (han.test(trimmed)) {
      const phrase = trimmed.replace(/["\\]/g, ' ').trim();
      if (phrase) clauses.add(`"${phrase}"`);
      continue;
    }
    const words = trimmed
      .split(/[\s,;/]+/)
      .map((w) => escapeLucene(w))
      .filter((w) => w.replace(/\\/g, '').length > 0)
      .slice(0, 8);
    if (!words.length) continue;
    const last = words.length - 1;
    clauses.add(`(${words.map((w, i) => (i === last ? `+(${w} OR ${w}*)` : `+${w}`)).join(' ')})`);
  }
  return clauses.size ? [...clauses].join(' OR ') : null;
}

/** Edits allowed in a Latin word of `length` letters: none below 4, one up to 5, two from 6. */
function maxEdits(length: number): number {
  return length < 4 ? 0 : length < 6 ? 1 : 2;
}

/**
 * The typo-tolerant query for Latin text (Huazong → huazhong, "zhao xinrei" → zhao xinrui), or null
 * when the text has Chinese or no word of 4 or more letters. Each word of 4+ letters may be 1 (4-5
 * letters) or 2 (6+) edits away; shorter words must match; the words run together (pinyin typed
 * without spaces) are tried as one word too.
 */
export function toFuzzyLuceneQuery(text: string): string | null {
  const folded = foldText(text);
  if (han.test(folded)) return null;
  const words = folded
    .split(/[\s,;/]+/)
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter(Boolean)
    .slice(0, 8);
  if (!words.some((w) => maxEdits(w.length) > 0)) return null;
  // A near spelling of pinyin ranks above any other edit (huazong: huazhong before huarong and
  // huadong, all one letter off), and two edits away ranks below one edit away. As in the query as
  // typed, the last word (and the words run together) may be the start of a longer one.
  const term = (w: string, prefix: boolean) => {
    const edits = maxEdits(w.length);
    if (edits === 0) return w;
    const near = nearSpellings(w).map((s) => (prefix ? `${s}*^16` : `${s}^16`));
    const typos = edits === 1 ? [`${w}~1`] : [`${w}~1^4`, `${w}~2`];
    const all = [...near, ...typos];
    return all.length > 1 ? `(${all.join(' OR ')})` : all[0];
  };
  const last = words.length - 1;
  const clauses = [`(${words.map((w, i) => `+${term(w, i === last)}`).join(' ')})`];
  if (words.length > 1) clauses.push(term(words.join(''), true));
  return clauses.join(' OR ');
}

/** Pinyin letters that speakers of many dialects (and their IMEs) do not tell apart: 模糊音. */
const confusable = /zh|ch|sh|[zcs]|ang|eng|ing|an|en|in/g;
const counterpart: Record<string, string> = {
  zh: 'z',
  ch: 'c',
  sh: 's',
  z: 'zh',
  c: 'ch',
  s: 'sh',
  ang: 'an',
  eng: 'en',
  ing: 'in',
  an: 'ang',
  en: 'eng',
  in: 'ing',
};

/**
 * The spellings of a pinyin word with one or two of its confusable sounds swapped (huazong → huazhong;
 * shanghai → sanghai, shanghai → shanhai), at most 16: the typos a 模糊音 input method forgives.
 */
export function nearSpellings(word: string): string[] {
  const spots = [...word.matchAll(confusable)].map((m) => ({ at: m.index, sound: m[0] }));
  const swap = (w: string, picked: typeof spots) =>
    picked
      .toSorted((a, b) => b.at - a.at)
      .reduce(
        (s, { at, sound }) => s.slice(0, at) + counterpart[sound] + s.slice(at + sound.length),
        w,
      );
  const out = new Set<string>();
  for (let i = 0; i < spots.length; i++) {
    out.add(swap(word, [spots[i]]));
    for (let j = i + 1; j < spots.length; j++) out.add(swap(word, [spots[i], spots[j]]));
  }
  out.delete(word);
  return [...out].slice(0, 16);
}
