/** The Cypher of saved views (see saved-views.graphql.ts for the model and who may do what). */
import type { Db, Tx } from '../../server/db/run.ts';
import type { ViewInput } from './saved-view.rules.ts';

export interface SavedViewRow {
  id: string;
  title: string;
  notes: string;
  graph: string;
  annotations: string;
  ownerId: string;
  ownerName: string;
  sharedWithTeam: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The caller: their account and team (`readableBy` reads them). */
export type Reader = {
  me: string;
  team: string | null;
};

const viewReturn = `v {.id, .title, .notes, .graph, .annotations, .ownerId, .sharedWithTeam,
  ownerName: coalesce(owner.name, ''), createdAt: toString(v.createdAt),
  updatedAt: toString(v.updatedAt)} AS view`;

/** Who may read `v`: its owner, accounts it is shared with, the owner's team when shared with it. */
const readableBy = `(v.ownerId = $me
  OR EXISTS { (v)-[:SHARED_WITH]->(:Account {id: $me}) }
  OR (v.sharedWithTeam AND EXISTS {
        MATCH (o:Account)-[:IN_TEAM]->(t:Team) WHERE o.id = v.ownerId AND t.id = coalesce($team, '') }))`;

/** The view, if not deleted and the reader may read it. */
export async function readSavedView(
  db: Db,
  id: string,
  reader: Reader,
): Promise<SavedViewRow | undefined> {
  const rows = await db.read<{ view: SavedViewRow }>(
    `MATCH (v:SavedView {id: $id}) WHERE NOT v.deleted AND ${readableBy}
     OPTIONAL MATCH (owner:Account {id: v.ownerId})
     RETURN ${viewReturn}`,
    { id, ...reader },
  );
  return rows[0]?.view;
}

/** The reader's views (`mine`), the views shared with them (`shared`) or both, newest first. */
export async function readSavedViews(
  db: Db,
  scope: 'mine' | 'shared' | 'all',
  reader: Reader,
): Promise<SavedViewRow[]> {
  const who =
    scope === 'mine'
      ? 'v.ownerId = $me'
      : scope === 'shared'
        ? `v.ownerId <> $me AND ${readableBy}`
        : readableBy;
  const rows = await db.read<{ view: SavedViewRow }>(
    `MATCH (v:SavedView) WHERE NOT v.deleted AND ${who}
           OPTIONAL MATCH (owner:Account {id: v.ownerId})
           RETURN ${viewReturn} ORDER BY v.updatedAt DESC LIMIT 500`,
    reader,
  );
  return rows.map((r) => r.view);
}

/** The accounts a view is shared with, by e-mail. */
export function readSharedAccounts(db: Db, id: string): Promise<{ email: string; name: string }[]> {
  return db.read<{ email: string; name: string }>(
    `MATCH (:SavedView {id: $id})-[:SHARED_WITH]->(a:Account)
           RETURN a.email AS email, a.name AS name ORDER BY a.email`,
    { id },
  );
}

/** A new view of `me`, shared with no one, with nothing in it yet (`writeSavedView` fills it). */
export async function createSavedView(
  tx: Tx,
  view: { id: string; me: string; actor: string },
): Promise<void> {
  await tx.run(
    `CREATE (:SavedView {id: $id, ownerId: $me, sharedWithTeam: false, deleted: false,
                               createdAt: datetime(), createdBy: $actor})`,
    view,
  );
}

export async function writeSavedView(tx: Tx, id: string, view: ViewInput): Promise<void> {
  await tx.run(
    `MATCH (v:SavedView {id: $id})
     SET v.title = $title, v.notes = $notes, v.graph = $graph, v.annotations = $annotations,
         v.updatedAt = datetime()`,
    {
      id,
      title: view.title,
      notes: view.notes ?? '',
      graph: JSON.stringify(view.graph),
      annotations: JSON.stringify(view.annotations),
    },
  );
}

/** Marks the view deleted and ends its sharing. */
export async function deleteSavedView(tx: Tx, id: string): Promise<void> {
  await tx.run(
    `MATCH (v:SavedView {id: $id}) SET v.deleted = true, v.updatedAt = datetime()
           WITH v OPTIONAL MATCH (v)-[s:SHARED_WITH]->() DELETE s`,
    { id },
  );
}

/** Which of `emails` name accounts other than the owner's. */
export async function readOtherAccountEmails(
  tx: Tx,
  emails: readonly string[],
  ownerId: string,
): Promise<string[]> {
  const found = await tx.run<{ email: string }>(
    `UNWIND $emails AS email MATCH (a:Account {email: email}) WHERE a.id <> $me
             RETURN a.email AS email`,
    { emails, me: ownerId },
  );
  return found.map((r) => r.email);
}

/**
 * Shares the view with the accounts of `emails` (not its owner), or stops sharing it with them, and
 * shares it with the owner's team or not.
 */
export async function setSharing(
  tx: Tx,
  share: boolean,
  sharing: { id: string; emails: readonly string[]; team: boolean; actor: string },
): Promise<void> {
  const { id, emails, team, actor } = sharing;
  await tx.run(
    share
      ? `MATCH (v:SavedView {id: $id}) UNWIND $emails AS email
                 MATCH (a:Account {email: email}) WHERE a.id <> v.ownerId
                 MERGE (v)-[s:SHARED_WITH]->(a) ON CREATE SET s.at = datetime(), s.by = $actor`
      : `MATCH (v:SavedView {id: $id})-[s:SHARED_WITH]->(a:Account) WHERE a.email IN $emails
                 DELETE s`,
    { id, emails, actor },
  );
  await tx.run(
    'MATCH (v:SavedView {id: $id}) SET v.sharedWithTeam = $team, v.updatedAt = datetime()',
    { id, team },
  );
}
