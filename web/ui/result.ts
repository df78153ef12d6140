import type { MutationError, MutationResult } from '../api/fragments.ts';

/** The API's explanation of a refusal: its message, and for a ValidationError each field and why. */
export function errorText(error: MutationError): string {
  if (error.__typename === 'ValidationError' && error.issues.length) {
    return error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
  }
  return error.message;
}

/** The success's data; throws an Error naming the problem when the mutation returned a typed error. */
export function unwrap<T>(result: MutationResult<T>): T {
  if ('data' in result) return result.data;
  throw new Error(errorText(result));
}

/** The message of anything thrown, for the status line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
