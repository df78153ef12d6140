import type { Context } from '../../server/context.ts';
import type { ReadCypher } from '../../server/db/run.ts';
import { builder } from '../builder.ts';
import { storedFacts } from './current-facts.ts';
import {
  type CountedFacet,
  cellKey,
  countedCell,
  countedFacets,
  facetPairs,
} from './people-counts.ts';
import { buildPersonFilter, type PersonFilter } from './person-filter.ts';

interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export type PeopleFacets = Record<(typeof facetFields)[CountedFacet], FacetCount[]>;

/** The GraphQL field of each counted facet. */
const facetFields = {
  category: 'categories',
  level: 'levels',
  city: 'cities',
  field: 'fields',
  school: 'almaMaters',
  employer: 'employers',
  hometown: 'hometowns',
} as const;

/** How many values each facet shows, most people first. */
const facetSize = 20;

const FacetCountRef = builder.objectRef<FacetCount>('FacetCount').implement({
  fields: (t) => ({
    value: t.exposeString('value', {
      description: 'The enum value, or the global id of a place, field or organisation.',
    }),
    label: t.exposeString('label'),
    count: t.exposeInt('count'),
  }),
});

const facetDescriptions: Record<CountedFacet, string> = {
  category: 'Categories.',
  level: 'Talent levels.',
  city: `Current city (top ${facetSize}).`,
  field: `Fields of expertise (top ${facetSize}).`,
  school: `Organisations studied at: alma maters (top ${facetSize}).`,
  employer: `Current employers (top ${facetSize}).`,
  hometown: `Hometown: the city of birth (top ${facetSize}).`,
};

export const PeopleFacetsRef = builder.objectRef<PeopleFacets>('PeopleFacets').implement({
  fields: (t) =>
    Object.fromEntries(
      countedFacets.map((facet) => [
        facetFields[facet],
        t.field({
          type: [FacetCountRef],
          description: facetDescriptions[facet],
          resolve: (f) => f[facetFields[facet]],
        }),
      ]),
    ),
});

export interface PeopleSummary {
  total: number;
  facets: PeopleFacets;
  /**
   * For a counted cohort (a city and/or a category): how many people are counted in all, in the
   * city and in the category, which is what people-page-plan.ts needs to choose how to read a page.
   */
  counts: {
    cell: { city: string | null; category: string | null };
    everyone: number;
    inCity: number;
    inCategory: number;
  } | null;
}

/**
 * From `counts` (a list of `{facet, value, count}`, values our ids or enum values, top `facetSize` of
 * each facet, in order) to one row `facets`: `[{facet, values: [FacetCount]}]`, labels looked up.
 */
const labelled = `UNWIND counts AS c
WITH c.facet AS facet, c.value AS value, c.count AS count,
     CASE c.facet WHEN 'city' THEN 'Place' WHEN 'hometown' THEN 'Place' WHEN 'field' THEN 'Field'
                  WHEN 'school' THEN 'Organization' WHEN 'employer' THEN 'Organization' END AS kind
WITH facet, count, kind, value,
     CASE kind
       WHEN 'Place' THEN COLLECT { MATCH (x:Place {id: value}) RETURN x.name }[0]
       WHEN 'Field' THEN COLLECT { MATCH (x:Field {id: value}) RETURN x.name }[0]
       WHEN 'Organization' THEN COLLECT { MATCH (x:Organization {id: value}) RETURN x.name }[0]
       ELSE value END AS label
WITH facet, collect({value: CASE WHEN kind IS NULL THEN value ELSE kind + ':' + value END,
                     label: coalesce(label, value), count: count}) AS values
RETURN collect({facet: facet, values: values}) AS facets`;

/** Total and facets of a counted cohort, read from the people counts. */
const countedQuery = `OPTIONAL MATCH (place:Place {id: $city})
WITH coalesce($city IS NULL OR place.kind = 'city', false) AS counted
CALL () {
  UNWIND [$cell, '*|*', $cityCell, $categoryCell] AS cell
  CALL (cell) {
    OPTIONAL MATCH (t:PeopleCount) WHERE t.cell = cell AND t.facet = 'total'
    RETURN coalesce(sum(t.n), 0) AS n
  }
  RETURN collect(n) AS totals
}
CALL (counted) {
  WITH counted WHERE counted
  UNWIND $facets AS facet
  CALL (facet) {
    MATCH (c:PeopleCount) WHERE c.cell = $cell AND c.facet = facet
    WITH c.value AS value, sum(c.n) AS n WHERE n <> 0
    RETURN value, n ORDER BY n DESC, value LIMIT $size
  }
  RETURN collect({facet: facet, value: value, count: n}) AS counts
}
CALL (counts) {
  ${labelled}
}
RETURN counted, totals, facets`;

/** Total and facets of the people passing `part`, from one pass over them (their maintained facts). */
function passQuery(cypher: string): string {
  return `${cypher}
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n
  WITH ${storedFacts} AS f
  UNWIND ${facetPairs('f')} AS pair
  WITH pair[0] AS facet, pair[1] AS value, count(*) AS count
  ORDER BY count DESC, value
  WITH facet, collect({facet: facet, value: value, count: count})[0..$size] AS top
  UNWIND top AS c
  RETURN collect(c) AS counts
}
CALL (counts) {
  ${labelled}
}
RETURN size(ns) AS total, facets`;
}

type FacetRows = { facet: CountedFacet; values: FacetCount[] }[];

function toFacets(rows: FacetRows): PeopleFacets {
  const facets = Object.fromEntries(
    Object.values(facetFields).map((field) => [field, [] as FacetCount[]]),
  ) as PeopleFacets;
  for (const row of rows) facets[facetFields[row.facet]] = row.values;
  return facets;
}

/**
 * Total and facets of the people passing `filter`: read from the people counts for a counted cohort
 * (people-counts.ts), counted over the people passing it otherwise.
 */
export async function summarisePeople(
  read: ReadCypher,
  filter: PersonFilter,
): Promise<PeopleSummary> {
  const cell = countedCell(filter);
  if (cell) {
    const rows = await read<{ counted: boolean; totals: number[]; facets: FacetRows }>(
      countedQuery,
      {
        city: cell.city,
        cell: cellKey(cell.city, cell.category),
        cityCell: cellKey(cell.city, null),
        categoryCell: cellKey(null, cell.category),
        facets: countedFacets,
        size: facetSize,
      },
    );
    const row = rows[0];
    if (row?.counted) {
      const [total = 0, everyone = 0, inCity = 0, inCategory = 0] = row.totals;
      return {
        total,
        facets: toFacets(row.facets),
        counts: { cell, everyone, inCity, inCategory },
      };
    }
  }
  const part = buildPersonFilter(filter);
  const rows = await read<{ total: number; facets: FacetRows }>(passQuery(part.cypher), {
    ...part.params,
    size: facetSize,
  });
  return { total: rows[0]?.total ?? 0, facets: toFacets(rows[0]?.facets ?? []), counts: null };
}

const summaries = new WeakMap<Context, Map<string, Promise<PeopleSummary>>>();

/**
 * Total and facets of a people filter, computed once per request and filter: `people { totalCount }`
 * and `peopleFacets` in the same request share it. A city and/or category filter reads the people
 * counts (people-counts.ts); any other filter counts the people passing it.
 */
export function peopleSummary(ctx: Context, filter: PersonFilter): Promise<PeopleSummary> {
  const key = JSON.stringify(filter);
  let byFilter = summaries.get(ctx);
  if (!byFilter) {
    byFilter = new Map();
    summaries.set(ctx, byFilter);
  }
  let summary = byFilter.get(key);
  if (!summary) {
    summary = summarisePeople((cypher, params) => ctx.db.read(cypher, params), filter);
    byFilter.set(key, summary);
  }
  return summary;
}
