/**
 * What an invitation message, RSVP page and calendar file are made of: the invitation, its person
 * (with their e-mail address and contact rules) and the event, read in one query.
 */
import type { Db, Tx } from '../../../server/db/run.ts';
import { isContactable } from '../../personal-data/consent.ts';
import type { Language } from '../../shared/entity-kinds.ts';
import type { EventStatus, InvitationStatus } from '../stages.ts';
import { eventSequence } from './event-change.ts';

export interface InvitationData {
  invitationId: string;
  status: InvitationStatus;
  withColleague: boolean;
  person: {
    id: string;
    name: string;
    latinName: string | null;
    title: string | null;
    preferredLanguage: Language | null;
    doNotContact: boolean;
    consentStatus: string;
    /** The first e-mail contact, or null. Personal data: only the sending job and previews read it. */
    email: string | null;
  };
  event: {
    id: string;
    name: string;
    startsAt: string;
    timeZone: string;
    venue: string | null;
    city: string | null;
    cityLatin: string | null;
    host: string | null;
    hostLatin: string | null;
    status: EventStatus;
    /** The calendar SEQUENCE: grows with every change of the event (event-change.ts). */
    sequence: number;
    colleaguesAllowed: boolean;
  };
}

/** The Cypher that returns `data` for each invitation `r` of person `p` to event `e` in scope. */
export const invitationDataReturn = `{
  invitationId: r.id, status: r.status, withColleague: coalesce(r.withColleague, false),
  person: p {.id, .name, .latinName, .title, .preferredLanguage,
             doNotContact: coalesce(p.doNotContact, false),
             consentStatus: coalesce(p.consentStatus, 'unknown'),
             email: COLLECT { MATCH (p)-[:HAS_CONTACT]->(c:Contact {kind: 'email'})
                              RETURN c.value ORDER BY c.id LIMIT 1 }[0]},
  event: e {.id, .name, .venue, .status, startsAt: toString(e.startsAt),
            timeZone: coalesce(e.timeZone, 'Asia/Shanghai'),
            sequence: ${eventSequence('e')},
            colleaguesAllowed: coalesce(e.colleaguesAllowed, false),
            city: COLLECT { MATCH (e)-[:HELD_IN]->(c:Place) RETURN c.name }[0],
            cityLatin: COLLECT { MATCH (e)-[:HELD_IN]->(c:Place) RETURN c.latinName }[0],
            host: COLLECT { MATCH (e)-[:ORGANIZED_BY]->(o:Organization) RETURN o.name }[0],
            hostLatin: COLLECT { MATCH (e)-[:ORGANIZED_BY]->(o:Organization) RETURN o.latinName }[0]}
} AS data`;

/** One live invitation with its person and event, or null. */
export async function loadInvitationData(
  db: Db | Tx,
  invitationId: string,
): Promise<InvitationData | null> {
  const query = `MATCH (p:Person)-[r:INVITED_TO {id: $id}]->(e:Event)
     WHERE NOT coalesce(r.deleted, false) AND NOT coalesce(e.deleted, false)
     RETURN ${invitationDataReturn}`;
  const rows =
    'read' in db
      ? await db.read<{ data: InvitationData }>(query, { id: invitationId })
      : await db.run<{ data: InvitationData }>(query, { id: invitationId });
  return rows[0]?.data ?? null;
}

const cjk = /[\u3400-\u9fff]/;

/** The person's chosen language; without one, Chinese for a Chinese name and English otherwise. */
export function languageOf(person: InvitationData['person']): Language {
  return person.preferredLanguage ?? (cjk.test(person.name) ? 'zh' : 'en');
}

/** Why this person may not be written to now (the consent rule: personal-data/consent.ts), or null. */
export function contactRefusal(person: InvitationData['person']): string | null {
  if (isContactable(person)) return null;
  return person.doNotContact
    ? 'do-not-contact / 勿联系'
    : `consent ${person.consentStatus} / 未同意联系`;
}
