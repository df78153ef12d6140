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
