import { type IssueCode, issueText, type Params } from './words/words.ts';

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
  /**
   * What went wrong, as a code a client puts in words in its own language (words/issue-words.ts),
   * with the values it names; `message` is the same in English, for scripts and logs.
   */
  reasonCode: IssueCode = 'invalid';
  params: Params = {};
}

/** One problem with one input field: `path` names the field (e.g. ["input", "birthYear"]). */
export interface Issue {
  path: string[];
  /** What is wrong with it, for a client to say in its language. */
  code: IssueCode;
  params?: Params;
  /** The same in English; the code's English words when not given. */
  message?: string;
}

/** An issue with its English message filled in. */
export type StatedIssue = Issue & { message: string };

/** The input broke a rule; `issues` says which field and why. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code = 'BAD_USER_INPUT';
  readonly issues: StatedIssue[];
  constructor(issues: Issue[]) {
    const stated = issues.map((i) => ({
      ...i,
      message: i.message ?? issueText('en', { code: i.code, params: i.params }),
    }));
    super(stated.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.issues = stated;
    this.reasonCode = stated[0]?.code ?? 'invalid';
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
    this.reasonCode = 'not_found';
  }
}

/** The write would break a uniqueness or consistency rule (duplicate key, cycle, stale state). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly path: string[] = [],
    /** What went wrong as a code and its values (see DomainError); `cause` as in ErrorOptions. */
    detail: { code?: IssueCode; params?: Params; cause?: unknown } = {},
  ) {
    super(message, detail.cause === undefined ? undefined : { cause: detail.cause });
    if (detail.code) this.reasonCode = detail.code;
    if (detail.params) this.params = detail.params;
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
