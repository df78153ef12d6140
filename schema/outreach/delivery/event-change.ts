/**
 * Changes of an event that the people coming must hear about: its date and time, time zone, place
 * (city, venue) or its cancellation. Each such change stamps the event's `changedAt` (the version
 * that change notices are idempotent on) and keeps, until the next notice is queued, the facts as
 * they were last announced (`noticeBaseline`), so the notice can say what changed.
 * Every change of an event bumps its calendar SEQUENCE.
 */
import type { Tx } from '../../../server/db/run.ts';

/** What invitees were told about the event: the facts a change notice compares. */
export interface EventFacts {
  startsAt: string;
  timeZone: string;
  venue: string | null;
  city: string | null;
  cityLatin: string | null;
  status: string;
}

/**
 * The calendar SEQUENCE of event `e`: once minutes since 1970 of its last change (files mailed
 * before `sequence` existed carry that), now a counter that never repeats and fits 32 bits.
 */
export const eventSequence = (e: string) =>
  `coalesce(${e}.sequence, coalesce(${e}.updatedAt, ${e}.createdAt).epochSeconds / 60)`;

/** A SET clause for any change of event `e`: a higher SEQUENCE, so calendars take the new file. */
export const bumpEventSequence = (e: string) =>
  `${e}.updatedAt = datetime(),
   ${e}.sequence = CASE WHEN ${eventSequence(e)} >= datetime().epochSeconds / 60
     THEN ${eventSequence(e)} + 1 ELSE datetime().epochSeconds / 60 END`;

const eventFactsReturn = (e: string) => `${e} {startsAt: toString(${e}.startsAt),
  timeZone: coalesce(${e}.timeZone, 'Asia/Shanghai'), .venue, .status,
  city: COLLECT { MATCH (${e})-[:HELD_IN]->(c:Place) RETURN c.name }[0],
  cityLatin: COLLECT { MATCH (${e})-[:HELD_IN]->(c:Place) RETURN c.latinName }[0]}`;

/** Records, before it is written, a change invitees must hear about (call inside the change's tx). */
export async function noteNotifiableChange(tx: Tx, eventId: string): Promise<void> {
  const rows = await tx.run<{ facts: EventFacts }>(
    `MATCH (e:Event {id: $eventId}) RETURN ${eventFactsReturn('e')} AS facts`,
    { eventId },
  );
  if (!rows[0]) return;
  await tx.run(
    `MATCH (e:Event {id: $eventId})
     SET e.changedAt = datetime(), e.noticeBaseline = coalesce(e.noticeBaseline, $baseline)`,
    { eventId, baseline: JSON.stringify(rows[0].facts) },
  );
}

/**
 * The invitations `r` of event `e` owed a notice of its last change: people coming (accepted, or
 * holding a place in the waitlist's queue) who have been
 * told neither by an earlier notice of this version nor by an invitation mailed after the change.
 */
export const owesChangeNotice = (r: string, e: string) => `${e}.changedAt IS NOT NULL
  AND NOT coalesce(${r}.deleted, false) AND ${r}.status IN ['accepted', 'waitlisted']
  AND (${r}.noticeVersion IS NULL OR ${r}.noticeVersion < ${e}.changedAt)
  AND NOT coalesce(${r}.sentAt >= ${e}.changedAt, false)`;
