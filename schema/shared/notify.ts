/**
 * Watches and notifications: which kind of notification a recorded change is, and the Cypher that
 * writes one (:Notification) per watcher of the changed record. `recordChange` runs it in the same
 * statement as the (:Change) it writes, so every write of the API notifies from this one place, in the
 * transaction of the change (a rolled-back write notifies nobody).
 *
 * Segments are live filters, so their new members are found when the watcher asks (see
 * `schema/outreach/watches.graphql.ts`), not here.
 */
import { tieKinds } from '../tie/tie-kinds.ts';
import type { ChangeRecord } from './history.ts';

export const notificationKinds = [
  'new_job',
  'ended_job',
  'moved_city',
  'edited',
  'activity',
  'stage_changed',
  'new_members',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

const after = (change: ChangeRecord, key: string) => change.changes[key]?.[1];

/** What a change means to a watcher of its entity. Pure. */
export function notificationKind(change: ChangeRecord): NotificationKind {
  if ('stage' in change.changes) return 'stage_changed';
  // An outreach record about the person (claim, interaction, note): shown only where it is visible.
  if (change.teamId !== undefined) return 'activity';
  const ended = after(change, 'current') === false || after(change, 'to') != null;
  if (change.tieKind === 'WORKED_AT') {
    if (change.op === 'tie_add') return ended ? 'ended_job' : 'new_job';
    if (change.op === 'tie_end' || (change.op === 'tie_update' && ended)) return 'ended_job';
  }
  if (change.tieKind === 'LIVES_IN' && change.op === 'tie_add' && !ended) return 'moved_city';
  return 'edited';
}

/**
 * Appended to the statement that created `c` (the Change): one Notification per watch of the changed
 * entity, except for the watcher's own changes. `detail` is the name at the other end of the tie (the
 * new employer, the new city). The tie type comes from the allow-list only.
 */
export function notifyCypher(change: ChangeRecord): string {
  const kind = change.tieKind && change.tieKind in tieKinds ? change.tieKind : null;
  const other = kind
    ? `OPTIONAL MATCH ()-[t:${kind} {id: $tieId}]->(o) WITH c, w, o.name AS detail`
    : 'WITH c, w, null AS detail';
  return `WITH c
CALL (c) {
  MATCH (w:Watch {targetId: $entityId}) WHERE w.accountActor <> $actor
  ${other}
  CREATE (:Notification {id: c.id + '-' + w.id, accountId: w.accountId, watchId: w.id,
                         kind: $notificationKind, subjectKind: w.targetKind, subjectId: $entityId,
                         changeId: c.id, at: c.at, actor: $actor, read: false, teamId: $teamId, detail: detail,
                         changes: $changes})
}`;
}
