/**
 * Delivery state on an invitation (the INVITED_TO tie): `delivery` (queued, sending, sent, failed,
 * skipped), `deliveryChannel`, `deliveryError` (the SMTP reason), `deliveryJob`, `sentAt`, `sendCount`.
 * A notice of an event's change has the same, prefixed `notice` (`notice`, `noticeError`, `noticeAt`,
 * `noticeSentAt`, `noticeCount`, `noticeJob`, and `noticeVersion`: the event change it told of).
 * A sent message is also an (:Interaction) in the person's log (channel email, the subject as note),
 * in the same transaction as the status.
 */

import type { Tx } from '../../../server/db/run.ts';
import { ulid } from '../../../server/ids.ts';
import { recordChange } from '../../shared/history.ts';
import type { DeliveryChannel, DeliveryStatus } from './channel.ts';

export interface DeliveryOutcome {
  invitationId: string;
  status: Extract<DeliveryStatus, 'sent' | 'failed' | 'skipped'>;
  channel: DeliveryChannel;
  actor: string;
  /** Why it failed or was skipped. */
  error?: string | null;
  /** For a sent message: its subject (kept in the interaction log) and id. */
  subject?: string;
  messageId?: string;
  /** Which status it sets: the invitation's delivery, its change notice's, or none (a confirmation). */
  kind?: 'invitation' | 'confirmation' | 'change';
}

export async function recordDelivery(tx: Tx, outcome: DeliveryOutcome): Promise<void> {
  const kind = outcome.kind ?? 'invitation';
  const rows = await tx.run<{ personId: string; teamId: string | null; before: string | null }>(
    `MATCH (p:Person)-[r:INVITED_TO {id: $id}]->(e:Event)
     WITH p, r, e, CASE $kind WHEN 'change' THEN r.notice ELSE r.delivery END AS before
     CALL (r) {
       WITH r WHERE $kind = 'change'
       SET r.notice = $status, r.noticeError = $error, r.noticeAt = datetime(),
           r.noticeSentAt = CASE WHEN $status = 'sent' THEN datetime() ELSE r.noticeSentAt END,
           r.noticeCount = coalesce(r.noticeCount, 0) + CASE WHEN $status = 'sent' THEN 1 ELSE 0 END
     }
     CALL (r) {
       WITH r WHERE $kind = 'invitation'
       SET r.delivery = $status, r.deliveryChannel = $channel, r.deliveryError = $error,
           r.deliveredAt = datetime(),
           r.sentAt = CASE WHEN $status = 'sent' THEN datetime() ELSE r.sentAt END,
           r.messageId = CASE WHEN $status = 'sent' THEN $messageId ELSE r.messageId END,
           r.sendCount = coalesce(r.sendCount, 0) + CASE WHEN $status = 'sent' THEN 1 ELSE 0 END
     }
     RETURN p.id AS personId, e.teamId AS teamId, before`,
    {
      id: outcome.invitationId,
      kind,
      status: outcome.status,
      channel: outcome.channel,
      error: outcome.error ?? null,
      messageId: outcome.messageId ?? null,
    },
  );
  const row = rows[0];
  if (!row) return;
  if (outcome.status === 'sent' && outcome.channel === 'email') {
    const interactionId = ulid();
    await tx.run(
      `MATCH (p:Person {id: $personId})
       CREATE (:Interaction {id: $interactionId, personId: $personId, channel: 'email', at: datetime(),
                             note: $subject, teamId: $teamId, createdBy: $actor, createdAt: datetime(),
                             invitationId: $invitationId, messageId: $messageId})-[:ON]->(p)`,
      {
        personId: row.personId,
        interactionId,
        subject: outcome.subject ?? null,
        teamId: row.teamId,
        actor: outcome.actor,
        invitationId: outcome.invitationId,
        messageId: outcome.messageId ?? null,
      },
    );
    await recordChange(tx, {
      entityId: row.personId,
      op: 'update',
      actor: outcome.actor,
      changes: { interaction: [null, `email (${interactionId})`] },
      teamId: row.teamId,
    });
  }
  if (kind !== 'confirmation') {
    const field = kind === 'change' ? 'changeNotice' : 'delivery';
    await recordChange(tx, {
      entityId: outcome.invitationId,
      tieId: outcome.invitationId,
      op: 'tie_update',
      actor: outcome.actor,
      changes: {
        [field]: [row.before, outcome.status],
        ...(outcome.error ? { [`${field}Error`]: [null, outcome.error] } : {}),
      },
    });
  }
}
