import { MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export type Role = SchemaType<'Role'>;
export type AuditFilter = SchemaType<'AuditFilter'>;

const AccountFields = graphql(`
  fragment AccountFields on Account { id email name role disabled teamId createdAt }
`);
export type AccountRow = ResultOf<typeof AccountFields>;

const TeamFields = graphql(`
  fragment TeamFields on Team { id name kind outreachVisibility scopePlaceId }
`);
export type TeamRow = ResultOf<typeof TeamFields>;

export const accountsQuery = graphql(
  `
  query Accounts { accounts { ...AccountFields } teams { ...TeamFields } }
`,
  [AccountFields, TeamFields],
);

export const createAccountMutation = graphql(
  `
  mutation CreateAccount($input: NewAccountInput!) {
    createAccount(input: $input) {
      ...MutationErrorFields
      ... on MutationCreateAccountSuccess { data { ...AccountFields } }
    }
  }
`,
  [MutationErrorFields, AccountFields],
);

export const updateAccountMutation = graphql(
  `
  mutation UpdateAccount($id: ID!, $input: AccountUpdateInput!) {
    updateAccount(id: $id, input: $input) {
      ...MutationErrorFields
      ... on MutationUpdateAccountSuccess { data { ...AccountFields } }
    }
  }
`,
  [MutationErrorFields, AccountFields],
);

export const revokeSessionsMutation = graphql(
  `
  mutation RevokeSessions($account: ID!) {
    revokeSessions(account: $account) {
      ...MutationErrorFields
      ... on MutationRevokeSessionsSuccess { data }
    }
  }
`,
  [MutationErrorFields],
);

export const createTeamMutation = graphql(
  `
  mutation CreateTeam($input: NewTeamInput!) {
    createTeam(input: $input) {
      ...MutationErrorFields
      ... on MutationCreateTeamSuccess { data { ...TeamFields } }
    }
  }
`,
  [MutationErrorFields, TeamFields],
);

export const auditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at actor actorName action subjectId subjectName fields changes } }
    }
  }
`);
export type AuditRow = ResultOf<typeof auditLogQuery>['auditLog']['edges'][number]['node'];

export const auditLogCsvQuery = graphql(`
  query AuditLogCsv($filter: AuditFilter) { auditLogCsv(filter: $filter) }
`);
