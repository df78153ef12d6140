/**
 * The search box's one Cypher statement: candidates, match reasons, ranking and the page, all in the
 * database, so the resolver only maps rows and a benchmark baseline can run the very same statement.
 *
 * Candidates: entities whose name is exactly one of the query's forms (range indexes on name) and the
 * full-text hits (`entity_names` over searchText). When there are none or only a few (`fewHits`) and the
 * user typed Latin words of 4 or more letters, the typo query (edit distance 1-2, see lucene-query.ts)
 * adds more, ranked below every other hit. A text that already finds a handful of entities is taken as
 * typed: the typo query is the costly one (it walks the term dictionary), and its hits would only be
 * noise under good ones.
 *
 * Rank: the best match reason's boost (an exact name first, then an exact alias, a name containing the
 * text, ...), then how much of the name the text covers (华中科技 is most of 华中科技大学 and a little of
 * 华中科技大学北京校友会), then Lucene's score squashed below 1. Typo hits whose pinyin starts with a
 * near spelling of the text (模糊音: huazong → huazhong) come first among typo hits, ranked by how much
 * of the name that spelling covers (华中科技大学 before its alumni associations). Reasons come from the
 * stored keys (searchKeys), never computed at read time.
 */
import { entityProjection } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { foldText, normalizeQuery } from '../shared/search-keys.ts';
import { nearSpellings, toFuzzyLuceneQuery, toLuceneQuery } from './lucene-query.ts';

/** Why a hit matched, most convincing first. */
export type MatchReason =
  | 'exact_name'
  | 'exact_alias'
  | 'name'
  | 'traditional_form'
  | 'alias'
  | 'latin_name'
  | 'pinyin'
  | 'initials'
  | 'full_text'
  | 'fuzzy';

/** Rank boost of each reason, in order: a hit ranks by its best reason first. */
const reasonBoost: Record<MatchReason, number> = {
  exact_name: 1000,
  exact_alias: 500,
  name: 60,
  traditional_form: 50,
  alias: 40,
  latin_name: 35,
  pinyin: 30,
  initials: 20,
  full_text: 10,
  fuzzy: 0,
};

/** The typo query runs only when the text finds fewer entities than this (and fewer than the page). */
const fewHits = 3;

/** Weight of the share of the name the text covers (0..1): less than the gap between two reasons. */
const coverageWeight = 4;

/** Parameters of `searchCypher`, or null when nothing searchable is left of the text. */
export interface SearchParams {
  /** Forms to look up as exact names (as typed, and folded). */
  names: string[];
  lucene: string;
  fuzzy: string | null;
  /** Run the typo query when the other queries find fewer entities than this. */
  fuzzyBelow: number;
  /** The text folded (lower case, no tone marks), and its forms (simplified, traditional, pinyin). */
  typed: string;
  variants: string[];
  words: string[];
  /** The text as one Latin word (pinyin without spaces), or null. */
  compact: string | null;
  /** Near spellings of `compact` (huazong → huazhong): a typo hit whose pinyin starts with one ranks first. */
  near: string[];
  kinds: EntityKind[];
  first: number;
  limit: number;
}

export function searchParams(
  text: string,
  kinds: readonly EntityKind[],
  first: number,
): SearchParams | null {
  const lucene = toLuceneQuery(text);
  if (!lucene) return null;
  const typed = foldText(text);
  const asTyped = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const variants = [...new Set([...normalizeQuery(text), asTyped])];
  const compact = typed.replace(/[\s'.-]/g, '');
  return {
    names: [...new Set([...variants, text.trim()])],
    lucene,
    fuzzy: toFuzzyLuceneQuery(text),
    fuzzyBelow: Math.min(first, fewHits),
    typed,
    variants,
    words: typed.split(' ').filter(Boolean),
    compact: /^[a-z]+$/.test(compact) ? compact : null,
    near: /^[a-z]+$/.test(compact) ? nearSpellings(compact) : [],
    kinds: [...kinds],
    first,
    limit: Math.max(first * 5, 50),
  };
}

const fullText = (query: string) =>
  `CALL db.index.fulltext.queryNodes('entity_names', ${query}, {limit: $limit}) YIELD node AS n, score`;

const live = 'NOT n.deleted AND any(l IN labels(n) WHERE l IN $kinds)';

/** The ranked page of hits for `searchParams`: kind, entity, score and reasons (best first). */
export function searchCypher(kinds: readonly EntityKind[]): string {
  const exact = kinds.map(
    (kind) => `MATCH (n:${kind}) WHERE n.name IN $names RETURN n, 0.0 AS score`,
  );
  const boost = Object.entries(reasonBoost)
    .map(([reason, value]) => `WHEN '${reason}' THEN ${value}`)
    .join(' ');
  return `CALL () {
  ${[...exact, `${fullText('$lucene')} RETURN n, score`].join('\n  UNION ALL\n  ')}
}
WITH n, max(score) AS score WHERE ${live}
WITH collect({n: n, score: score, fuzzy: false}) AS hits
CALL (hits) {
  WITH hits WHERE $fuzzy IS NOT NULL AND size(hits) < $fuzzyBelow
  ${fullText('$fuzzy')}
  WHERE ${live} AND none(h IN hits WHERE h.n = n)
  RETURN collect({n: n, score: score, fuzzy: true}) AS typos
}
UNWIND hits + typos AS hit
WITH hit.n AS n, hit.score AS lucene, hit.fuzzy AS fuzzy
WITH n, lucene, fuzzy, toLower(n.name) AS name, toLower(coalesce(n.latinName, '')) AS latin,
     [a IN coalesce(n.aliases, []) | toLower(a)] AS aliases,
     coalesce(n.namePinyin, []) AS pinyin
WITH n, lucene, fuzzy, name, pinyin,
     name IN $variants AS exactName, name CONTAINS $typed AS hasTyped,
     any(a IN aliases WHERE a IN $variants) AS exactAlias,
     $compact IS NOT NULL AND any(p IN pinyin WHERE p STARTS WITH $compact) AS byPinyin,
     aliases, latin
WITH n, lucene, name, pinyin, CASE WHEN fuzzy THEN ['fuzzy'] ELSE [c IN [
       ['exact_name', exactName],
       ['exact_alias', exactAlias],
       ['name', NOT exactName AND hasTyped],
       ['traditional_form', (exactName AND name <> $typed)
                            OR (NOT hasTyped AND any(v IN $variants WHERE name CONTAINS v))],
       ['alias', NOT exactAlias AND any(a IN aliases WHERE any(v IN $variants WHERE a CONTAINS v))],
       ['latin_name', latin <> '' AND size($words) > 0 AND all(w IN $words WHERE latin CONTAINS w)],
       ['pinyin', byPinyin],
       ['initials', NOT byPinyin AND $compact IN coalesce(n.nameInitials, [])]
     ] WHERE c[1] | c[0]] END AS found
WITH n, lucene, CASE WHEN size(found) = 0 THEN ['full_text'] ELSE found END AS reasons,
     reduce(c = 0.0, v IN $variants |
       CASE WHEN size(name) > 0 AND name CONTAINS v AND toFloat(size(v)) / size(name) > c
            THEN toFloat(size(v)) / size(name) ELSE c END) AS nameCover,
     CASE WHEN $compact IS NULL THEN 0.0 ELSE reduce(c = 0.0, p IN pinyin |
       CASE WHEN p STARTS WITH $compact AND toFloat(size($compact)) / size(p) > c
            THEN toFloat(size($compact)) / size(p) ELSE c END) END AS pinyinCover,
     reduce(c = 0.0, p IN pinyin | reduce(c = c, s IN $near |
       CASE WHEN p STARTS WITH s AND 1.0 + toFloat(size(s)) / size(p) > c
            THEN 1.0 + toFloat(size(s)) / size(p) ELSE c END)) AS nearCover
WITH n, reasons, CASE reasons[0] ${boost} ELSE 0 END
       + ${coverageWeight} * CASE WHEN reasons[0] = 'fuzzy' THEN nearCover
              WHEN nameCover > pinyinCover THEN nameCover ELSE pinyinCover END
       + lucene / (lucene + 1.0) AS score
ORDER BY score DESC, n.name, n.id
LIMIT $first
RETURN [l IN labels(n) WHERE l IN $kinds][0] AS kind, ${entityProjection} AS e, score, reasons`;
}
