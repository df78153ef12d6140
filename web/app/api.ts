import { createClient } from '../api/graphql-client.ts';

/** The app's one GraphQL client; the session cookie travels with every request. */
export const request = createClient();
