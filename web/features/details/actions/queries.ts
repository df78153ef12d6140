import { IntroductionCardFields, MutationErrorFields, TieFields } from '../../../api/fragments.ts';
import { graphql, type SchemaType } from '../../../api/graphql.ts';

/** Actions on a person in the details panel: introduce, claim, log an interaction, add a tie. */

export type OutreachChannel = SchemaType<'OutreachChannel'>;
export type AddTieInput = SchemaType<'AddTieInput'>;

export const createIntroductionMutation = graphql(
  `
  mutation CreateIntroduction($input: NewIntroductionInput!) {
    createIntroduction(input: $input) {
      ...MutationErrorFields
      ... on MutationCreateIntroductionSuccess { data { ...IntroductionCardFields } }
    }
  }
`,
  [MutationErrorFields, IntroductionCardFields],
);

const ClaimFields = graphql(`
  fragment ClaimFields on Claim { id claimant since teamName }
`);

export const personClaimsQuery = graphql(
  `
  query PersonClaims($id: ID!) {
    node(id: $id) { __typename ... on Person { claims(activeOnly: true) { ...ClaimFields } } }
  }
`,
  [ClaimFields],
);

export const claimPersonMutation = graphql(
  `
  mutation ClaimPerson($input: ClaimInput!) {
    claimPerson(input: $input) {
      ...MutationErrorFields
      ... on MutationClaimPersonSuccess { data { ...ClaimFields } }
    }
  }
`,
  [MutationErrorFields, ClaimFields],
);

export const logInteractionMutation = graphql(
  `
  mutation LogInteraction($input: InteractionInput!) {
    logInteraction(input: $input) {
      ...MutationErrorFields
      ... on MutationLogInteractionSuccess { data { id at channel note } }
    }
  }
`,
  [MutationErrorFields],
);

export const addTieMutation = graphql(
  `
  mutation AddTie($input: AddTieInput!) {
    addTie(input: $input) {
      ...MutationErrorFields
      ... on MutationAddTieSuccess { data { ...TieFields } }
    }
  }
`,
  [MutationErrorFields, TieFields],
);
