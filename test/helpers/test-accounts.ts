import { ulid } from 'ulid';
import { createAccount, openSession } from '../../schema/accounts/account.model.ts';
import type { Role } from '../../server/context.ts';
import type { Db } from '../../server/db/run.ts';

export interface TestAccount {
  /** A bearer token for `Authorization: Bearer …`. */
  token: string;
  /** Our id (ULID) of the account. */
  id: string;
  email: string;
  password: string;
}

/**
 * A new account of `role` with an open bearer session, made straight in the database (sign-in through
 * the API has its own tests in test/api/accounts.int.test.ts).
 */
export async function createTestAccount(
  db: Db,
  role: Role,
  options: { teamId?: string; name?: string } = {},
): Promise<TestAccount> {
  const email = `${role}.${ulid().toLowerCase()}@test.local`;
  const password = `pw-${ulid()}`;
  return db.writeTx(async (tx) => {
    const account = await createAccount(
      tx,
      { email, name: options.name ?? `Test ${role}`, role, password, teamId: options.teamId },
      'system:test',
    );
    const { token } = await openSession(tx, account.id, 'bearer');
    return { token, id: account.id, email, password };
  });
}
