import { Neo4jError } from 'neo4j-driver';
import { ConflictError, DomainError } from '../../schema/shared/errors.ts';

/** The database could not be reached; requests fail fast with this instead of hanging. */
export class DatabaseUnavailableError extends DomainError {
  override name = 'DatabaseUnavailableError';
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(cause?: unknown) {
    super('The database is unavailable; try again shortly.', { cause });
  }
}

/**
 * A uniqueness constraint refused a write. A ConflictError, so a mutation returns it as its typed
 * ConflictError result with no translation layer in between.
 */
export class ConstraintViolationError extends ConflictError {
  override name = 'ConstraintViolationError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, [], { code: 'duplicate_key', cause: options?.cause });
  }
}

/** A transaction ran past its time limit and was stopped by the database. */
export class QueryTimeoutError extends DomainError {
  override name = 'QueryTimeoutError';
  readonly code = 'QUERY_TIMEOUT';
  constructor(cause?: unknown) {
    super('The query took too long and was stopped; narrow it down and try again.', { cause });
  }
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps a driver error to ours; anything else passes through unchanged (and is masked to clients). */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (unavailableCodes.has(error.code)) return new DatabaseUnavailableError(error);
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConstraintViolationError('A record with the same key already exists.', {
      cause: error,
    });
  }
  if (
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new QueryTimeoutError(error);
  }
  return error;
}
