/** The Cypher of follow-ups (see follow-ups.graphql.ts for the model). */
import type { Db, Tx } from '../../server/db/run.ts';
import { type Viewer, visibleTo } from './visibility.ts';

type FollowUpSubject = 'Person' | 'Event' | 'Introduction';

export interface FollowUp {
  id: string;
  title: string;
  dueOn: string;
  ownerId: string;
  subjectKind: FollowUpSubject;
  subjectId: string;
  done: boolean;
  createdBy: string;
  createdAt: string;
}

const followUpReturn = `f {.id, .title, .dueOn, .ownerId, .subjectKind, .subjectId, .createdBy,
  done: coalesce(f.done, false), createdAt: toString(f.createdAt)} AS followUp`;

/** A follow-up the viewer may see (their team's, or any for an admin). */
export async function readFollowUp(db: Db, id: string, viewer: Viewer): Promise<FollowUp | null> {
  const rows = await db.read<{ followUp: FollowUp }>(
    `MATCH (f:FollowUp {id: $id}) WHERE ${visibleTo('f', true)} RETURN ${followUpReturn}`,
    { id, ...viewer },
  );
  return rows[0]?.followUp ?? null;
}

/** The account's open follow-ups due on or before `due`, soonest first. */
export async function readDueFollowUps(
  db: Db,
  ownerId: string,
  due: string,
  first: number,
): Promise<FollowUp[]> {
  const rows = await db.read<{ followUp: FollowUp }>(
    `MATCH (f:FollowUp {ownerId: $ownerId}) WHERE f.dueOn <= $due AND NOT f.done
     RETURN ${followUpReturn} ORDER BY f.dueOn, f.id LIMIT $first`,
    { ownerId, due, first },
  );
  return rows.map((r) => r.followUp);
}

export async function accountExists(tx: Tx, accountId: string): Promise<boolean> {
  return (await tx.run('MATCH (a:Account {id: $accountId}) RETURN a.id', { accountId })).length > 0;
}

export async function createFollowUp(
  tx: Tx,
  f: Omit<FollowUp, 'done' | 'createdBy' | 'createdAt'> & { teamId: string | null; actor: string },
): Promise<void> {
  await tx.run(
    `MATCH (s:${f.subjectKind} {id: $subjectId})
     CREATE (f:FollowUp {id: $id, title: $title, dueOn: $dueOn, ownerId: $ownerId,
                         subjectKind: $subjectKind, subjectId: $subjectId, done: false,
                         teamId: $teamId, createdBy: $actor, createdAt: datetime()})-[:ABOUT]->(s)`,
    f,
  );
}

/** Marks a follow-up the viewer may see done; false when there is none. */
export async function markFollowUpDone(
  tx: Tx,
  id: string,
  actor: string,
  viewer: Viewer,
): Promise<boolean> {
  const rows = await tx.run(
    `MATCH (f:FollowUp {id: $id}) WHERE ${visibleTo('f', true)}
     SET f.done = true, f.doneAt = datetime(), f.doneBy = $actor RETURN f.id`,
    { id, actor, ...viewer },
  );
  return rows.length > 0;
}
