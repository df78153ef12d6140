/** The Cypher of events (see events.graphql.ts for the model). */
import type { Db, Tx } from '../../server/db/run.ts';
import { bumpEventSequence } from './delivery/event-change.ts';
import type { EventStatus } from './stages.ts';
import { type Viewer, visibleTo } from './visibility.ts';

export interface OutreachEvent {
  id: string;
  name: string;
  kind: string;
  startsAt: string | null;
  timeZone: string | null;
  venue: string | null;
  capacity: number | null;
  status: EventStatus;
  cityId: string | null;
  organiserId: string | null;
  colleaguesAllowed: boolean;
  createdAt: string;
  /** The last change of date, time zone, place or status that the people coming must hear about. */
  changedAt: string | null;
}

const eventReturn = `e {.id, .name, .kind, .timeZone, .venue, .capacity, .status,
  startsAt: toString(e.startsAt), createdAt: toString(e.createdAt), changedAt: toString(e.changedAt),
  colleaguesAllowed: coalesce(e.colleaguesAllowed, false),
  cityId: COLLECT { MATCH (e)-[:HELD_IN]->(p:Place) RETURN p.id }[0],
  organiserId: COLLECT { MATCH (e)-[:ORGANIZED_BY]->(o:Organization) RETURN o.id }[0]} AS event`;

/** The event, if the viewer may see it. */
export async function readEvent(db: Db, id: string, viewer: Viewer): Promise<OutreachEvent | null> {
  const rows = await db.read<{ event: OutreachEvent }>(
    `MATCH (e:Event {id: $id}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
     RETURN ${eventReturn}`,
    { id, ...viewer },
  );
  return rows[0]?.event ?? null;
}

/** The events the viewer may see with one of `statuses` (null: any), latest first. */
export async function readEvents(
  db: Db,
  page: { statuses: readonly EventStatus[] | null; first: number },
  viewer: Viewer,
): Promise<OutreachEvent[]> {
  const rows = await db.read<{ event: OutreachEvent }>(
    `MATCH (e:Event) WHERE NOT coalesce(e.deleted, false) AND ($statuses IS NULL OR e.status IN $statuses)
           AND ${visibleTo('e')}
         WITH e ORDER BY e.startsAt DESC, e.id LIMIT $first RETURN ${eventReturn}`,
    { ...page, ...viewer },
  );
  return rows.map((r) => r.event);
}

export async function createEvent(
  tx: Tx,
  event: {
    id: string;
    name: string;
    kind: string;
    startsAt: string;
    timeZone: string;
    venue: string | null;
    capacity: number | null;
    colleaguesAllowed: boolean;
    city: string | null;
    organiser: string | null;
    teamId: string | null;
    actor: string;
  },
): Promise<void> {
  await tx.run(
    `CREATE (e:Event {id: $id, name: $name, kind: $kind, startsAt: datetime($startsAt),
                            timeZone: $timeZone, venue: $venue, capacity: $capacity, status: 'planned',
                            colleaguesAllowed: $colleaguesAllowed,
                            teamId: $teamId, createdBy: $actor, createdAt: datetime(),
                            updatedAt: datetime(), deleted: false})
           WITH e OPTIONAL MATCH (p:Place {id: $city}) OPTIONAL MATCH (o:Organization {id: $organiser})
           FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (e)-[:HELD_IN]->(p))
           FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (e)-[:ORGANIZED_BY]->(o))`,
    event,
  );
}

/**
 * Bumps the sequence of an event the viewer may see (the calendar's update counter) and returns its
 * status; undefined when there is no such event.
 */
export async function bumpVisibleEvent(
  tx: Tx,
  id: string,
  viewer: Viewer,
): Promise<EventStatus | undefined> {
  const rows = await tx.run<{ status: EventStatus }>(
    `MATCH (e:Event {id: $id}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
           SET ${bumpEventSequence('e')} RETURN e.status AS status`,
    { id, ...viewer },
  );
  return rows[0]?.status;
}

export async function setEventStatus(tx: Tx, id: string, status: EventStatus): Promise<void> {
  await tx.run('MATCH (e:Event {id: $id}) SET e.status = $status', { id, status });
}

/** What an edit would change; null fields are not edited (city '' is "no city"). */
interface EventEdit {
  id: string;
  startsAt: string | null;
  timeZone: string | null;
  venueGiven: boolean;
  venue: string | null;
}

/**
 * The status of an event the viewer may see, and whether the edit leaves its date, time zone, venue
 * and city as they are; undefined when there is no such event.
 */
export async function readEventBeforeEdit(
  tx: Tx,
  edit: EventEdit & { city: string | null },
  viewer: Viewer,
): Promise<{ status: EventStatus; same: boolean } | undefined> {
  const rows = await tx.run<{ status: EventStatus; same: boolean }>(
    `MATCH (e:Event {id: $id}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
           RETURN e.status AS status,
             ($startsAt IS NULL OR datetime($startsAt) = e.startsAt)
             AND ($timeZone IS NULL OR $timeZone = e.timeZone)
             AND ($venueGiven = false OR coalesce($venue, '') = coalesce(e.venue, ''))
             AND ($city IS NULL OR $city = coalesce(COLLECT { MATCH (e)-[:HELD_IN]->(c:Place) RETURN c.id }[0], '')) AS same`,
    { ...edit, ...viewer },
  );
  return rows[0];
}

export async function updateEvent(
  tx: Tx,
  edit: EventEdit & { name: string | null; cityGiven: boolean; city: string | null },
): Promise<void> {
  await tx.run(
    `MATCH (e:Event {id: $id})
           SET ${bumpEventSequence('e')}, e.name = coalesce($name, e.name),
               e.startsAt = coalesce(datetime($startsAt), e.startsAt),
               e.timeZone = coalesce($timeZone, e.timeZone),
               e.venue = CASE WHEN $venueGiven THEN $venue ELSE e.venue END
           WITH e WHERE $cityGiven
           OPTIONAL MATCH (e)-[old:HELD_IN]->() DELETE old
           WITH DISTINCT e OPTIONAL MATCH (p:Place {id: $city})
           FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (e)-[:HELD_IN]->(p))`,
    { ...edit },
  );
}
