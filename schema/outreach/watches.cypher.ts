/** The Cypher of watches and notifications (see watches.graphql.ts for the model). */
import type { Db, Tx } from '../../server/db/run.ts';
import type { NotificationKind } from '../shared/notify.ts';
import { type Viewer, visibleTo } from './visibility.ts';

export const watchKinds = ['Person', 'Segment', 'Introduction'] as const;
export type WatchKind = (typeof watchKinds)[number];

export interface Watch {
  id: string;
  targetKind: WatchKind;
  targetId: string;
  targetName: string | null;
  createdAt: string;
}

export interface Notification {
  id: string;
  kind: NotificationKind;
  subjectKind: WatchKind;
  subjectId: string;
  subjectName: string | null;
  detail: string | null;
  changes: string | null;
  actor: string | null;
  at: string;
  read: boolean;
}

/** The watchable record `kind` with our id `$id`, if the caller may see it. */
const visibleTarget: Record<WatchKind, string> = {
  Person: 'MATCH (x:Person {id: $id}) WHERE NOT x.deleted',
  Segment: `MATCH (x:Segment {id: $id}) WHERE NOT x.deleted AND ${visibleTo('x')}`,
  Introduction: `MATCH (x:Introduction {id: $id}) WHERE NOT coalesce(x.deleted, false) AND ${visibleTo('x', true)}`,
};

/** A notification is shown only while its record (and the outreach record behind it) is visible. */
// Notifications of outreach (activity on a person, stage changes) follow the record's visibility;
// those of graph changes (new job, moved city, edits) carry no team and show to every watcher.
const notificationVisible = `(NOT n.kind IN ['activity', 'stage_changed'] OR ${visibleTo('n')})
  AND (n.subjectKind <> 'Introduction' OR EXISTS { MATCH (i:Introduction {id: n.subjectId})
       WHERE NOT coalesce(i.deleted, false) AND ${visibleTo('i', true)} })
  AND (n.subjectKind <> 'Segment' OR EXISTS { MATCH (s:Segment {id: n.subjectId})
       WHERE NOT s.deleted AND ${visibleTo('s')} })`;

const subjectName = `coalesce(COLLECT { MATCH (x:Person {id: SUBJECT}) RETURN x.name }[0],
  COLLECT { MATCH (x:Introduction {id: SUBJECT}) RETURN x.name }[0],
  COLLECT { MATCH (x:Segment {id: SUBJECT}) RETURN x.name }[0])`;

const watchReturn = `w {.id, .targetKind, .targetId, createdAt: toString(w.createdAt),
  targetName: ${subjectName.replaceAll('SUBJECT', 'w.targetId')}} AS watch`;

/**
 * Adds the segment members `ids` not yet seen to the watch's snapshot; with `notify`, the unseen ones
 * become one `new_members` notification. Returns how many were added.
 */
export async function addSeenMembers(
  tx: Tx,
  p: { watchId: string; ids: string[]; notify: boolean; notificationId: string },
): Promise<number> {
  const rows = await tx.run<{ added: number; names: string[]; segmentId: string }>(
    `MATCH (w:Watch {id: $watchId})
     CALL (w) {
       UNWIND $ids AS pid MATCH (p:Person {id: pid}) WHERE NOT p.deleted AND NOT EXISTS { (w)-[:SAW]->(p) }
       CREATE (w)-[:SAW]->(p)
       WITH p ORDER BY p.id RETURN count(p) AS added, collect(p.name)[..20] AS names, collect(p.id)[..50] AS added_ids
     }
     SET w.checkedAt = datetime()
     WITH w, added, names, added_ids
     CALL (w, added, names, added_ids) {
       WITH w WHERE $notify AND added > 0
       CREATE (:Notification {id: $notificationId, accountId: w.accountId, watchId: w.id, kind: 'new_members',
                              subjectKind: 'Segment', subjectId: w.targetId, at: datetime(), actor: null,
                              read: false, teamId: null,
                              detail: toString(added) + ': ' + reduce(s = '', x IN names | s + CASE WHEN s = '' THEN '' ELSE '、' END + x),
                              changes: '{"members":[null,' + toString(added) + ']}'})
     }
     RETURN added, names, w.targetId AS segmentId`,
    p,
  );
  return rows[0]?.added ?? 0;
}

/** The account's watches of segments it may still see. */
export function readSegmentWatchesOf(db: Db, accountId: string, viewer: Viewer) {
  return db.read<{ watchId: string; segmentId: string }>(
    `MATCH (w:Watch {accountId: $me, targetKind: 'Segment'})
     MATCH (s:Segment {id: w.targetId}) WHERE NOT s.deleted AND ${visibleTo('s')}
     RETURN w.id AS watchId, s.id AS segmentId`,
    { me: accountId, ...viewer },
  );
}

/** Whether the record to watch exists and the viewer may see it. */
export async function canSeeWatchTarget(
  tx: Tx,
  kind: WatchKind,
  id: string,
  viewer: Viewer,
): Promise<boolean> {
  const found = await tx.run(`${visibleTarget[kind]} RETURN x.id`, { id, ...viewer });
  return found.length > 0;
}

/** The account's watch of the target, made if there is none (`created` says which). */
export async function mergeWatch(
  tx: Tx,
  p: { me: string; id: string; actor: string; kind: WatchKind; targetId: string },
): Promise<{ watch: Watch; created: boolean }> {
  const rows = await tx.run<{ watch: Watch; created: boolean }>(
    `MERGE (w:Watch {key: $me + '|' + $targetId})
     ON CREATE SET w.id = $id, w.accountId = $me, w.accountActor = $actor, w.targetKind = $kind,
                   w.targetId = $targetId, w.createdAt = datetime(), w.new = true
     WITH w, coalesce(w.new, false) AS created REMOVE w.new
     RETURN ${watchReturn}, created`,
    p,
  );
  return rows[0] as { watch: Watch; created: boolean };
}

/** Deletes the account's watch of the target; its id, or undefined when there was none. */
export async function deleteWatch(
  tx: Tx,
  accountId: string,
  targetId: string,
): Promise<string | undefined> {
  const rows = await tx.run<{ id: string }>(
    `MATCH (w:Watch {key: $key}) WITH w, w.id AS id DETACH DELETE w RETURN id`,
    { key: `${accountId}|${targetId}` },
  );
  return rows[0]?.id;
}

/** What the account watches, newest first. */
export async function readWatchesOf(db: Db, accountId: string): Promise<Watch[]> {
  const rows = await db.read<{ watch: Watch }>(
    `MATCH (w:Watch {accountId: $me}) RETURN ${watchReturn} ORDER BY w.createdAt DESC, w.id DESC`,
    { me: accountId },
  );
  return rows.map((r) => r.watch);
}

/** How many of the account's notifications the viewer may see (all, or the unread ones). */
export async function countNotifications(
  db: Db,
  accountId: string,
  unreadOnly: boolean,
  viewer: Viewer,
): Promise<number> {
  const rows = await db.read<{ n: number }>(
    `MATCH (n:Notification {accountId: $me}) WHERE (NOT $unreadOnly OR NOT n.read) AND ${notificationVisible}
     RETURN count(n) AS n`,
    { me: accountId, unreadOnly, ...viewer },
  );
  return rows[0]?.n ?? 0;
}

/** A page of the account's visible notifications, newest first, after the id `after` (keyset). */
export async function readNotificationsPage(
  db: Db,
  p: { me: string; after: string | null; unreadOnly: boolean; limit: number },
  viewer: Viewer,
): Promise<Notification[]> {
  const rows = await db.read<{ notification: Notification }>(
    `MATCH (n:Notification {accountId: $me})
     WHERE ($after IS NULL OR n.id < $after) AND (NOT $unreadOnly OR NOT n.read)
       AND ${notificationVisible}
     WITH n ORDER BY n.id DESC LIMIT $limit
     RETURN n {.id, .kind, .subjectKind, .subjectId, .detail, .changes, .actor, .read,
               at: toString(n.at), subjectName: ${subjectName.replaceAll('SUBJECT', 'n.subjectId')}} AS notification`,
    { ...p, ...viewer },
  );
  return rows.map((r) => r.notification);
}

/** Marks the account's unread notifications read (all, or those in `ids`); returns how many. */
export async function markNotificationsRead(
  tx: Tx,
  p: { me: string; all: boolean; ids: string[] },
): Promise<number> {
  const rows = await tx.run<{ n: number }>(
    `MATCH (n:Notification {accountId: $me}) WHERE NOT n.read AND ($all OR n.id IN $ids)
     SET n.read = true, n.readAt = datetime() RETURN count(n) AS n`,
    p,
  );
  return rows[0]?.n ?? 0;
}
