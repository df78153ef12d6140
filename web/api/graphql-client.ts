/** A GraphQL error as the server sends it. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: GraphQLErrorBody[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** A query with the types of its variables and its data, so callers get both checked. */
export interface Operation<TData, TVariables extends Record<string, unknown>> {
  query: string;
  /** Phantom fields: never set, they only carry the types. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export function operation<TData, TVariables extends Record<string, unknown>>(
  query: string,
): Operation<TData, TVariables> {
  return { query };
}

export interface ClientOptions {
  endpoint?: string;
  /**
   * Until accounts exist the server trusts this header (README). A function is read per request, so
   * the app's session decides (see app/session.ts).
   */
  role?: string | (() => string);
  fetch?: typeof fetch;
}

export type Request = <TData, TVariables extends Record<string, unknown>>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
) => Promise<TData>;

/** A typed POST to /graphql: resolves with `data`, rejects when the answer carries errors. */
export function createClient({
  endpoint = '/graphql',
  role = 'staff',
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: ClientOptions = {}): Request {
  return async (op, variables, signal) => {
    const res = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'x-role': typeof role === 'function' ? role() : role,
      },
      body: JSON.stringify({ query: op.query, variables }),
      signal,
    });
    let body: { data?: unknown; errors?: GraphQLErrorBody[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new GraphQLRequestError(`HTTP ${res.status}`, [], res.status);
    }
    if (body.errors?.length) {
      throw new GraphQLRequestError(
        body.errors.map((e) => e.message).join('; '),
        body.errors,
        res.status,
      );
    }
    if (!res.ok || body.data == null) {
      throw new GraphQLRequestError(`HTTP ${res.status}`, [], res.status);
    }
    return body.data as never;
  };
}
