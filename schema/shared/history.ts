import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { notificationKind, notifyCypher } from './notify.ts';

type ChangeOp =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'tie_add'
  | 'tie_update'
  | 'tie_end'
  | 'tie_remove'
  | 'merge'
  | 'undo_merge'
  | 'judge';

/** One recorded change: who did what to which entity (or tie), with the values before and after. */
export interface ChangeRecord {
  entityId: string;
  op: ChangeOp;
  actor: string;
  /** Changed properties: name -> [before, after]. */
  changes: Record<string, [unknown, unknown]>;
  tieId?: string;
  /** The source the changed values came from (null: unsourced); per-field provenance reads it. */
  sourceId?: string | null;
  /** The tie's type (from the allow-list) when the change is to a tie: says "new job", "moved city". */
  tieKind?: string;
  /**
   * The team of the outreach record behind the change (claim, interaction, note; null = no team).
   * Set only by outreach writes: watchers see the notification only where that record is visible.
   */
  teamId?: string | null;
}

/**
 * Writes a (:Change) node in the caller's transaction, so the history is exactly as durable as the
 * change it describes (a rolled-back write leaves no entry), and in the same statement notifies the
 * watchers of the changed entity (`notify.ts`).
 */
export async function recordChange(tx: Tx, change: ChangeRecord): Promise<void> {
  await tx.run(
    `CREATE (c:Change {id: $id, at: datetime(), entityId: $entityId, tieId: $tieId, op: $op,
                      actor: $actor, changes: $changes, sourceId: $sourceId,
                      outreach: $outreach, teamId: $teamId})
     ${notifyCypher(change)}`,
    {
      notificationKind: notificationKind(change),
      teamId: change.teamId ?? null,
      // Outreach entries are read under the outreach rules (schema/outreach/visibility.ts); null
      // (not false) for the rest, so they stay as small as before.
      outreach: change.teamId !== undefined ? true : null,
      id: ulid(),
      entityId: change.entityId,
      tieId: change.tieId ?? null,
      sourceId: change.sourceId ?? null,
      op: change.op,
      actor: change.actor,
      changes: JSON.stringify(change.changes),
    },
  );
}

/** Records that `actor` created `entityId` with these values (each one as [null, value]). */
export function recordCreate(
  tx: Tx,
  entityId: string,
  actor: string,
  values: Record<string, unknown>,
): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(values).map(([k, v]): [string, [unknown, unknown]] => [k, [null, v]]),
  );
  return recordChange(tx, { entityId, op: 'create', actor, changes });
}

/** The properties whose value differs between `before` and `after`, as name -> [before, after]. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = [before[key] ?? null, after[key] ?? null];
    }
  }
  return changes;
}
