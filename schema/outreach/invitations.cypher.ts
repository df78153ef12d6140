/** The Cypher of invitations (see invitations.graphql.ts for the model, invitation-moves.ts for moves). */
import type { Db, Tx } from '../../server/db/run.ts';
import { contactable } from '../personal-data/consent.ts';
import type { DeliveryChannel, DeliveryStatus } from './delivery/channel.ts';
import { seatsTakenCypher } from './invitation-moves.ts';
import type { PeoplePart } from './segments.cypher.ts';
import { type InvitationStatus, seated } from './stages.ts';
import { type Viewer, visibleTo } from './visibility.ts';

export interface Invitation {
  id: string;
  personId: string;
  eventId: string;
  status: InvitationStatus;
  invitedAt: string;
  invitedBy: string | null;
  withColleague: boolean;
  /** How its e-mail went (delivery/); null until one is queued or it is marked sent by hand. */
  delivery: InvitationDelivery | null;
  /** How the notice of the event's last change went (delivery/event-change.ts); null if none. */
  changeNotice: InvitationDelivery | null;
}

export interface InvitationDelivery {
  status: DeliveryStatus;
  channel: DeliveryChannel | null;
  error: string | null;
  at: string | null;
  sentAt: string | null;
  sendCount: number;
}

export interface InviteResult {
  invited: number;
  alreadyInvited: number;
  doNotContact: number;
  noConsent: number;
}

/** Crockford's base 32, the alphabet of ULIDs: a character's index is its value. */
const ulidAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * When invitation `r` was sent. An invitation of a list (`inviteToEvent`) has no time of its own: its
 * id starts with the ULID of its batch, whose first ten characters are the time in milliseconds.
 * Invitations made before batches (and the seed's) keep `invitedAt` (or only `recordedAt`).
 */
export const invitedAtOf = (r: string) => `coalesce(${r}.invitedAt, ${r}.recordedAt,
  datetime({epochMillis: reduce(t = 0, c IN split(left(${r}.id, 10), '') | t * 32 + size(split('${ulidAlphabet}', c)[0]))}))`;

/** Who sent invitation `r`: its own `invitedBy`, else its batch's sender (see `invitedAtOf`). */
const invitedByOf = (r: string) => `coalesce(${r}.invitedBy,
  head(COLLECT { MATCH (b:InvitationBatch {id: left(${r}.id, 26)}) RETURN b.by }))`;

const invitationReturn = `r {.id, .status, invitedBy: ${invitedByOf('r')}, personId: p.id, eventId: e.id,
  withColleague: coalesce(r.withColleague, false),
  delivery: CASE WHEN r.delivery IS NULL THEN null ELSE {status: r.delivery, channel: r.deliveryChannel,
    error: r.deliveryError, at: toString(coalesce(r.deliveredAt, r.queuedAt)), sentAt: toString(r.sentAt),
    sendCount: coalesce(r.sendCount, 0)} END,
  changeNotice: CASE WHEN r.notice IS NULL THEN null ELSE {status: r.notice, channel: 'email',
    error: r.noticeError, at: toString(r.noticeAt), sentAt: toString(r.noticeSentAt),
    sendCount: coalesce(r.noticeCount, 0)} END,
  invitedAt: toString(${invitedAtOf('r')})} AS invitation`;

/** The invitation, if the viewer may see its event. */
export async function readInvitation(
  db: Db,
  id: string,
  viewer: Viewer,
): Promise<Invitation | null> {
  const rows = await db.read<{ invitation: Invitation }>(
    `MATCH (p:Person)-[r:INVITED_TO {id: $id}]->(e:Event) WHERE ${visibleTo('e')}
     RETURN ${invitationReturn}`,
    { id, ...viewer },
  );
  return rows[0]?.invitation ?? null;
}

/** Whether the invitation exists and the viewer may see its event. */
export async function invitationVisible(tx: Tx, id: string, viewer: Viewer): Promise<boolean> {
  const rows = await tx.run(
    `MATCH (:Person)-[r:INVITED_TO {id: $id}]->(e:Event) WHERE ${visibleTo('e')}
           RETURN r.id AS id`,
    { id, ...viewer },
  );
  return rows.length > 0;
}

/** The recorded changes of the invitation (JSON `changes`), oldest first. */
export function readInvitationChanges(
  db: Db,
  id: string,
): Promise<{ at: string; actor: string; changes: string }[]> {
  return db.read<{ at: string; actor: string; changes: string }>(
    `MATCH (c:Change {tieId: $id}) RETURN toString(c.at) AS at, c.actor AS actor, c.changes AS changes
     ORDER BY c.at, c.id`,
    { id },
  );
}

/** The event's invitations with one of `statuses` (null: any), waitlisted in queue order. */
export async function readEventInvitations(
  db: Db,
  page: { id: string; statuses: readonly InvitationStatus[] | null; first: number },
): Promise<Invitation[]> {
  const rows = await db.read<{ invitation: Invitation }>(
    `MATCH (p:Person)-[r:INVITED_TO]->(e:Event {id: $id})
         WHERE NOT coalesce(r.deleted, false) AND ($statuses IS NULL OR r.status IN $statuses)
         WITH p, r, e ORDER BY coalesce(r.waitlistedAt, ${invitedAtOf('r')}), r.id LIMIT $first
         RETURN ${invitationReturn}`,
    page,
  );
  return rows.map((r) => r.invitation);
}

export async function readSeatsTaken(db: Db, eventId: string): Promise<number> {
  const rows = await db.read<{ n: number }>(seatsTakenCypher, { eventId, seated });
  return rows[0]?.n ?? 0;
}

/** The status of an event the viewer may see; undefined when there is no such event. */
export async function readVisibleEventStatus(
  tx: Tx,
  eventId: string,
  viewer: Viewer,
): Promise<string | undefined> {
  const found = await tx.run<{ status: string }>(
    `MATCH (e:Event {id: $eventId}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
     RETURN e.status AS status`,
    { eventId, ...viewer },
  );
  return found[0]?.status;
}

export const peoplePart = (people: string[]): PeoplePart => ({
  cypher: 'UNWIND $people AS pid MATCH (n:Person {id: pid}) WHERE NOT n.deleted',
  params: { people },
});

/**
 * Invites the first `limit` people of `source` to the event: those not invited already who may be
 * contacted. One statement: the members, who is invited already (checked only when the event has
 * invitations at all: a new event's list skips one look per member) and who may not be contacted,
 * then one batched CREATE of the rest. Invitation ids: the ULID `batch` and the row number, so they
 * still sort by time. Each invitation keeps only its id and status; when and by whom it was sent are
 * the batch's (`InvitationBatch`, once per call; `invitedAtOf`). Writing the same time, sender and
 * `deleted` flag on each of 46,500 invitations took 2.7 s of the list's 3 s; `deleted` absent is
 * false to every reader.
 */
export async function inviteToEvent(
  tx: Tx,
  source: PeoplePart,
  invite: { eventId: string; limit: number; batch: string; actor: string },
): Promise<InviteResult | undefined> {
  const rows = await tx.run<InviteResult>(
    `MATCH (ev:Event {id: $eventId})
           WITH ev, EXISTS { (ev)<-[:INVITED_TO]-() } AS invitedBefore
           CALL () { ${source.cypher}
                     RETURN DISTINCT n ORDER BY n.id LIMIT $limit }
           WITH ev, n, coalesce(n.doNotContact, false) AS dnc, ${contactable('n')} AS ok,
                CASE WHEN invitedBefore
                     THEN EXISTS { (n)-[x:INVITED_TO]->(ev) WHERE NOT coalesce(x.deleted, false) }
                     ELSE false END AS dup
           WITH ev, collect(CASE WHEN ok AND NOT dup THEN n END) AS fresh,
                sum(CASE WHEN dup THEN 1 ELSE 0 END) AS alreadyInvited,
                sum(CASE WHEN dnc AND NOT dup THEN 1 ELSE 0 END) AS doNotContact,
                sum(CASE WHEN NOT ok AND NOT dnc AND NOT dup THEN 1 ELSE 0 END) AS noConsent
           CALL (ev, fresh) {
             UNWIND range(0, size(fresh) - 1) AS k
             WITH ev, fresh[k] AS p, k
             CREATE (p)-[:INVITED_TO {id: $batch + right('00000' + toString(k), 6), status: 'invited'}]->(ev)
           }
           CALL (ev, fresh) {
             WITH ev WHERE size(fresh) > 0
             CREATE (:InvitationBatch {id: $batch, eventId: ev.id, at: datetime(), by: $actor})
           }
           RETURN size(fresh) AS invited, alreadyInvited, doNotContact, noConsent`,
    { ...source.params, ...invite },
  );
  return rows[0];
}
