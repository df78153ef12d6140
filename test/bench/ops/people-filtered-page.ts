import { pageQuery } from '../../../schema/entity/entity-list.ts';
import { type PeopleFacets, summarisePeople } from '../../../schema/person/people-facets.ts';
import { planCohortPage } from '../../../schema/person/people-page-plan.ts';
import type { CypherCall } from '../raw-cypher.ts';
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
    almaMaters { value label count }
    employers { value label count }
    hometowns { value label count }
  }
}`;

/** The i-th filter: one of the largest cities with one category (cities and categories both cycle). */
export function filterFor(samples: Samples, i: number) {
  const city = pick(samples.cities, i, 'cities');
  const category = pick(
    samples.categories,
    Math.floor(i / samples.cities.length) + i,
    'categories',
  );
  return { city, category };
}

interface Answer {
  total: number;
  page: { id: string; name: string }[];
  facets: PeopleFacets;
}

/**
 * The same answer by raw Cypher on the driver: the total and facets (read from the people counts), then
 * the page by the plan the counts choose (people-page-plan.ts), as two queries.
 */
async function rawCypher(
  cypher: CypherCall,
  filter: { livesInIds: string[]; categories: string[] },
) {
  const summary = await summarisePeople(cypher, filter);
  const part = planCohortPage(summary, { key: 'n.name' }, pageSize, null);
  if (!part) throw new Error('a city and category filter must be a counted cohort');
  const page = pageQuery(part, 'n.name', null, pageSize);
  const rows = await cypher<{ e: { id: string; name: string } }>(page.cypher, page.params);
  return {
    total: summary.total,
    page: rows.map((r) => ({ id: `Person:${r.e.id}`, name: r.e.name })),
    facets: summary.facets,
  } satisfies Answer;
}

/**
 * `people(filter: {livesIn, categories}, first: 50, orderBy: NAME)` with totalCount and
 * `peopleFacets(filter)` (all seven facets) in one request; baseline: the same total, facets and page
 * by raw Cypher.
 */
export const peopleFilteredPageOperation: Operation = {
  name: 'people filtered page',
  baseline: 'total and 7 facets read from the people counts, then the page by the plan they choose',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => {
      const { city, category } = filterFor(samples, i);
      return graphql(query, { filter: { livesIn: [city.globalId], categories: [category] } });
    },
    baseline: (i) => {
      const { city, category } = filterFor(samples, i);
      return rawCypher(cypher, { livesInIds: [city.id], categories: [category] });
    },
    answers: {
      graphql: (answer) => {
        const a = answer as {
          people: { totalCount: number; edges: { node: { id: string; name: string } }[] };
          peopleFacets: PeopleFacets;
        };
        return {
          total: a.people.totalCount,
          page: a.people.edges.map((e) => e.node),
          facets: a.peopleFacets,
        } satisfies Answer;
      },
      baseline: (answer) => answer,
    },
  }),
};
