import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../schema/shared/errors.ts';
import { RateLimitedError } from './auth/rate-limits.ts';
import { ConstraintViolationError, DatabaseUnavailableError } from './db/errors.ts';
import { maskError } from './errors-policy.ts';

const logger = pino({ level: 'silent' });
/** What graphql-js hands maskError: the resolver's error wrapped, as `originalError`. */
const wrapped = (error: Error) => Object.assign(new Error(error.message), { originalError: error });
const mask = (error: Error) => {
  const out = maskError(wrapped(error), 'Unexpected error.', logger) as Error & {
    extensions: Record<string, unknown>;
  };
  return { message: out.message, extensions: out.extensions };
};

describe('the error policy', () => {
  it('gives each domain error its code, status and only the fields clients may read', () => {
    expect(mask(new NotFoundError('Person', 'Person:1', ['to']))).toEqual({
      message: 'Person Person:1 was not found',
      extensions: { code: 'NOT_FOUND', entity: 'Person', id: 'Person:1', path: ['to'] },
    });
    expect(
      mask(new ValidationError([{ path: ['first'], code: 'too_big', params: { max: 3 } }]))
        .extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'too_big',
      issues: [
        { path: ['first'], code: 'too_big', params: { max: 3 }, message: 'must be at most 3' },
      ],
    });
    expect(mask(new ForbiddenError('no')).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(mask(new RateLimitedError('account', 7)).extensions).toEqual({
      code: 'RATE_LIMITED',
      http: { status: 429, headers: { 'retry-after': '7' } },
    });
    expect(mask(new DatabaseUnavailableError(new Error('bolt://secret'))).extensions).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      http: { status: 503 },
    });
    // A uniqueness violation is a conflict, so mutations return it as their typed ConflictError.
    expect(mask(new ConstraintViolationError('taken')).extensions.code).toBe('CONFLICT');
  });

  it('masks anything else, keeping Cypher and stacks out', () => {
    const bug = new Error('Invalid input MATCH (n:Person) at line 3');
    expect(mask(bug)).toEqual({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
