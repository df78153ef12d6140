import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Logger } from 'pino';
import {
  type ConflictError,
  DomainError,
  type ErrorCode,
  type ForbiddenError,
  type NotFoundError,
  type UnauthenticatedError,
  type ValidationError,
} from '../schema/shared/errors.ts';
import type { RateLimitedError } from './auth/rate-limits.ts';
import type { DatabaseUnavailableError, QueryTimeoutError } from './db/errors.ts';

/** The error class behind each code: the policy below must say what each one looks like to clients. */
interface ErrorByCode {
  BAD_USER_INPUT: ValidationError;
  NOT_FOUND: NotFoundError;
  CONFLICT: ConflictError;
  UNAUTHENTICATED: UnauthenticatedError;
  FORBIDDEN: ForbiddenError;
  RATE_LIMITED: RateLimitedError;
  DATABASE_UNAVAILABLE: DatabaseUnavailableError;
  QUERY_TIMEOUT: QueryTimeoutError;
}

interface Rule<E> {
  /** What the code means in HTTP (also the status of a download that fails with it). */
  status: number;
  /**
   * The whole GraphQL response takes `status` only when the failure sinks the whole request (not
   * signed in, rate limited, database down); otherwise it stays 200, because the error belongs to
   * one field and the rest of the answer stands (GraphQL partial data).
   */
  wholeRequest?: true;
  message: (error: E) => string;
  /** What the client may read besides `code`: never a stack, Cypher or a cause. */
  extensions?: (error: E) => Record<string, unknown>;
  headers?: (error: E) => Record<string, string>;
}

/** One entry per code, checked exhaustive by the compiler: a new code without a rule does not build. */
const policy: { [C in ErrorCode]: Rule<ErrorByCode[C]> } = {
  BAD_USER_INPUT: {
    status: 400,
    message: (e) => e.message,
    extensions: (e) => ({ reason: e.reasonCode, issues: e.issues }),
  },
  NOT_FOUND: {
    status: 404,
    message: (e) => e.message,
    extensions: (e) => ({ entity: e.entity, id: e.id, path: e.path }),
  },
  CONFLICT: {
    status: 409,
    message: (e) => e.message,
    extensions: (e) => ({ path: e.path, reason: e.reasonCode, params: e.params }),
  },
  UNAUTHENTICATED: {
    status: 401,
    wholeRequest: true,
    message: (e) => `Not signed in: ${e.message}`,
  },
  FORBIDDEN: { status: 403, message: (e) => `Not authorized: ${e.message}` },
  RATE_LIMITED: {
    status: 429,
    wholeRequest: true,
    message: (e) => e.message,
    headers: (e) => ({ 'retry-after': String(e.retryAfterSeconds) }),
  },
  DATABASE_UNAVAILABLE: { status: 503, wholeRequest: true, message: (e) => e.message },
  QUERY_TIMEOUT: { status: 504, message: (e) => e.message },
};

/** The client-facing GraphQL error for a domain error, by its code. */
export function toClientError(error: DomainError): GraphQLError {
  const rule = policy[error.code] as Rule<DomainError>;
  const http = rule.wholeRequest ? { status: rule.status, headers: rule.headers?.(error) } : null;
  return createGraphQLError(rule.message(error), {
    extensions: { code: error.code, ...rule.extensions?.(error), ...(http ? { http } : {}) },
  });
}

/** The HTTP status of a domain error outside GraphQL (downloads). */
export function statusOf(error: DomainError): number {
  return policy[error.code].status;
}

/**
 * yoga's `maskError`: a domain error becomes its policy's error; a GraphQL error yoga itself raised
 * (parse, validation, armor limits) passes through; anything else is logged and masked.
 */
export function maskError(error: unknown, message: string, logger: Logger): Error {
  const original = (error as { originalError?: unknown }).originalError;
  if (original instanceof DomainError) return toClientError(original);
  if (error instanceof DomainError) return toClientError(error);
  if (!(original instanceof Error) && error instanceof Error && 'extensions' in error) {
    return error; // already a client-facing GraphQL error (parse, validation, armor limits)
  }
  logger.error({ err: original ?? error }, 'unexpected error');
  return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
