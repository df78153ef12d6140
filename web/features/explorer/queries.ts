import { EntitySummaryFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export const neighborhoodQuery = graphql(
  `
  query Neighborhood($ids: [ID!]!, $depth: Int!, $limit: Int!, $filter: NeighborhoodFilter) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) {
      nodes { ...EntitySummaryFields }
      edges { id source target kind label derived current strength startYear endYear }
      truncated
      omittedNodes
      omittedByKind { kind count }
      omittedAtLeast
    }
  }
`,
  [EntitySummaryFields],
);
export type Neighborhood = ResultOf<typeof neighborhoodQuery>['neighborhood'];
export type NeighborhoodFilter = SchemaType<'NeighborhoodFilter'>;

export const commonConnectionsQuery = graphql(
  `
  query CommonConnections($ids: [ID!]!, $first: Int!) {
    commonConnections(ids: $ids, first: $first) {
      count
      entity { ...EntitySummaryFields }
      ties { kind label of startYear endYear }
    }
  }
`,
  [EntitySummaryFields],
);

/**
 * What group nodes group by, for the members of big fan-outs: where they are, who employs them, their
 * field (its top level) and birth year. Only the facts of the chosen grouping are fetched.
 */
export const fanOutFactsQuery = graphql(`
  query FanOutFacts(
    $ids: [ID!]!
    $city: Boolean!
    $employer: Boolean!
    $field: Boolean!
    $birth: Boolean!
    $year: Int!
  ) {
    nodes(ids: $ids) {
      __typename
      ... on Person {
        id
        birthYear @include(if: $birth)
        location @include(if: $city) {
          id name
          ... on Place { kind parent { id name kind } }
        }
        positions(asOfYear: $year) @include(if: $employer) { other { id name } }
        expertise @include(if: $field) {
          other { id name ... on Field { parent { id name parent { id name } } } }
        }
      }
      ... on Organization {
        id
        place @include(if: $city) {
          id name
          ... on Place { kind parent { id name kind } }
        }
        fields @include(if: $field) {
          other { id name ... on Field { parent { id name parent { id name } } } }
        }
      }
      ... on Project {
        id
        host @include(if: $employer) { id name }
      }
    }
  }
`);
export type FanOutFacts = ResultOf<typeof fanOutFactsQuery>['nodes'];
