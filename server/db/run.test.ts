import { type Driver, Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Db } from './run.ts';

/**
 * A driver whose sessions fail an auto-commit query with `autoCommitError` and answer a read
 * transaction with one row; it records what was asked. The real driver's behaviour on a live Neo4j
 * is covered by every integration test: this checks only which way Db.read goes after a failure.
 */
function driverFailingAutoCommit(autoCommitError: Error) {
  const calls: string[] = [];
  const records = [{ toObject: () => ({ n: 1 }) }];
  const session = {
    run: async () => {
      calls.push('auto-commit');
      throw autoCommitError;
    },
    executeRead: async (work: (tx: unknown) => Promise<unknown>) => {
      calls.push('read transaction');
      return work({ run: async () => ({ records }) });
    },
    close: async () => {},
  };
  const driver = { session: () => session, executeQueryBookmarkManager: undefined };
  return { driver: driver as unknown as Driver, calls };
}

describe('Db.read', () => {
  it('runs a read again as a read transaction when the driver would retry its failure', async () => {
    const gone = new Neo4jError('member gone', 'ServiceUnavailable', 'gql', 'desc');
    const { driver, calls } = driverFailingAutoCommit(gone);
    expect(await new Db(driver).read('RETURN 1 AS n')).toEqual([{ n: 1 }]);
    expect(calls).toEqual(['auto-commit', 'read transaction']);
  });

  it('fails at once, with no second try, on an error no retry can mend', async () => {
    const bad = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'gql', 'desc');
    const { driver, calls } = driverFailingAutoCommit(bad);
    await expect(new Db(driver).read('RETURN')).rejects.toThrow('bad');
    expect(calls).toEqual(['auto-commit']);
  });
});
