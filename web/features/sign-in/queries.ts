import { MutationErrorFields } from '../../api/fragments.ts';
import { graphql } from '../../api/graphql.ts';

export const meQuery = graphql(`
  query Me { me { id name email role } }
`);

export const loginMutation = graphql(
  `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...MutationErrorFields
      ... on MutationLoginSuccess { data { account { id name email role } } }
    }
  }
`,
  [MutationErrorFields],
);

export const logoutMutation = graphql(`
  mutation Logout { logout }
`);
