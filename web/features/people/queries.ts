import { EntitySummaryFields, MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

/** The people filter the outreach list sets (a PersonFilter of the schema). */
export type OutreachFilter = SchemaType<'PersonFilter'>;

export const outreachPeopleQuery = graphql(
  `
  query OutreachPeople($filter: PersonFilter!, $first: Int!, $after: String) {
    people(filter: $filter, first: $first, after: $after, orderBy: NAME) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ...EntitySummaryFields title level categories location { name }
          claims(activeOnly: true) { id claimant since teamName }
        }
      }
    }
  }
`,
  [EntitySummaryFields],
);
export type OutreachPersonRow = ResultOf<
  typeof outreachPeopleQuery
>['people']['edges'][number]['node'];

export const peopleFacetsQuery = graphql(`
  query PeopleFacets($filter: PersonFilter!) {
    peopleFacets(filter: $filter) {
      categories { value label count }
      levels { value label count }
      cities { value label count }
      fields { value label count }
    }
  }
`);
export type PeopleFacets = ResultOf<typeof peopleFacetsQuery>['peopleFacets'];
export type FacetCount = PeopleFacets['categories'][number];

export const createSegmentMutation = graphql(
  `
  mutation CreateSegment($name: String!, $filter: PersonFilter!) {
    createSegment(name: $name, filter: $filter) {
      ...MutationErrorFields
      ... on MutationCreateSegmentSuccess { data { id name memberCount } }
    }
  }
`,
  [MutationErrorFields],
);
