import type { MutationResult } from '../api/fragments.ts';
import { errorText } from '../app/problems.ts';

/** The success's data; throws an Error naming the problem (in words) when the mutation returned a typed error. */
export function unwrap<T>(result: MutationResult<T>): T {
  if ('data' in result) return result.data;
  throw new Error(errorText(result));
}

/** The message of anything thrown, for the status line (requests already say theirs in words). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
