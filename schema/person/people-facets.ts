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

const facetQueries = {
  categories: `UNWIND n.categories AS value RETURN value, value AS label, count(*) AS count`,
  levels: `WITH n WHERE n.level IS NOT NULL RETURN n.level AS value, n.level AS label, count(*) AS count`,
  cities: `MATCH (n)-[l:LIVES_IN]->(p:Place)-[:PART_OF*0..2]->(c:Place {kind: 'city'})
WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
RETURN 'Place:' + c.id AS value, c.name AS label, count(DISTINCT n) AS count`,
  fields: `MATCH (n)-[e:EXPERT_IN]->(f:Field) WHERE NOT e.deleted
RETURN 'Field:' + f.id AS value, f.name AS label, count(DISTINCT n) AS count`,
} as const;

/** Facet counts for the people passing `part`: one query per facet, run side by side. */
export async function loadPeopleFacets(ctx: Context, part: CypherPart): Promise<PeopleFacets> {
  const entries = await Promise.all(
    Object.entries(facetQueries).map(async ([name, tail]) => {
      const rows = await ctx.db.read<FacetCount>(
        `${part.cypher}\n${tail}\nORDER BY count DESC, value LIMIT 20`,
        part.params,
      );
      return [name, rows] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as PeopleFacets;
}
