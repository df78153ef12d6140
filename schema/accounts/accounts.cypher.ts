/** The Cypher of the account and team administration fields (account.model.ts has the shared part). */
import type { Db, Tx } from '../../server/db/run.ts';
import type { Account, Team } from './account.model.ts';

/** Every account, by e-mail. */
export async function readAccounts(db: Db): Promise<Account[]> {
  const rows = await db.read<{ account: Account }>(
    `MATCH (a:Account) OPTIONAL MATCH (a)-[:IN_TEAM]->(team:Team)
     RETURN a {.id, .email, .name, .role, disabled: coalesce(a.disabled, false),
               createdAt: toString(a.createdAt), teamId: team.id} AS account ORDER BY a.email`,
  );
  return rows.map((r) => r.account);
}

/** Every team, by name. */
export async function readTeams(db: Db): Promise<Team[]> {
  const rows = await db.read<{ team: Team }>(
    `MATCH (t:Team) RETURN t {.id, .name, .kind, .outreachVisibility, scopePlaceId: t.scopePlaceId} AS team ORDER BY t.name`,
  );
  return rows.map((r) => r.team);
}

export async function setPasswordHash(tx: Tx, accountId: string, hash: string): Promise<void> {
  await tx.run('MATCH (a:Account {id: $id}) SET a.passwordHash = $hash', { id: accountId, hash });
}

/** Ends every session of the account but `keep` (the one changing the password). */
export async function revokeOtherSessions(tx: Tx, accountId: string, keep: string): Promise<void> {
  await tx.run(
    'MATCH (s:Session {accountId: $id}) WHERE s.id <> $keep AND s.revokedAt IS NULL SET s.revokedAt = datetime()',
    { id: accountId, keep },
  );
}

/** The fields `updateAccount` may change, as they are now; undefined when there is no such account. */
export async function readEditableAccount(
  tx: Tx,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const rows = await tx.run<{ a: Record<string, unknown> }>(
    `MATCH (a:Account {id: $id}) OPTIONAL MATCH (a)-[:IN_TEAM]->(team:Team)
     RETURN a {.name, .role, disabled: coalesce(a.disabled, false), teamId: team.id} AS a`,
    { id },
  );
  return rows[0]?.a;
}

/** Sets the account's name, role, disabled flag and team (no team when `teamId` is null or unknown). */
export async function updateAccount(
  tx: Tx,
  p: { id: string; teamId: unknown } & Record<string, unknown>,
): Promise<Account> {
  const rows = await tx.run<{ account: Account }>(
    `MATCH (a:Account {id: $id})
     SET a.name = $name, a.role = $role, a.disabled = $disabled
     WITH a OPTIONAL MATCH (a)-[old:IN_TEAM]->() DELETE old
     WITH DISTINCT a OPTIONAL MATCH (team:Team {id: $teamId})
     FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (a)-[:IN_TEAM]->(team))
     RETURN a {.id, .email, .name, .role, disabled: a.disabled, createdAt: toString(a.createdAt), teamId: team.id} AS account`,
    p,
  );
  return (rows[0] as { account: Account }).account;
}

export async function placeExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.run('MATCH (p:Place {id: $id}) WHERE NOT p.deleted RETURN p.id', { id });
  return rows.length > 0;
}

/** Creates a team (its name must be free: the team_name constraint). */
export async function createTeam(
  tx: Tx,
  p: {
    id: string;
    name: string;
    kind: string;
    outreachVisibility: string;
    scopePlaceId: string | null;
  },
): Promise<Team> {
  const rows = await tx.run<{ team: Team }>(
    `CREATE (t:Team {id: $id, name: $name, kind: $kind, outreachVisibility: $outreachVisibility,
                    scopePlaceId: $scopePlaceId, createdAt: datetime()})
     RETURN t {.id, .name, .kind, .outreachVisibility, .scopePlaceId} AS team`,
    p,
  );
  return (rows[0] as { team: Team }).team;
}
