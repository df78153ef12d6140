/** One problem with one input field: `path` names the field (e.g. ["input", "birthYear"]). */
export interface Issue {
  path: string[];
  message: string;
}

/** The input broke a rule; `issues` says which field and why. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
}

/** An id that names nothing (or something deleted). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly path: string[] = [],
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** The write would break a uniqueness or consistency rule (duplicate key, cycle, stale state). */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly path: string[] = [],
  ) {
    super(message);
  }
}

/** The caller is not signed in (or their session is gone). Thrown, not returned: HTTP 401. */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

/** The caller's role may not do this. Thrown, not returned. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** The error types every mutation can return. */
export const mutationErrors = [ValidationError, NotFoundError, ConflictError];
