/**
 * Everyday short forms of institution names (华中科技大学 → 华科, 华中科大), stored as generated aliases
 * so that search finds them and users can remove or correct them (see searchKeys in search-keys.ts).
 *
 * Chinese universities are shortened by taking the first character of the leading words and adding
 * 大 for 大学: 武汉大学 → 武大, 哈尔滨工业大学 → 哈工大, 北京航空航天大学 → 北航 (and 北航大). The words come from the
 * runtime's dictionary-based word segmentation (ICU, through Intl.Segmenter), so no dictionary ships
 * with us. Rules only cover names ending in 大学 with two to four words: other names (alumni
 * associations, hospitals, companies) have no regular short form, and a wrong one would be noise.
 */

/**
 * Famous short forms no rule derives (中科院, 清华) or that are the ones people actually say. Each is the
 * 简称 (short name) the institution states for itself (its own website's "about" page and the infobox of
 * its Chinese Wikipedia article). Kept small on purpose: anything else is the users' to add.
 */
const knownShortForms: Readonly<Record<string, readonly string[]>> = {
  清华大学: ['清华'],
  北京大学: ['北大'],
  北京航空航天大学: ['北航'],
  北京理工大学: ['北理工'],
  中国科学院: ['中科院'],
  中国科学技术大学: ['中科大', '科大'],
  上海交通大学: ['上海交大', '交大'],
  西安交通大学: ['西安交大', '西交大'],
  哈尔滨工业大学: ['哈工大'],
  华中科技大学: ['华科', '华中大'],
  武汉理工大学: ['武汉理工', '武理工'],
  华南理工大学: ['华南理工', '华工'],
  中国地质大学: ['地大'],
};

const HAN_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]{4,12}$/;
/** A trailing campus in brackets: 中国地质大学（武汉） has the short forms of 中国地质大学. */
const CAMPUS = /[(（][^()（）]*[)）]$/;

let segmenter: Intl.Segmenter | undefined;

function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

function universityForms(name: string): string[] {
  if (!name.endsWith('大学')) return [];
  const parts = words(name.slice(0, -2));
  // Single characters are not words to shorten (复旦 segmented as 复/旦 would give 复旦 for 复旦大学,
  // which is the name's own prefix, not a short form).
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => p.length < 2)) return [];
  if (parts.join('') !== name.slice(0, -2)) return [];
  const heads = parts.map((p) => p[0] as string);
  if (parts.length === 1) return [`${heads[0]}大`]; // 武汉大学 → 武大
  const out = [`${heads[0]}${heads[1]}`, `${heads[0]}${heads[1]}大`];
  // 华中科技大学 → 华中科大: the place kept whole, the subject shortened.
  if (parts.length === 2) out.push(`${parts[0]}${heads[1]}大`);
  return out;
}

/**
 * The short forms of an organisation's name, most used first, without the name itself. Empty for
 * other kinds and for names no rule or known form covers.
 *
 * @example shortForms('Organization', '华中科技大学') // ['华科', '华中大', '华科大', '华中科大']
 */
export function shortForms(kind: string, name: string): string[] {
  if (kind !== 'Organization') return [];
  const clean = name.normalize('NFKC').replace(/\s+/g, '');
  const base = clean.replace(CAMPUS, '');
  if (!HAN_NAME.test(base)) return [];
  const forms = [...(knownShortForms[base] ?? []), ...universityForms(base)];
  return [...new Set(forms)].filter((f) => f !== clean && f !== base && f.length >= 2);
}
