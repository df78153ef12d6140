import { EntitySummaryFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export type MapGrouping = SchemaType<'MapGrouping'>;
export type PersonFilter = SchemaType<'PersonFilter'>;

const PeopleMapFields = graphql(`
  fragment PeopleMapFields on PeopleMap { total groups { key label code latinName count } }
`);
export type PeopleMap = ResultOf<typeof PeopleMapFields>;
export type MapGroup = PeopleMap['groups'][number];

export const alumniMapQuery = graphql(
  `
  query AlumniMap($organization: ID!, $groupBy: MapGrouping!) {
    map: alumniMap(organization: $organization, groupBy: $groupBy) { ...PeopleMapFields }
  }
`,
  [PeopleMapFields],
);

export const nativesMapQuery = graphql(
  `
  query NativesMap($place: ID!, $groupBy: MapGrouping!) {
    map: nativesMap(place: $place, groupBy: $groupBy) { ...PeopleMapFields }
  }
`,
  [PeopleMapFields],
);

/** A page of one group's people, with the facets of the whole group. */
export const peopleQuery = graphql(
  `
  query People($filter: PersonFilter!, $first: Int!, $after: String) {
    people(filter: $filter, first: $first, after: $after, orderBy: NAME) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...EntitySummaryFields title birthYear categories location { name } } }
    }
    peopleFacets(filter: $filter) {
      categories { value label count }
      cities { value label count }
      fields { value label count }
      levels { value label count }
    }
  }
`,
  [EntitySummaryFields],
);
type People = ResultOf<typeof peopleQuery>;
export type PersonRow = People['people']['edges'][number]['node'];
export type FacetCount = People['peopleFacets']['categories'][number];
