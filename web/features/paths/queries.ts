import { EntitySummaryFields, ProvenanceFields } from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

export const introductionPathsQuery = graphql(
  `
  query IntroductionPaths($from: [ID!]!, $to: ID!, $first: Int!, $lang: Lang!) {
    introductionPaths(from: $from, to: $to, first: $first) {
      maxHops
      reason
      paths {
        score {
          score hops strength recency verification introducerLoad recentInteractions
        }
        people {
          ...EntitySummaryFields
          ... on Person { title positions { current title other { ...EntitySummaryFields } } }
        }
        consultants { ...EntitySummaryFields }
        hops {
          from { ...EntitySummaryFields }
          to { ...EntitySummaryFields }
          kind via derived startYear endYear strength
          explanation(lang: $lang)
          provenance { ...ProvenanceFields }
        }
      }
    }
  }
`,
  [EntitySummaryFields, ProvenanceFields],
);
export type IntroductionPath = ResultOf<
  typeof introductionPathsQuery
>['introductionPaths']['paths'][number];
export type PathHop = IntroductionPath['hops'][number];
export type PathPerson = IntroductionPath['people'][number];

/** An organisation's people (current and former staff), as "our side" for the path finder. */
export const staffOfQuery = graphql(
  `
  query StaffOf($organization: ID!, $first: Int!) {
    people(filter: { employers: [$organization], employerEver: true }, first: $first) {
      totalCount
      edges { node { ...EntitySummaryFields } }
    }
  }
`,
  [EntitySummaryFields],
);
