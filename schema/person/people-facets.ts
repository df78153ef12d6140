import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import type { CypherPart } from './person-filter.ts';

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface PeopleFacets {
  categories: FacetCount[];
  levels: FacetCount[];
  cities: FacetCount[];
  fields: FacetCount[];
}

const FacetCountRef = builder.objectRef<FacetCount>('FacetCount').implement({
  fields: (t) => ({
    value: t.exposeString('value', {
      description: 'The enum value, or the global id of a place/field.',
    }),
    label: t.exposeString('label'),
    count: t.exposeInt('count'),
  }),
});

export const PeopleFacetsRef = builder.objectRef<PeopleFacets>('PeopleFacets').implement({
  fields: (t) => ({
    categories: t.field({ type: [FacetCountRef], resolve: (f) => f.categories }),
    levels: t.field({ type: [FacetCountRef], resolve: (f) => f.levels }),
    cities: t.field({
      type: [FacetCountRef],
      description: 'Current city (top 20).',
      resolve: (f) => f.cities,
    }),
    fields: t.field({
      type: [FacetCountRef],
      description: 'Fields of expertise (top 20).',
      resolve: (f) => f.fields,
    }),
  }),
});

/** Per facet: from the people `n`, rows of `value`, `label` and `count` (a WITH, sorted after). */
const facetTails = {
  categories: `UNWIND n.categories AS value WITH value, value AS label, count(*) AS count`,
  levels: `WITH n WHERE n.level IS NOT NULL WITH n.level AS value, n.level AS label, count(*) AS count`,
  cities: `MATCH (n)-[l:LIVES_IN]->(p:Place)-[:PART_OF*0..2]->(c:Place {kind: 'city'})
WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
WITH 'Place:' + c.id AS value, c.name AS label, count(DISTINCT n) AS count`,
  fields: `MATCH (n)-[e:EXPERT_IN]->(f:Field) WHERE NOT e.deleted
WITH 'Field:' + f.id AS value, f.name AS label, count(DISTINCT n) AS count`,
} as const;

export interface PeopleSummary {
  total: number;
  facets: PeopleFacets;
}

/**
 * The total and the four facets of the people passing `part` in one query: the filter runs once
 * and each facet aggregates the collected people (instead of one filter pass per number).
 */
function summaryCypher(part: CypherPart): string {
  const facets = Object.entries(facetTails).map(
    ([name, tail]) => `CALL (ns) {
  UNWIND ns AS n
  ${tail}
  ORDER BY count DESC, value LIMIT 20
  RETURN collect({value: value, label: label, count: count}) AS ${name}
}`,
  );
  return `${part.cypher}
WITH collect(n) AS ns
${facets.join('\n')}
RETURN size(ns) AS total, {${Object.keys(facetTails)
    .map((k) => `${k}: ${k}`)
    .join(', ')}} AS facets`;
}

const summaries = new WeakMap<Context, Map<string, Promise<PeopleSummary>>>();

/**
 * Total and facets of a people filter, computed once per request and filter: `people { totalCount }`
 * and `peopleFacets` in the same request share it.
 */
export function peopleSummary(ctx: Context, part: CypherPart): Promise<PeopleSummary> {
  const key = JSON.stringify(part);
  let byFilter = summaries.get(ctx);
  if (!byFilter) {
    byFilter = new Map();
    summaries.set(ctx, byFilter);
  }
  let summary = byFilter.get(key);
  if (!summary) {
    summary = ctx.db
      .read<PeopleSummary>(summaryCypher(part), part.params)
      .then((rows) => rows[0] as PeopleSummary);
    byFilter.set(key, summary);
  }
  return summary;
}
