/**
 * Who and what an introduction is credited to, as Cypher expressions over an introduction `i`:
 * its introducer, event, channel, talent service station and recruitment consultant (招才顾问). The
 * outcome report cuts by each, and the consultant and station views reuse the same definitions.
 */

/** MEMBER_OF roles that make a person a recruitment consultant or talent ambassador. */
export const consultantRoles = ['招才顾问', '引才大使', '招才大使', '人才顾问', '顾问'] as const;

/** True when person `p` holds a current consultant membership (of a bureau, usually). */
export const isConsultant = (p: string) => `EXISTS {
  MATCH (${p})-[cr:MEMBER_OF]->(:Organization)
  WHERE NOT cr.deleted AND coalesce(cr.current, cr.to IS NULL)
    AND cr.role IN ${JSON.stringify(consultantRoles)} }`;

/** The talent service station that organised event `e` (a node, or null; null `e` gives null). */
const eventStation = (e: string) =>
  `COLLECT { MATCH (${e})-[:ORGANIZED_BY]->(so:Organization {type: 'talent_station'}) RETURN so }[0]`;

/** A talent service station person `p` currently works at or belongs to (lowest id), or null. */
const personStation = (p: string) => `COLLECT {
  MATCH (${p})-[sr:MEMBER_OF|WORKED_AT]->(so:Organization {type: 'talent_station'})
  WHERE NOT sr.deleted AND coalesce(sr.current, sr.to IS NULL) RETURN so ORDER BY so.id }[0]`;

/** The consultant account that recorded something (`createdBy`, an actor), as {key, name}, or null. */
const accountConsultant = (createdBy: string) => `COLLECT {
  MATCH (ca:Account {id: substring(coalesce(${createdBy}, ''), 8)})
  WHERE ca.role = 'consultant' AND ${createdBy} STARTS WITH 'Account:'
  RETURN {key: 'Account:' + ca.id, name: ca.name} }[0]`;

/**
 * The station of `i`: the talent service station that organised its event, else one its introducer
 * currently works at or belongs to. A node or null.
 */
export const stationOf = (i: string) => `coalesce(
  COLLECT { MATCH (${i})-[:VIA_EVENT]->(se:Event) RETURN ${eventStation('se')} AS station }[0],
  COLLECT { MATCH (${i})-[:INTRODUCER]->(sp:Person) RETURN ${personStation('sp')} AS station }[0])`;

/** `stationOf` for an introduction whose event `e` and introducer `p` (nodes or null) are at hand. */
export const stationVia = (e: string, p: string) =>
  `coalesce(${eventStation(e)}, ${personStation(p)})`;

/**
 * The consultant of `i` as {key, name} (key a global id): its introducer when that person is a
 * consultant, else the account that recorded it when that account has the consultant role; or null.
 */
export const consultantOf = (i: string) => `coalesce(
  COLLECT { MATCH (${i})-[:INTRODUCER]->(cp:Person) WHERE ${isConsultant('cp')}
            RETURN {key: 'Person:' + cp.id, name: cp.name} }[0],
  ${accountConsultant(`${i}.createdBy`)})`;

/** `consultantOf` for an introduction whose introducer `p` (node or null) and `createdBy` are at hand. */
export const consultantVia = (p: string, createdBy: string) => `coalesce(
  CASE WHEN ${isConsultant(p)} THEN {key: 'Person:' + ${p}.id, name: ${p}.name} END,
  ${accountConsultant(createdBy)})`;
