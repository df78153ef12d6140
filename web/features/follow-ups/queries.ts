import { MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

const FollowUpFields = graphql(`
  fragment FollowUpFields on FollowUp { id title dueOn overdue subject done }
`);
export type FollowUpRow = ResultOf<typeof FollowUpFields>;

export const myFollowUpsQuery = graphql(
  `
  query MyFollowUps($due: String, $first: Int!) {
    myFollowUps(due: $due, first: $first) { ...FollowUpFields }
  }
`,
  [FollowUpFields],
);

export const createFollowUpMutation = graphql(
  `
  mutation CreateFollowUp($input: FollowUpInput!) {
    createFollowUp(input: $input) {
      ...MutationErrorFields
      ... on MutationCreateFollowUpSuccess { data { ...FollowUpFields } }
    }
  }
`,
  [MutationErrorFields, FollowUpFields],
);

export const completeFollowUpMutation = graphql(
  `
  mutation CompleteFollowUp($id: ID!) {
    completeFollowUp(id: $id) {
      ...MutationErrorFields
      ... on MutationCompleteFollowUpSuccess { data { ...FollowUpFields } }
    }
  }
`,
  [MutationErrorFields, FollowUpFields],
);
