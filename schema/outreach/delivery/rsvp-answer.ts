/**
 * An invitee's answer from their RSVP page: it moves the invitation through the same lifecycle as
 * staff changes (capacity, waitlist), recorded with channel `link` and the person as actor. After an
 * acceptance a confirmation with the calendar file is e-mailed (when e-mail is on and allowed).
 */
import type { Logger } from 'pino';
import type { Db } from '../../../server/db/run.ts';
import { ConflictError } from '../../shared/errors.ts';
import { moveInvitation } from '../invitation-moves.ts';
import type { InvitationStatus } from '../stages.ts';
import { composeMessage } from './compose.ts';
import type { Delivery } from './delivery.ts';
import { contactRefusal, type InvitationData, loadInvitationData } from './invitation-data.ts';
import { rsvpOpenUntil } from './links.ts';
import { recordDelivery } from './record-delivery.ts';

export const rsvpAnswers = ['accept', 'accept_with_colleague', 'decline'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

export type RsvpOutcome =
  | { kind: 'gone' }
  | { kind: 'closed' }
  | { kind: 'refused'; reason: string }
  | { kind: 'unchanged'; status: InvitationStatus }
  | { kind: 'moved'; status: InvitationStatus };

/** Whether answers are still taken: before the link expires, and while the event is planned or open. */
export function rsvpOpen(data: InvitationData, now = new Date()): boolean {
  return (
    now < rsvpOpenUntil(data.event.startsAt) && ['planned', 'open'].includes(data.event.status)
  );
}

const target = (answer: RsvpAnswer): InvitationStatus =>
  answer === 'decline' ? 'declined' : 'accepted';

export async function answerInvitation(
  db: Db,
  invitationId: string,
  answer: RsvpAnswer,
): Promise<{ outcome: RsvpOutcome; data: InvitationData | null }> {
  return db.writeTx(async (tx) => {
    const data = await loadInvitationData(tx, invitationId);
    if (!data) return { outcome: { kind: 'gone' }, data };
    if (!rsvpOpen(data)) return { outcome: { kind: 'closed' }, data };
    const to = target(answer);
    const withColleague = answer === 'accept_with_colleague';
    // Accepting again (with or without a colleague) changes nothing: a new answer would need a seat.
    const same = data.status === to || (data.status === 'waitlisted' && to === 'accepted');
    if (same) return { outcome: { kind: 'unchanged', status: data.status }, data };
    try {
      const moved = await moveInvitation(tx, {
        id: invitationId,
        to,
        actor: `Person:${data.person.id}`,
        channel: 'link',
        withColleague,
      });
      return { outcome: { kind: 'moved', status: moved.to }, data };
    } catch (error) {
      if (error instanceof ConflictError) {
        return { outcome: { kind: 'refused', reason: error.message }, data };
      }
      throw error;
    }
  });
}

/** E-mails the confirmation of an acceptance (or waitlisting); failures are logged, not thrown. */
export async function sendConfirmation(
  db: Db,
  delivery: Delivery,
  invitationId: string,
  status: 'accepted' | 'waitlisted',
  logger: Logger,
): Promise<void> {
  const channel = delivery.email;
  if (!channel) return;
  try {
    const data = await loadInvitationData(db, invitationId);
    if (!data?.person.email || contactRefusal(data.person)) return;
    const message = composeMessage(delivery, data, data.person.email, { confirmation: status });
    const { messageId } = await channel.send(message);
    await db.writeTx((tx) =>
      recordDelivery(tx, {
        invitationId,
        status: 'sent',
        channel: 'email',
        actor: `Person:${data.person.id}`,
        subject: message.subject,
        messageId,
        kind: 'confirmation',
      }),
    );
  } catch (error) {
    logger.warn({ err: error, invitationId }, 'confirmation e-mail not sent');
  }
}
