import { pinyin } from 'pinyin-pro';
import { normalizeQuery } from '../shared/search-keys.ts';

/** Why a hit matched, most convincing first. */
export type MatchReason =
  | 'exact_name'
  | 'name'
  | 'traditional_form'
  | 'exact_alias'
  | 'alias'
  | 'latin_name'
  | 'pinyin'
  | 'initials'
  | 'full_text';

const boost: Record<MatchReason, number> = {
  exact_name: 1000,
  exact_alias: 500,
  name: 60,
  traditional_form: 50,
  alias: 40,
  latin_name: 35,
  pinyin: 30,
  initials: 20,
  full_text: 0,
};

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const compact = (s: string) => norm(s).replace(/[\s'.-]/g, '');

function pinyinOf(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/**
 * Why `hit` matches what the user typed, and a rank boost from the best reason: an exact name beats
 * everything, then an exact alias, the name, its other script form, aliases, Latin name, pinyin and initials.
 */
export function explainMatch(
  query: string,
  hit: { name: string; latinName: string | null; aliases: readonly string[] },
): { reasons: MatchReason[]; boost: number } {
  const typed = norm(query);
  const variants = normalizeQuery(query).map(norm);
  const name = norm(hit.name);
  const reasons: MatchReason[] = [];

  if (name === typed) reasons.push('exact_name');
  else if (variants.includes(name)) reasons.push('traditional_form', 'exact_name');
  else if (name.includes(typed)) reasons.push('name');
  else if (variants.some((v) => name.includes(v))) reasons.push('traditional_form');

  const aliases = hit.aliases.map(norm);
  if (aliases.some((a) => variants.includes(a))) reasons.push('exact_alias');
  else if (aliases.some((a) => variants.some((v) => a.includes(v)))) reasons.push('alias');

  const words = typed.split(' ').filter(Boolean);
  const latin = hit.latinName ? norm(hit.latinName) : '';
  if (latin && words.length && words.every((w) => latin.includes(w))) reasons.push('latin_name');

  const q = compact(query);
  if (q && /^[a-z]+$/.test(q)) {
    const { full, initials } = pinyinOf(hit.name);
    if (full?.startsWith(q)) reasons.push('pinyin');
    else if (initials && initials === q) reasons.push('initials');
  }
  if (!reasons.length) reasons.push('full_text');
  const unique = [...new Set(reasons)].sort((a, b) => boost[b] - boost[a]);
  return { reasons: unique, boost: boost[unique[0] ?? 'full_text'] };
}
