import type { Lang } from '../schema/shared/words/words.ts';

/**
 * The language of a request: the first of Chinese or English in its Accept-Language header, by the
 * header's order and q-values; Chinese when it names neither (the product's language). The web app
 * sends the language the user chose; scripts may send `Accept-Language: en`. Words the server writes
 * (export files, coded graph labels) follow it; error messages stay English with a code (see
 * schema/shared/errors.ts), since clients put those in words themselves.
 */
export function langOf(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => /^\s*q=([0-9.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh';
}
