import { pageQuery } from '../../../schema/entity/entity-list.ts';
import { buildPersonFilter } from '../../../schema/person/person-filter.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const pageSize = 50;

const query = `query FilteredPage($filter: PersonFilter) {
  people(filter: $filter, first: ${pageSize}, orderBy: NAME) { totalCount edges { node { id name } } }
  peopleFacets(filter: $filter) {
    categories { value label count }
    levels { value label count }
    cities { value label count }
    fields { value label count }
  }
}`;

// Copied from schema/person/people-facets.ts (not exported there).
const facetTails = [
  'UNWIND n.categories AS value RETURN value, value AS label, count(*) AS count',
  'WITH n WHERE n.level IS NOT NULL RETURN n.level AS value, n.level AS label, count(*) AS count',
  `MATCH (n)-[l:LIVES_IN]->(p:Place)-[:PART_OF*0..2]->(c:Place {kind: 'city'})
WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
RETURN 'Place:' + c.id AS value, c.name AS label, count(DISTINCT n) AS count`,
  `MATCH (n)-[e:EXPERT_IN]->(f:Field) WHERE NOT e.deleted
RETURN 'Field:' + f.id AS value, f.name AS label, count(DISTINCT n) AS count`,
];

/** The i-th filter: one of the largest cities with one category (cities and categories both cycle). */
function filterFor(samples: Samples, i: number) {
  const city = pick(samples.cities, i, 'cities');
  const category = pick(
    samples.categories,
    Math.floor(i / samples.cities.length) + i,
    'categories',
  );
  return { city, category };
}

/**
 * `people(filter: {livesIn, categories}, first: 50, orderBy: NAME)` with totalCount and
 * `peopleFacets(filter)` in one request; baseline: the same page, count and four facet queries.
 */
export const peopleFilteredPageOperation: Operation = {
  name: 'people filtered page',
  baseline: 'pageQuery(buildPersonFilter) + count + 4 facet queries, side by side',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => {
      const { city, category } = filterFor(samples, i);
      return graphql(query, { filter: { livesIn: [city.globalId], categories: [category] } });
    },
    baseline: (i) => {
      const { city, category } = filterFor(samples, i);
      const part = buildPersonFilter({ livesInIds: [city.id], categories: [category] });
      const page = pageQuery(part, 'n.name', null, pageSize + 1);
      return Promise.all([
        cypher(page.cypher, page.params),
        cypher(`${part.cypher}\nRETURN count(n) AS c`, part.params),
        ...facetTails.map((tail) =>
          cypher(`${part.cypher}\n${tail}\nORDER BY count DESC, value LIMIT 20`, part.params),
        ),
      ]);
    },
  }),
};
