import type { MutationResult } from '../api/operations.ts';

/** A mutation's typed error as one line for the status: the message and each field's issue. */
export function problemOf(result: MutationResult<unknown>): string {
  const issues = (result.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
  return issues.length ? issues.join('; ') : (result.message ?? result.__typename);
}

/** The success's data; throws an Error naming the problem when the mutation returned a typed error. */
export function unwrap<T>(result: MutationResult<T>): T {
  if (result.__typename.endsWith('Success') && result.data !== undefined) return result.data;
  throw new Error(problemOf(result));
}

/** The message of anything thrown, for the status line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
