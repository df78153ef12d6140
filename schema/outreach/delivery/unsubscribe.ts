/**
 * The unsubscribe link of an e-mail: marks the person do-not-contact (audited as their own change),
 * which every later send and export honours.
 */
import type { Db } from '../../../server/db/run.ts';
import { recordChange } from '../../shared/history.ts';

/** Marks the invitee of `invitationId` do-not-contact; null when the invitation is gone. */
export async function unsubscribe(
  db: Db,
  invitationId: string,
): Promise<{ already: boolean } | null> {
  return db.writeTx(async (tx) => {
    const rows = await tx.run<{ personId: string; already: boolean }>(
      `MATCH (p:Person)-[r:INVITED_TO {id: $id}]->(:Event) WHERE NOT coalesce(r.deleted, false)
       RETURN p.id AS personId, coalesce(p.doNotContact, false) AS already`,
      { id: invitationId },
    );
    const row = rows[0];
    if (!row) return null;
    if (row.already) return { already: true };
    await tx.run('MATCH (p:Person {id: $id}) SET p.doNotContact = true, p.updatedAt = datetime()', {
      id: row.personId,
    });
    await recordChange(tx, {
      entityId: row.personId,
      op: 'update',
      actor: `Person:${row.personId}`,
      changes: { doNotContact: [false, true], via: [null, `unsubscribe link (${invitationId})`] },
    });
    return { already: false };
  });
}
