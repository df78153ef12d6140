/**
 * Every expected failure is a DomainError with a `code`. Mutations return them as typed results
 * (`mutationErrors`); anywhere else (queries, field resolvers, auth) they are thrown and
 * `server/errors-policy.ts` turns each code into one client-facing GraphQL error and HTTP status.
 * Anything that is not a DomainError is a bug: logged, and masked as "Unexpected error".
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

/** One problem with one input field: `path` names the field (e.g. ["input", "birthYear"]). */
export interface Issue {
  path: string[];
  message: string;
}

/** The input broke a rule; `issues` says which field and why. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
}

/** An id that names nothing (or something deleted). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly path: string[] = [],
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** The write would break a uniqueness or consistency rule (duplicate key, cycle, stale state). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly path: string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The caller is not signed in (or their session is gone). Thrown, not returned: HTTP 401. */
export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** The caller's role may not do this. Thrown, not returned. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

/** The error types every mutation can return. */
export const mutationErrors = [ValidationError, NotFoundError, ConflictError];
