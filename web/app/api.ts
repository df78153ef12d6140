import {
  createClient,
  type Operation,
  type Request,
  uploadRequest,
} from '../api/graphql-client.ts';
import { lang } from './i18n.ts';
import { requestErrorText } from './problems.ts';

/** The UI's language, so the server writes words (exports, graph labels) in it (server/lang.ts). */
const headers = () => ({ 'accept-language': lang.value === 'zh' ? 'zh-CN' : 'en' });

/** A failed request whose message is in the user's language; the original is its `cause`. */
class ShownError extends Error {
  override name = 'ShownError';
}

function shown(error: unknown): unknown {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new ShownError(requestErrorText(error), { cause: error });
}

const send = createClient({ headers });

/** The app's one GraphQL client; the session cookie travels with every request. */
export const request: Request = (op, variables, signal) =>
  send(op, variables, signal).catch((error: unknown) => {
    throw shown(error);
  });

/** A multipart upload (import files) through the same client rules. */
export function upload<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  files: Record<string, File>,
): Promise<TData> {
  return uploadRequest(op, variables, files, { headers }).catch((error: unknown) => {
    throw shown(error);
  });
}
