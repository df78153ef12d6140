import { createClient } from '../api/graphql-client.ts';
import { session } from './session.ts';

/** The app's one GraphQL client: every request carries the session's role. */
export const request = createClient({ role: () => session.value.role });
