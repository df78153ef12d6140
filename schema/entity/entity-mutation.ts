import type { Context } from '../../server/context.ts';
import { ConstraintViolationError } from '../../server/db/errors.ts';
import type { Tx } from '../../server/db/run.ts';
import { ConflictError } from '../shared/errors.ts';

/**
 * Runs a mutation's work in one write transaction: it commits whole or changes nothing. A uniqueness
 * violation from the database becomes a ConflictError the client can read.
 */
export async function inWriteTx<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.writeTx(work);
  } catch (error) {
    if (error instanceof ConstraintViolationError) throw new ConflictError(error.message);
    throw error;
  }
}
