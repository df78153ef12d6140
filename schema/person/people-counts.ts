/**
 * People counts: how many live people each cohort has, in total and per facet value, kept up to date
 * with every change of a person's maintained facts (current-facts.ts), so that the total and the facets
 * of a city and/or category filter are read, not counted, whatever the number of people.
 *
 * A cohort (`cell`) is `<city id>|<category>`, either part `*` for "any": `*|*` is everyone, `<wuhan>|*`
 * everyone living in Wuhan now, `*|alumnus` every alumnus, `<wuhan>|alumnus` the alumni living in
 * Wuhan. Each `(:PeopleCount {key, cell, facet, value, n})` holds how many people of the cell have the
 * facet value: facet `total` (value ''), `category`, `level`, `city`, `field`, `school`, `employer` or
 * `hometown` (values are our ids, or the enum). Counts of zero are deleted.
 *
 * Cell `*|*` also holds where each school's alumni live now, for the alumni maps (maps.cypher.ts):
 * facets `alumniCity`, `alumniProvince` and `alumniCountry`, value `<school id>|<place id>`, the place
 * being the first by id of that kind the person lives in now (`''` when none). Only there: per city
 * and category they would multiply the counts by the cells and no map reads them.
 *
 * Each count is striped over `countShards` nodes (`key` ends in `#<shard>`): a transaction adds its
 * deltas to one shard drawn at random (bulk refreshes: shard 0), and a read sums the shards. Every
 * person write changes `*|*`'s total, so with one node per count concurrent writes queued on its lock
 * until each one committed
 * (bench:load, 100 users: this statement waited 3.6 s on average, 12.7 s at most). A shard alone may
 * go below zero (a person counted in one shard, uncounted in another); only the sum means anything.
 *
 * The number of counts grows with cities × categories × facet values, not with people.
 */

import type { PersonFilter } from './person-filter.ts';

/** The facets counted per cell, in the order `peopleFacets` shows them. */
export const countedFacets = [
  'category',
  'level',
  'city',
  'field',
  'school',
  'employer',
  'hometown',
] as const;
export type CountedFacet = (typeof countedFacets)[number];

/** Cypher: the `[facet, value]` pairs of a person's facts map `f` (as `computeFacts` binds it). */
export const facetPairs = (f: string) => `([x IN ${f}.countedCategories | ['category', x]]
     + CASE WHEN ${f}.countedLevel = '' THEN [] ELSE [['level', ${f}.countedLevel]] END
     + [x IN ${f}.nowCityIds | ['city', x]] + [x IN ${f}.expertFieldIds | ['field', x]]
     + [x IN ${f}.schoolIds | ['school', x]] + [x IN ${f}.nowEmployerIds | ['employer', x]]
     + [x IN ${f}.bornCityIds | ['hometown', x]])`;

/** The alumni-map facet of each place grouping, and the person's fact it is read from. */
export const alumniPlaceFacets = {
  CITY: { facet: 'alumniCity', fact: 'nowCityIds' },
  PROVINCE: { facet: 'alumniProvince', fact: 'nowProvinceIds' },
  COUNTRY: { facet: 'alumniCountry', fact: 'nowCountryIds' },
} as const;

/** Cypher: the alumni-map `[facet, value]` pairs of a person's facts map `f` (cell `*|*` only). */
const alumniPlacePairs = (f: string) =>
  Object.values(alumniPlaceFacets)
    .map(
      ({ facet, fact }) =>
        `[s IN ${f}.schoolIds | ['${facet}', s + '|' + coalesce(head(${f}.${fact}), '')]]`,
    )
    .join(' + ');

/**
 * Cypher rows `cell, facet, value, delta` for the change of one person's facts from `before` to
 * `after` (maps as `computeFacts` binds them, one row per person), summed over all rows: the
 * difference the counts must take. Facts that did not change cancel out.
 */
export const countRows = (
  before: string,
  after: string,
) => `UNWIND [[${before}, -1], [${after}, 1]] AS side
WITH side[0] AS f, side[1] AS d WHERE f.counted
UNWIND ['*'] + f.nowCityIds AS city
UNWIND ['*'] + f.countedCategories AS category
UNWIND [['total', '']] + ${facetPairs('f')}
  + CASE WHEN city = '*' AND category = '*' THEN ${alumniPlacePairs('f')} ELSE [] END AS fv
WITH city + '|' + category AS cell, fv[0] AS facet, fv[1] AS value, sum(d) AS delta`;

/** How many nodes each count is striped over (see above). */
const countShards = 8;

/** A shard for one transaction's count deltas (`$shard` of `applyCountDelta`). */
export const randomCountShard = () => Math.floor(Math.random() * countShards);

/**
 * Applies the rows of `countRows` to shard `$shard` of the counts, in key order (so concurrent writers
 * lock counts in the same order and cannot deadlock on them); a shard that reaches zero is deleted.
 */
export const applyCountDelta = `WITH cell, facet, value, delta WHERE delta <> 0
ORDER BY cell, facet, value
MERGE (c:PeopleCount {key: cell + '|' + facet + '|' + value + '#' + $shard})
  ON CREATE SET c.cell = cell, c.facet = facet, c.value = value, c.n = 0
SET c.n = c.n + delta
WITH c WHERE c.n = 0
DELETE c`;

/** The `cell` of a cohort: a city id and a category, `*` for either when not asked. */
export const cellKey = (city: string | null, category: string | null) =>
  `${city ?? '*'}|${category ?? '*'}`;

/** The cohort a filter asks for when the counts can answer it: one city and/or one category, nothing else. */
export interface CountedCell {
  /** A place id; counted only when it is a city (checked when the counts are read). */
  city: string | null;
  category: string | null;
}

/**
 * The counted cohort of `filter`, or null when the filter asks for anything else (several places or
 * categories, other conditions, another year). Pure.
 */
export function countedCell(filter: PersonFilter): CountedCell | null {
  const { livesInIds, categories, ...rest } = filter;
  const asked = Object.values(rest).some(
    (v) => v != null && v !== false && !(Array.isArray(v) && v.length === 0) && v !== '',
  );
  if (asked || (livesInIds?.length ?? 0) > 1 || (categories?.length ?? 0) > 1) return null;
  return { city: livesInIds?.[0] ?? null, category: categories?.[0] ?? null };
}
