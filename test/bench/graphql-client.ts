import type { App } from '../../server/app.ts';
import type { Db } from '../../server/db/run.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';

/** Thrown when a bench request answers with GraphQL errors: the bench must not time failures. */
export class BenchGraphqlError extends Error {
  override name = 'BenchGraphqlError';
}

/** Sends GraphQL to the app in-process (no network), as staff. */
export type GraphqlCall = <T = unknown>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<T>;

/**
 * A GraphQL caller over `app.yoga.fetch`: the full HTTP handling of the server (parsing, validation,
 * context, execution, serialisation) without a socket. Throws BenchGraphqlError on any `errors`.
 */
export async function graphqlCaller(app: App, db: Db): Promise<GraphqlCall> {
  const { token } = await createTestAccount(db, 'staff', { name: 'Bench staff' });
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) {
      throw new BenchGraphqlError(
        `GraphQL answered with errors (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}\nquery: ${query}\nvariables: ${JSON.stringify(variables)}`,
      );
    }
    return body.data;
  };
}
