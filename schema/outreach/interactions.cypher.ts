/** The Cypher of notes, interactions and activity timelines. */
import type { Db, Tx } from '../../server/db/run.ts';
import { invitedAtOf } from './invitations.cypher.ts';
import { type Viewer, visibleTo } from './visibility.ts';

/** Something that happened with a person or organisation, for the activity timeline. */
export interface TimelineItem {
  at: string;
  kind: string;
  summary: string;
  channel: string | null;
  status: string | null;
  recordKind: string;
  recordId: string;
}

export interface Interaction {
  id: string;
  channel: string;
  at: string;
  note: string | null;
  createdBy: string;
}

/** Introductions joined to `x` by `types`, and each of their stage moves, as timeline rows. */
const introductionItems = (types: string) => `  MATCH (x)<-[${types}]-(i:Introduction)
  WHERE NOT coalesce(i.deleted, false) AND ${visibleTo('i', true)}
  OPTIONAL MATCH (i)-[:MOVED]->(m:StageMove)
  RETURN coalesce(m.at, i.createdAt) AS at,
         CASE WHEN m IS NULL OR m.from IS NULL THEN 'introduction' ELSE 'stage_change' END AS kind,
         i.name AS summary, i.channel AS channel, coalesce(m.to, i.stage) AS status,
         'Introduction' AS recordKind, i.id AS recordId`;

/** Notes about `x`, as timeline rows. */
const noteItems = `  MATCH (x)<-[:ABOUT]-(n:Note) WHERE ${visibleTo('n')}
  RETURN n.at AS at, 'note' AS kind, n.text AS summary, null AS channel, null AS status,
         'Note' AS recordKind, n.id AS recordId`;

/**
 * The newest `$first` rows of all the `parts` (each returns the same columns). Sorted on the
 * date-times themselves: their strings drop trailing zeros (…01.12Z after …01.123Z).
 */
const timeline = (parts: string[]) => `
CALL (x) {
${parts.join('\n  UNION ALL\n')}
}
WITH at, kind, summary, channel, status, recordKind, recordId
ORDER BY at DESC, recordId LIMIT $first
RETURN toString(at) AS at, kind, summary, channel, status, recordKind, recordId`;

/** Notes, interactions, invitations, attendance, introductions and stage moves of a person. */
const personTimeline = timeline([
  noteItems,
  `  MATCH (x)<-[:ON]-(n:Interaction) WHERE ${visibleTo('n')}
  RETURN n.at AS at, 'interaction' AS kind, coalesce(n.note, '') AS summary, n.channel AS channel,
         null AS status, 'Interaction' AS recordKind, n.id AS recordId`,
  `  MATCH (x)-[r:INVITED_TO]->(e:Event) WHERE NOT coalesce(r.deleted, false) AND ${visibleTo('e')}
  RETURN ${invitedAtOf('r')} AS at, 'invitation' AS kind, e.name AS summary, 'event' AS channel,
         'invited' AS status, 'Invitation' AS recordKind, r.id AS recordId`,
  `  MATCH (x)-[r:INVITED_TO]->(e:Event) WHERE NOT coalesce(r.deleted, false) AND ${visibleTo('e')}
  // Status moves only (they start with "status"); delivery changes are in the interactions.
  MATCH (c:Change {tieId: r.id}) WHERE c.changes STARTS WITH '{"status"'
  RETURN c.at AS at, 'invitation_status' AS kind, e.name AS summary, 'event' AS channel,
         c.changes AS status, 'Invitation' AS recordKind, r.id AS recordId`,
  introductionItems(':TALENT|INTRODUCER'),
]);

/** Notes, introductions and stage moves targeting an organisation, and the events it organised. */
const organizationTimeline = timeline([
  noteItems,
  introductionItems(':TARGET'),
  `  MATCH (x)<-[:ORGANIZED_BY]-(e:Event) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
  RETURN coalesce(e.startsAt, e.createdAt) AS at, 'event' AS kind, e.name AS summary, null AS channel,
         e.status AS status, 'Event' AS recordKind, e.id AS recordId`,
]);

/** The newest `first` timeline items of a person or organisation the viewer may see. */
export function readTimeline(
  db: Db,
  label: 'Person' | 'Organization',
  id: string,
  first: number,
  viewer: Viewer,
) {
  const body = label === 'Person' ? personTimeline : organizationTimeline;
  return db.read<TimelineItem>(`MATCH (x:${label} {id: $id}) ${body}`, { id, first, ...viewer });
}

/** The person's newest `first` interactions the viewer may see. */
export function readInteractionsOf(db: Db, personId: string, first: number, viewer: Viewer) {
  return db.read<Interaction>(
    `MATCH (:Person {id: $id})<-[:ON]-(i:Interaction) WHERE ${visibleTo('i')}
     RETURN i.id AS id, i.channel AS channel, toString(i.at) AS at, i.note AS note, i.createdBy AS createdBy
     ORDER BY i.at DESC, i.id LIMIT $first`,
    { id: personId, first, ...viewer },
  );
}

/** Logs an interaction with the person (`at` null: now). */
export async function createInteraction(
  tx: Tx,
  p: {
    personId: string;
    id: string;
    channel: string;
    at: string | null;
    note: string | null;
    teamId: string | null;
    actor: string;
  },
): Promise<Interaction> {
  const rows = await tx.run<Interaction>(
    `MATCH (p:Person {id: $personId})
     CREATE (i:Interaction {id: $id, personId: $personId, channel: $channel,
                            at: CASE WHEN $at IS NULL THEN datetime() ELSE datetime($at) END,
                            note: $note, teamId: $teamId, createdBy: $actor, createdAt: datetime()})-[:ON]->(p)
     RETURN i.id AS id, i.channel AS channel, toString(i.at) AS at, i.note AS note, i.createdBy AS createdBy`,
    p,
  );
  return rows[0] as Interaction;
}

/** Adds a note about a person or organisation. */
export async function createNote(
  tx: Tx,
  kind: 'Person' | 'Organization',
  p: { subjectId: string; id: string; text: string; teamId: string | null; actor: string },
): Promise<void> {
  await tx.run(
    `MATCH (s:${kind} {id: $subjectId})
     CREATE (:Note {id: $id, text: $text, at: datetime(), teamId: $teamId, createdBy: $actor})-[:ABOUT]->(s)`,
    p,
  );
}
