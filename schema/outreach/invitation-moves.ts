/**
 * Moving an invitation through its lifecycle (stages.ts) inside a write transaction, for staff
 * (setInvitationStatus) and for invitees answering through their RSVP link alike: the event row is
 * locked so capacity checks of one event run one at a time, accepting a full event waitlists, and a
 * seat given up goes to the first waitlisted. Every move is a (:Change) in the invitation's history.
 */

import type { Tx } from '../../server/db/run.ts';
import { ConflictError } from '../shared/errors.ts';
import { recordChange } from '../shared/history.ts';
import { enumParam } from '../shared/words/words.ts';
import { type InvitationStatus, invitationMoveProblem, seated } from './stages.ts';

/** Locks the event row: capacity checks and duplicate checks of one event run one at a time. */
export const lockEvent = (tx: Tx, eventId: string) =>
  tx.run('MATCH (e:Event {id: $eventId}) SET e.inviteLock = 1 REMOVE e.inviteLock', { eventId });

/** Seats taken at event `$eventId`: each accepted or attended invitation, plus its colleague. */
export const seatsTakenCypher = `MATCH (:Person)-[r:INVITED_TO]->(:Event {id: $eventId})
  WHERE r.status IN $seated AND NOT coalesce(r.deleted, false)
  RETURN coalesce(sum(CASE WHEN r.withColleague THEN 2 ELSE 1 END), 0) AS n`;

async function seatsTaken(tx: Tx, eventId: string): Promise<number> {
  const rows = await tx.run<{ n: number }>(seatsTakenCypher, { eventId, seated });
  return rows[0]?.n ?? 0;
}

export interface InvitationMove {
  id: string;
  to: InvitationStatus;
  actor: string;
  note?: string | null;
  /** How the answer came: `link` for the invitee's RSVP page; null for staff. */
  channel?: 'link' | null;
  /** Accepting for two: the invitee brings a colleague (only where the event allows it). */
  withColleague?: boolean;
}

async function setStatus(
  tx: Tx,
  move: InvitationMove & { from: InvitationStatus; withColleague: boolean },
): Promise<void> {
  await tx.run(
    `MATCH ()-[r:INVITED_TO {id: $id}]->()
     SET r.status = $to, r.updatedAt = datetime(), r.withColleague = $withColleague,
         r.waitlistedAt = CASE WHEN $to = 'waitlisted' THEN datetime() ELSE r.waitlistedAt END`,
    { id: move.id, to: move.to, withColleague: move.withColleague },
  );
  await recordChange(tx, {
    entityId: move.id,
    tieId: move.id,
    op: 'tie_update',
    actor: move.actor,
    changes: {
      status: [move.from, move.to],
      ...(move.note ? { note: [null, move.note] } : {}),
      ...(move.channel ? { channel: [null, move.channel] } : {}),
      ...(move.withColleague ? { withColleague: [false, true] } : {}),
    },
  });
}

/**
 * Moves invitation `id` (whose visibility the caller checked) to `to`; returns the status it got
 * (`waitlisted` when accepting a full event). Throws ConflictError for a move the lifecycle forbids.
 */
export async function moveInvitation(
  tx: Tx,
  move: InvitationMove,
): Promise<{ from: InvitationStatus; to: InvitationStatus }> {
  const events = await tx.run<{ eventId: string }>(
    'MATCH ()-[r:INVITED_TO {id: $id}]->(e:Event) RETURN e.id AS eventId',
    { id: move.id },
  );
  const eventId = events[0]?.eventId;
  if (!eventId)
    throw new ConflictError('the invitation is gone', ['id'], { code: 'invitation_gone' });
  await lockEvent(tx, eventId);
  // Read after the lock: a concurrent answer to the same event has committed by now.
  const rows = await tx.run<{
    from: InvitationStatus;
    capacity: number | null;
    eventStatus: string;
    colleaguesAllowed: boolean;
  }>(
    `MATCH ()-[r:INVITED_TO {id: $id}]->(e:Event)
     RETURN r.status AS from, e.capacity AS capacity, e.status AS eventStatus,
            coalesce(e.colleaguesAllowed, false) AS colleaguesAllowed`,
    { id: move.id },
  );
  const found = rows[0];
  if (!found)
    throw new ConflictError('the invitation is gone', ['id'], { code: 'invitation_gone' });
  const { from } = found;
  const problem = invitationMoveProblem(from, move.to);
  if (problem) {
    throw new ConflictError(problem, ['status'], {
      code: 'invitation_move',
      params: {
        from: enumParam('InvitationStatus', from),
        to: enumParam('InvitationStatus', move.to),
      },
    });
  }
  const withColleague = move.to === 'accepted' && move.withColleague === true;
  if (withColleague && !found.colleaguesAllowed) {
    throw new ConflictError('this event does not take colleagues', ['withColleague'], {
      code: 'no_colleagues',
    });
  }
  if (move.to === 'accepted' && found.eventStatus === 'cancelled') {
    throw new ConflictError('the event is cancelled', ['status'], {
      code: 'event_closed',
      params: { status: enumParam('EventStatus', 'cancelled') },
    });
  }
  let to = move.to;
  if (to === 'accepted' && found.capacity != null) {
    const wanted = withColleague ? 2 : 1;
    if ((await seatsTaken(tx, eventId)) + wanted > found.capacity) to = 'waitlisted';
  }
  await setStatus(tx, { ...move, from, to, withColleague });
  if (from === 'accepted' && (to === 'declined' || to === 'cancelled') && found.capacity != null) {
    await promoteFromWaitlist(tx, eventId, found.capacity, move.actor);
  }
  return { from, to };
}

/**
 * Fills the seats a cancelled acceptance freed: in waitlist order, each waitlisted invitee whose party
 * (one seat, two with a colleague) still fits. A party of two never takes a single freed seat, so the
 * event is never overbooked; a later party of one may then go first.
 */
async function promoteFromWaitlist(
  tx: Tx,
  eventId: string,
  capacity: number,
  actor: InvitationMove['actor'],
): Promise<void> {
  let free = capacity - (await seatsTaken(tx, eventId));
  if (free <= 0) return;
  const waiting = await tx.run<{ id: string; withColleague: boolean }>(
    `MATCH (:Person)-[r:INVITED_TO {status: 'waitlisted'}]->(:Event {id: $eventId})
     WHERE NOT coalesce(r.deleted, false)
     RETURN r.id AS id, coalesce(r.withColleague, false) AS withColleague
     ORDER BY r.waitlistedAt, r.id`,
    { eventId },
  );
  for (const next of waiting) {
    const seats = next.withColleague ? 2 : 1;
    if (seats > free) continue;
    await setStatus(tx, {
      id: next.id,
      from: 'waitlisted',
      to: 'accepted',
      actor,
      note: 'promoted from the waitlist / 候补转正',
      withColleague: next.withColleague,
    });
    free -= seats;
    if (free === 0) return;
  }
}
