import { DomainError } from '../../schema/shared/errors.ts';
import { statusOf } from '../errors-policy.ts';

/**
 * The code and message of an error the client caused (bad input, unknown id, not signed in, not
 * allowed, too many requests, a query limit), or null for one of ours. Yoga reports both through its
 * error log; the client's go to the info level without a stack. A domain error is the client's when
 * the error policy gives it a 4xx status; any other error when its own HTTP status is 4xx.
 */
export function clientErrorOf(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof Error)) return null;
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof DomainError) {
    return statusOf(original) < 500 ? { code: original.code, message: error.message } : null;
  }
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: number } } })
    .extensions;
  return (extensions?.http?.status ?? 500) < 500
    ? { code: String(extensions?.code ?? 'BAD_REQUEST'), message: error.message }
    : null;
}
