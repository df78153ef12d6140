import {
  EntitySummaryFields,
  IntroductionCardFields,
  MutationErrorFields,
} from '../../api/fragments.ts';
import { graphql, type SchemaType } from '../../api/graphql.ts';

export type IntroductionStage = SchemaType<'IntroductionStage'>;

export const introductionsQuery = graphql(
  `
  query Introductions($first: Int!, $stages: [IntroductionStage!]) {
    introductions(first: $first, stages: $stages) { ...IntroductionCardFields }
  }
`,
  [IntroductionCardFields],
);

export const introductionHistoryQuery = graphql(
  `
  query IntroductionHistory($id: ID!) {
    introduction(id: $id) {
      ...IntroductionCardFields
      createdAt
      path { ...EntitySummaryFields }
      history { id from to at by byName note override }
    }
  }
`,
  [IntroductionCardFields, EntitySummaryFields],
);

export const moveIntroductionMutation = graphql(
  `
  mutation MoveIntroduction($input: MoveIntroductionInput!) {
    moveIntroduction(input: $input) {
      ...MutationErrorFields
      ... on MutationMoveIntroductionSuccess { data { ...IntroductionCardFields } }
    }
  }
`,
  [MutationErrorFields, IntroductionCardFields],
);
