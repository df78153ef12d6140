import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Role } from '../../server/context.ts';
import type { Db, Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { recordCreate } from '../shared/history.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { hashPassword } from './password.ts';

export const accountRoles = ['admin', 'staff', 'consultant', 'viewer'] as const satisfies Role[];
type AccountRole = (typeof accountRoles)[number];

export const teamKinds = ['bureau', 'district', 'station', 'consultancy', 'other'] as const;
/** How far a team's outreach records (notes, claims, introductions, follow-ups) show to other teams. */
export const outreachVisibilities = ['team', 'deployment'] as const;

export interface Team {
  id: string;
  name: string;
  kind: (typeof teamKinds)[number];
  outreachVisibility: (typeof outreachVisibilities)[number];
  /** Staff of a team with a scope place see contact details only of people tied to that place. */
  scopePlaceId: string | null;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  teamId: string | null;
  createdAt: string;
}

/** The signed-in caller, as the request context carries it. */
export interface SignedIn extends Account {
  sessionId: string;
  team: Team | null;
  /** How the session arrived: a browser cookie (CSRF-checked) or an Authorization bearer token. */
  via: 'cookie' | 'bearer';
}

const emailRule = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, { message: 'must be at most 200 characters' })
  .email({ message: 'must be an e-mail address' });

export const passwordRule = z
  .string()
  .min(12, { message: 'must be at least 12 characters' })
  .max(200, { message: 'must be at most 200 characters' });

const newAccountRules = z.object({
  email: emailRule,
  name: requiredText(100),
  role: z.enum(accountRoles),
  password: passwordRule,
  teamId: z.string().nullish(),
});
export type NewAccount = z.input<typeof newAccountRules>;

// Cypher map projections; `a` is the account and `team` its optional team (named so in each query).
const accountFields =
  '.id, .email, .name, .role, disabled: coalesce(a.disabled, false), createdAt: toString(a.createdAt), teamId: team.id';
const accountProjection = `a {${accountFields}}`;
const teamProjection =
  't {.id, .name, .kind, .outreachVisibility, scopePlaceId: coalesce(t.scopePlaceId, null)}';

/** Creates an account (validated, password hashed); a taken e-mail is a ConflictError. */
export async function createAccount(tx: Tx, input: NewAccount, actor: string): Promise<Account> {
  const account = parseInput(newAccountRules, input, ['input']);
  const taken = await tx.run('MATCH (a:Account {email: $email}) RETURN a.id AS id', account);
  if (taken.length)
    throw new ConflictError(`an account with ${account.email} exists`, ['input', 'email'], {
      code: 'account_exists',
    });
  if (account.teamId) await requireTeam(tx, account.teamId, ['input', 'teamId']);
  const id = ulid();
  const rows = await tx.run<{ account: Account }>(
    `CREATE (a:Account {id: $id, email: $email, name: $name, role: $role, passwordHash: $hash,
                        disabled: false, createdAt: datetime(), createdBy: $actor})
     WITH a OPTIONAL MATCH (team:Team {id: $teamId})
     FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (a)-[:IN_TEAM]->(team))
     RETURN ${accountProjection} AS account`,
    {
      ...account,
      id,
      teamId: account.teamId ?? null,
      hash: await hashPassword(account.password),
      actor,
    },
  );
  await recordCreate(tx, id, actor, {
    email: account.email,
    role: account.role,
    teamId: account.teamId ?? null,
  });
  return rows[0]!.account;
}

export async function requireTeam(tx: Tx, id: string, path: string[]): Promise<Team> {
  const rows = await tx.run<{ team: Team }>(
    `MATCH (t:Team {id: $id}) RETURN ${teamProjection} AS team`,
    { id },
  );
  if (!rows[0]) throw new NotFoundError('Team', id, path);
  return rows[0].team;
}

export async function findAccountByEmail(
  db: Db,
  email: string,
): Promise<(Account & { passwordHash: string }) | null> {
  const rows = await db.read<{ account: Account & { passwordHash: string } }>(
    `MATCH (a:Account {email: $email}) OPTIONAL MATCH (a)-[:IN_TEAM]->(team:Team)
     RETURN a {${accountFields}, .passwordHash} AS account`,
    { email: email.trim().toLowerCase() },
  );
  return rows[0]?.account ?? null;
}

export async function countAdmins(db: Db): Promise<number> {
  const rows = await db.read<{ n: number }>(
    "MATCH (a:Account {role: 'admin'}) WHERE NOT coalesce(a.disabled, false) RETURN count(a) AS n",
  );
  return rows[0]?.n ?? 0;
}

// ---- sessions ----

/** Session lifetime: a working day for the browser, longer for scripts that log in once. */
export const sessionTtlHours = { cookie: 12, bearer: 24 * 30 } as const;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Opens a session and returns its token. Only the token's SHA-256 is stored, so a copy of the database
 * does not hand out sessions; the token itself is 256 random bits, so a fast hash is enough.
 */
export async function openSession(
  tx: Tx,
  accountId: string,
  via: SignedIn['via'],
): Promise<{ token: string; sessionId: string; expiresAt: string }> {
  const token = `tg_${randomBytes(32).toString('base64url')}`;
  const sessionId = ulid();
  const rows = await tx.run<{ expiresAt: string }>(
    `CREATE (s:Session {id: $sessionId, tokenHash: $hash, accountId: $accountId, via: $via,
                        createdAt: datetime(),
                        expiresAt: datetime() + duration({hours: $hours})})
     RETURN toString(s.expiresAt) AS expiresAt`,
    { sessionId, hash: tokenHash(token), accountId, via, hours: sessionTtlHours[via] },
  );
  return { token, sessionId, expiresAt: rows[0]!.expiresAt };
}

/**
 * The live session a token names, with its account, team and when it expires; null when unknown,
 * expired, revoked or disabled.
 */
export async function findSession(
  db: Db,
  token: string,
  via: SignedIn['via'],
): Promise<(SignedIn & { expiresAtMs: number }) | null> {
  const rows = await db.read<{
    account: Account;
    team: Team | null;
    sessionId: string;
    expiresAtMs: number;
  }>(
    `MATCH (s:Session {tokenHash: $hash})
     WHERE s.via = $via AND s.revokedAt IS NULL AND s.expiresAt > datetime()
     MATCH (a:Account {id: s.accountId}) WHERE NOT coalesce(a.disabled, false)
     OPTIONAL MATCH (a)-[:IN_TEAM]->(team:Team)
     WITH s, a, team, team AS t
     RETURN s.id AS sessionId, s.expiresAt.epochMillis AS expiresAtMs, ${accountProjection} AS account,
            CASE WHEN t IS NULL THEN null ELSE ${teamProjection} END AS team`,
    { hash: tokenHash(token), via },
  );
  const row = rows[0];
  return row
    ? {
        ...row.account,
        team: row.team,
        sessionId: row.sessionId,
        via,
        expiresAtMs: row.expiresAtMs,
      }
    : null;
}

/** Ends one session (logout) or every session of an account (revocation); returns how many ended. */
export async function revokeSessions(
  tx: Tx,
  where: { sessionId: string } | { accountId: string },
): Promise<number> {
  const rows = await tx.run<{ n: number }>(
    `MATCH (s:Session) WHERE ($sessionId IS NOT NULL AND s.id = $sessionId)
                          OR ($accountId IS NOT NULL AND s.accountId = $accountId)
     WITH s WHERE s.revokedAt IS NULL
     SET s.revokedAt = datetime() RETURN count(s) AS n`,
    { sessionId: null, accountId: null, ...where },
  );
  return rows[0]?.n ?? 0;
}
