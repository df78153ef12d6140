/** The Cypher of claims (see claims.graphql.ts for the model). */
import type { Db, Tx } from '../../server/db/run.ts';
import { type Viewer, visibleTo } from './visibility.ts';

export interface Claim {
  id: string;
  personId: string;
  claimant: string;
  since: string;
  note: string | null;
  active: boolean;
  teamId: string | null;
  teamName: string | null;
  createdBy: string;
  createdAt: string;
}

const claimReturn = `c {.id, .personId, .claimant, .since, .note, .active, .teamId, .createdBy,
  createdAt: toString(c.createdAt), teamName: COLLECT { MATCH (t:Team {id: c.teamId}) RETURN t.name }[0]} AS claim`;

/** The claims on each of `personIds` the viewer may see, active first, newest first. */
export async function readClaimsOn(
  db: Db,
  personIds: readonly string[],
  viewer: Viewer,
): Promise<Claim[]> {
  const rows = await db.read<{ claim: Claim }>(
    `UNWIND $ids AS id MATCH (c:Claim {personId: id}) WHERE ${visibleTo('c')}
     RETURN ${claimReturn} ORDER BY c.active DESC, c.createdAt DESC`,
    { ids: personIds, ...viewer },
  );
  return rows.map((r) => r.claim);
}

/**
 * Another team's active claim on the person, if any. Takes the person's write lock first, so that
 * concurrent claims of one person run one after the other.
 */
export async function lockAndFindOtherClaim(
  tx: Tx,
  personId: string,
  teamId: string | null,
): Promise<{ since: string; team: string | null } | undefined> {
  await tx.run('MATCH (p:Person {id: $personId}) SET p.claimLock = 1 REMOVE p.claimLock', {
    personId,
  });
  const held = await tx.run<{ since: string; team: string | null }>(
    `MATCH (c:Claim {personId: $personId, active: true})
     WHERE coalesce(c.teamId, '') <> coalesce($teamId, '')
     RETURN c.since AS since, COLLECT { MATCH (t:Team {id: c.teamId}) RETURN t.name }[0] AS team`,
    { personId, teamId },
  );
  return held[0];
}

export async function createClaim(
  tx: Tx,
  claim: {
    id: string;
    personId: string;
    claimant: string;
    since: string | null;
    note: string | null;
    teamId: string | null;
    actor: string;
  },
): Promise<Claim> {
  const rows = await tx.run<{ claim: Claim }>(
    `MATCH (p:Person {id: $personId})
     CREATE (c:Claim {id: $id, personId: $personId, claimant: $claimant,
                      since: coalesce($since, toString(date())), note: $note, active: true,
                      teamId: $teamId, createdBy: $actor, createdAt: datetime()})-[:ON]->(p)
     RETURN ${claimReturn}`,
    claim,
  );
  return rows[0]?.claim as Claim;
}

/** Ends an active claim of the viewer's team (any team's, for an admin); undefined if none. */
export async function endClaim(
  tx: Tx,
  id: string,
  actor: string,
  viewer: Viewer,
): Promise<Claim | undefined> {
  const rows = await tx.run<{ claim: Claim }>(
    `MATCH (c:Claim {id: $id, active: true})
     WHERE $viewer.admin OR coalesce(c.teamId, '') = coalesce($viewer.teamId, '')
     SET c.active = false, c.releasedAt = datetime(), c.releasedBy = $actor
     RETURN ${claimReturn}`,
    { id, actor, ...viewer },
  );
  return rows[0]?.claim;
}
