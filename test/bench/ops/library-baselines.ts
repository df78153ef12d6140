import { encodeCursor } from '../../../schema/shared/connection.ts';
import { neo4jGraphqlCaller } from '../neo4j-graphql.ts';
import type { Operation } from './operation.ts';
import { filterFor } from './people-filtered-page.ts';
import {
  afterKey,
  graphqlPeople,
  type NestedPerson,
  nestedPageQuery,
  pageSize,
} from './people-page-with-relations.ts';

/** Live ties, most recent first, as many as our API returns (200). */
const ties = (props: string, node: string) => `(
  where: { edge: { deleted: { eq: false } }, node: { deleted: { eq: false } } }
  sort: [{ edge: { current: DESC } }, { edge: { to: DESC } }, { edge: { id: ASC } }]
  first: 200
) { edges { properties { ${props} } node { ${node} } } }`;

/** The nested page in @neo4j/graphql: people after a (name, id) key, with their three tie lists. */
const libraryPageQuery = `query ($name: String!, $id: String!) {
  people(
    where: { deleted: { eq: false }, OR: [{ name: { gt: $name } }, { name: { eq: $name }, id: { gt: $id } }] }
    sort: [{ name: ASC }, { id: ASC }]
    limit: ${pageSize}
  ) {
    id name latinName
    positionsConnection${ties('id title from to current', 'id name')}
    educationConnection${ties('id degree major from to', 'id name')}
    expertiseConnection${ties('id level', 'id name')}
  }
}`;

type Edge = { properties: Record<string, unknown>; node: { id: string; name: string } };
type LibraryPerson = { id: string; name: string; latinName: string | null } & Record<
  string,
  { edges: Edge[] } | string | null
>;

const lists = {
  positions: {
    type: 'WORKED_AT',
    kind: 'Organization',
    fields: { title: 'title', startYear: 'from', endYear: 'to', current: 'current' },
  },
  education: {
    type: 'STUDIED_AT',
    kind: 'Organization',
    fields: { degree: 'degree', major: 'major', startYear: 'from', endYear: 'to' },
  },
  expertise: { type: 'EXPERT_IN', kind: 'Field', fields: { level: 'level' } },
} as const;

/** Tie lists in one order on both sides (the two order nulls differently), so answers compare. */
function canonical(people: NestedPerson[]): NestedPerson[] {
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a.id) < String(b.id) ? -1 : 1;
  return people.map((p) => ({
    ...p,
    positions: [...p.positions].sort(byId),
    education: [...p.education].sort(byId),
    expertise: [...p.expertise].sort(byId),
  }));
}

function fromLibrary(answer: unknown): NestedPerson[] {
  return (answer as { people: LibraryPerson[] }).people.map((p) => {
    const person: NestedPerson = {
      id: `Person:${p.id}`,
      name: p.name,
      latinName: p.latinName ?? null,
      positions: [],
      education: [],
      expertise: [],
    };
    for (const [list, { type, kind, fields }] of Object.entries(lists)) {
      const edges = (p[`${list}Connection`] as { edges: Edge[] }).edges;
      person[list as keyof typeof lists] = edges.map((e) => ({
        id: `Tie:${type}:${String(e.properties.id)}`,
        ...Object.fromEntries(
          Object.entries(fields).map(([api, stored]) => [api, e.properties[stored] ?? null]),
        ),
        other: { id: `${kind}:${e.node.id}`, name: e.node.name },
      }));
    }
    return person;
  });
}

/**
 * The nested page (50 people by name after a cursor, with positions, education and expertise)
 * through our API against the same page through @neo4j/graphql on the same database.
 */
export const libraryNestedPageOperation: Operation = {
  name: 'nested page vs @neo4j/graphql',
  baseline: '@neo4j/graphql 7: people(where, sort, limit) with three relationship connections',
  prepare: async ({ graphql, driver, samples }) => {
    const library = await neo4jGraphqlCaller(driver);
    return {
      graphql: (i) => graphql(nestedPageQuery, { after: encodeCursor(afterKey(samples, i)) }),
      baseline: (i) => {
        const [name, id] = afterKey(samples, i);
        return library(libraryPageQuery, { name, id });
      },
      answers: {
        graphql: (answer) => canonical(graphqlPeople(answer)),
        baseline: (answer) => canonical(fromLibrary(answer)),
      },
    };
  },
};

/**
 * How many people live in a city and are of a category: our `people { totalCount }` against
 * @neo4j/graphql counting the people whose maintained city list and categories match.
 */
export const libraryCountOperation: Operation = {
  name: 'cohort count vs @neo4j/graphql',
  baseline:
    '@neo4j/graphql 7: peopleConnection(where: nowCityIds includes, categories includes) { totalCount }',
  prepare: async ({ graphql, driver, samples }) => {
    const library = await neo4jGraphqlCaller(driver);
    return {
      graphql: (i) => {
        const { city, category } = filterFor(samples, i);
        return graphql(
          'query ($filter: PersonFilter) { people(filter: $filter, first: 0) { totalCount } }',
          { filter: { livesIn: [city.globalId], categories: [category] } },
        );
      },
      baseline: (i) => {
        const { city, category } = filterFor(samples, i);
        return library(
          `query ($city: String!, $category: String!) {
             peopleConnection(where: { deleted: { eq: false }, nowCityIds: { includes: $city },
                                       categories: { includes: $category } }) { totalCount } }`,
          { city: city.id, category },
        );
      },
      answers: {
        graphql: (answer) => (answer as { people: { totalCount: number } }).people.totalCount,
        baseline: (answer) =>
          (answer as { peopleConnection: { totalCount: number } }).peopleConnection.totalCount,
      },
    };
  },
};
