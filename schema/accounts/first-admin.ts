import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../../server/db/run.ts';
import { countAdmins, createAccount } from './account.model.ts';

export interface FirstAdminOptions {
  /** From ADMIN_EMAIL and ADMIN_PASSWORD. */
  configured: { email: string; password: string } | null;
  /** Where a generated password is written when none was configured (owner-only file). */
  dataDir: string;
}

/**
 * Makes sure someone can sign in: on a database with no admin, creates one from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or, without them, with a random password written to DATA_DIR/admin-credentials.txt
 * (never a default password). Does nothing once an admin exists.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: FirstAdminOptions,
  logger: Logger,
): Promise<void> {
  if ((await countAdmins(db)) > 0) return;
  const email = options.configured?.email ?? 'admin@talentgraph.local';
  const password = options.configured?.password ?? randomBytes(12).toString('base64url');
  await db.writeTx((tx) =>
    createAccount(
      tx,
      { email, name: 'Administrator', role: 'admin', password },
      'system:first-start',
    ),
  );
  if (options.configured) {
    logger.info({ email }, 'first admin created from ADMIN_EMAIL');
    return;
  }
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'admin-credentials.txt');
  await writeFile(file, `e-mail: ${email}\npassword: ${password}\n`, { mode: 0o600 });
  logger.warn(
    { email, file },
    'first admin created with a random password: see the file, then change it',
  );
  console.log(`\nFirst admin: ${email}; its generated password is in ${file}\n`);
}
