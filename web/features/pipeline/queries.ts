import {
  EntitySummaryFields,
  IntroductionCardFields,
  MutationErrorFields,
} from '../../api/fragments.ts';
import { graphql, type SchemaType } from '../../api/graphql.ts';

export type IntroductionStage = SchemaType<'IntroductionStage'>;

export const introductionsQuery = graphql(
  `
  query Introductions(
    $first: Int!
    $stages: [IntroductionStage!]
    $owner: ID
    $field: ID
    $place: ID
    $search: String
  ) {
    introductions(
      first: $first
      stages: $stages
      owner: $owner
      field: $field
      place: $place
      search: $search
    ) { ...IntroductionCardFields }
  }
`,
  [IntroductionCardFields],
);

/** The owners of the introductions the viewer may see, for the board's owner filter. */
export const introductionOwnersQuery = graphql(`
  query IntroductionOwners { introductionOwners { id name introductions } }
`);

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
