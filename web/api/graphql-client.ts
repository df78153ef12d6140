import { type DocumentNode, print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** A GraphQL error as the server sends it. */
interface GraphQLErrorBody {
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

/** A document written with `graphql()` (web/api/graphql.ts): it carries its data's and variables' types. */
export type Operation<TData, TVariables> = TadaDocumentNode<TData, TVariables>;

const printed = new WeakMap<DocumentNode, string>();

/**
 * The text the app sends for a document. The build hashes the same text into the persisted-operations
 * manifest (web/api/persisted-manifest.ts), so both must come from here.
 */
export function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

export interface ClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  /** Headers of every request, asked for each one (the app sends its language: Accept-Language). */
  headers?: () => Record<string, string>;
}

export type Request = <TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
) => Promise<TData>;

/** A typed POST to /graphql: resolves with `data`, rejects when the answer carries errors. */
export function createClient({
  endpoint = '/graphql',
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  headers = () => ({}),
}: ClientOptions = {}): Request {
  return async (op, variables, signal) => {
    const res = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        ...headers(),
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        // The session is an HttpOnly cookie; the server honours it only with this header (CSRF).
        'x-talentgraph-csrf': '1',
      },
      credentials: 'same-origin',
      body: JSON.stringify({ query: queryText(op), variables }),
      signal,
    });
    return readAnswer(res);
  };
}

/** The `data` of a GraphQL answer; a GraphQLRequestError when it carries errors or is not JSON. */
async function readAnswer<TData>(res: Response): Promise<TData> {
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
  return body.data as TData;
}

/**
 * A typed GraphQL multipart request (the upload spec graphql-yoga reads): each entry of `files` is
 * sent as a file part and mapped onto `variables.<name>`. Same answer handling as `createClient`.
 */
export async function uploadRequest<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  files: Record<string, File>,
  { endpoint = '/graphql', headers = () => ({}) }: Omit<ClientOptions, 'fetch'> = {},
): Promise<TData> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: queryText(op), variables }));
  const names = Object.keys(files);
  form.set('map', JSON.stringify(Object.fromEntries(names.map((n, i) => [i, [`variables.${n}`]]))));
  names.forEach((name, i) => {
    const file = files[name] as File;
    form.set(String(i), file, file.name);
  });
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      ...headers(),
      'x-talentgraph-csrf': '1',
      accept: 'application/graphql-response+json, application/json',
    },
    credentials: 'same-origin',
    body: form,
  });
  return readAnswer<TData>(res);
}
