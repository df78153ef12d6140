/** The Cypher of segments and person lists (see segments.graphql.ts for the model). */
import type { Db, Tx } from '../../server/db/run.ts';
import { buildPersonFilter, type PersonFilter } from '../person/person-filter.ts';
import { isConsultant } from './attribution.ts';
import { type Viewer, visibleTo } from './visibility.ts';

/** A saved people filter whose members are computed live. */
export interface Segment {
  id: string;
  name: string;
  filter: string;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** A fixed list of people: frozen from a segment, then edited by hand. */
export interface PersonList {
  id: string;
  name: string;
  segmentId: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

export interface CityCount {
  cityId: string;
  lives: number;
  works: number;
  total: number;
  reachable: number;
}

/** The name of the account behind an actor (`Account:<id>`), for "who made it". */
const actorName = (r: string) =>
  `COLLECT { MATCH (a:Account {id: substring(${r}.createdBy, 8)}) RETURN a.name }[0]`;
const segmentReturn = `s {.id, .name, .filter, .createdBy, createdByName: ${actorName('s')},
  createdAt: toString(s.createdAt)} AS segment`;
const listReturn = `l {.id, .name, .segmentId, .createdBy, createdByName: ${actorName('l')},
  createdAt: toString(l.createdAt)} AS list`;

/** The Cypher binding `n` to a segment's members now. */
export function segmentMembersPart(segment: { filter: string }) {
  return buildPersonFilter(JSON.parse(segment.filter) as PersonFilter);
}

/** A Cypher part binding `n` to people, and its parameters. */
export interface PeoplePart {
  cypher: string;
  params: Record<string, unknown>;
}

/** The Cypher binding `n` to a list's members. */
export const listMembersPart = (listId: string): PeoplePart => ({
  cypher: 'MATCH (:PersonList {id: $listId})-[:HAS_MEMBER]->(n:Person) WHERE NOT n.deleted',
  params: { listId },
});

/** Ids of people now in the segment (or in the list), capped at `limit`. */
export async function readMemberIds(
  db: Db,
  source: { segment?: Segment; listId?: string },
  limit = 200_000,
): Promise<string[]> {
  if (source.segment) {
    const part = segmentMembersPart(source.segment);
    const rows = await db.read<{ id: string }>(
      `${part.cypher}\nWITH DISTINCT n ORDER BY n.id LIMIT $limit RETURN n.id AS id`,
      { ...part.params, limit },
    );
    return rows.map((r) => r.id);
  }
  const rows = await db.read<{ id: string }>(
    `MATCH (:PersonList {id: $listId})-[:HAS_MEMBER]->(n:Person) WHERE NOT n.deleted
     WITH n ORDER BY n.id LIMIT $limit RETURN n.id AS id`,
    { listId: source.listId, limit },
  );
  return rows.map((r) => r.id);
}

export async function countSegmentMembers(db: Db, segment: Segment): Promise<number> {
  const part = segmentMembersPart(segment);
  const rows = await db.read<{ n: number }>(
    `${part.cypher}\nRETURN count(DISTINCT n) AS n`,
    part.params,
  );
  return rows[0]?.n ?? 0;
}

export async function countListMembers(db: Db, id: string): Promise<number> {
  const rows = await db.read<{ n: number }>(
    `MATCH (:PersonList {id: $id})-[:HAS_MEMBER]->(n:Person) WHERE NOT n.deleted RETURN count(n) AS n`,
    { id },
  );
  return rows[0]?.n ?? 0;
}

/** The segment, if the viewer may see it. */
export async function readSegment(
  db: Db,
  id: string,
  viewer: Viewer,
): Promise<Segment | undefined> {
  const rows = await db.read<{ segment: Segment }>(
    `MATCH (s:Segment {id: $id}) WHERE NOT s.deleted AND ${visibleTo('s')} RETURN ${segmentReturn}`,
    { id, ...viewer },
  );
  return rows[0]?.segment;
}

/** The list, if the viewer may see it. */
export async function readList(
  db: Db,
  id: string,
  viewer: Viewer,
): Promise<PersonList | undefined> {
  const rows = await db.read<{ list: PersonList }>(
    `MATCH (l:PersonList {id: $id}) WHERE NOT l.deleted AND ${visibleTo('l')} RETURN ${listReturn}`,
    { id, ...viewer },
  );
  return rows[0]?.list;
}

/**
 * The first records of `label` the viewer may see, newest first; `v` binds them in `ret`, which
 * returns them `AS key`.
 */
async function newestVisible<T>(
  db: Db,
  [label, v, ret, key]: readonly [string, string, string, string],
  first: number,
  viewer: Viewer,
): Promise<T[]> {
  const rows = await db.read<Record<string, T>>(
    `MATCH (${v}:${label}) WHERE NOT ${v}.deleted AND ${visibleTo(v)}
         WITH ${v} ORDER BY ${v}.createdAt DESC, ${v}.id DESC LIMIT $first RETURN ${ret}`,
    { first, ...viewer },
  );
  return rows.map((r) => r[key] as T);
}

/** The first segments the viewer may see, newest first. */
export const readSegments = (db: Db, first: number, viewer: Viewer) =>
  newestVisible<Segment>(db, ['Segment', 's', segmentReturn, 'segment'], first, viewer);

/** The first lists the viewer may see, newest first. */
export const readLists = (db: Db, first: number, viewer: Viewer) =>
  newestVisible<PersonList>(db, ['PersonList', 'l', listReturn, 'list'], first, viewer);

/**
 * Where to hold a session: cities ranked by how many members living or (currently) working there our
 * consultants can reach (two KNOWS steps, as a consultant's reach counts them), then by members.
 */
export function rankCities(db: Db, segment: Segment, first: number): Promise<CityCount[]> {
  const part = segmentMembersPart(segment);
  return db.read<CityCount>(
    `${part.cypher}
     WITH DISTINCT n
     WITH n,
       COLLECT { MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(c:Place {kind: 'city'})
                 WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) RETURN DISTINCT c.id } AS lives,
       COLLECT { MATCH (n)-[w:WORKED_AT]->(:Organization)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..4]->(c:Place {kind: 'city'})
                 WHERE NOT w.deleted AND coalesce(w.current, w.to IS NULL) RETURN DISTINCT c.id } AS works
     WITH n, lives, works,
       EXISTS {
         MATCH (n)-[k:KNOWS WHERE NOT k.deleted]-{1,2}(c:Person WHERE NOT c.deleted)
         WHERE ${isConsultant('c')}
       } AS reachable
     UNWIND lives + works AS cityId
     WITH DISTINCT n, reachable, cityId, cityId IN lives AS lives, cityId IN works AS works
     RETURN cityId, sum(CASE WHEN lives THEN 1 ELSE 0 END) AS lives,
            sum(CASE WHEN works THEN 1 ELSE 0 END) AS works, count(n) AS total,
            sum(CASE WHEN reachable THEN 1 ELSE 0 END) AS reachable
     ORDER BY reachable DESC, total DESC, cityId LIMIT $first`,
    { ...part.params, first },
  );
}

export async function createSegment(
  tx: Tx,
  segment: { id: string; name: string; filter: string; teamId: string | null; actor: string },
): Promise<Segment> {
  const rows = await tx.run<{ segment: Segment }>(
    `CREATE (s:Segment {id: $id, name: $name, filter: $filter, teamId: $teamId, deleted: false,
                              createdBy: $actor, createdAt: datetime()})
           RETURN ${segmentReturn}`,
    segment,
  );
  return rows[0]?.segment as Segment;
}

/** Ids of the segment's members now, for freezing it into a list. */
export async function readSegmentMemberIds(tx: Tx, segment: Segment): Promise<string[]> {
  const part = segmentMembersPart(segment);
  const ids = await tx.run<{ id: string }>(
    `${part.cypher}\nRETURN DISTINCT n.id AS id`,
    part.params,
  );
  return ids.map((r) => r.id);
}

/** A new list of the people `ids` (those not deleted). */
export async function createList(
  tx: Tx,
  list: {
    id: string;
    name: string;
    segmentId: string | null;
    ids: string[];
    teamId: string | null;
    actor: string;
  },
): Promise<PersonList> {
  const rows = await tx.run<{ list: PersonList }>(
    `CREATE (l:PersonList {id: $id, name: $name, segmentId: $segmentId, teamId: $teamId, deleted: false,
                           createdBy: $actor, createdAt: datetime()})
     WITH l CALL (l) {
       UNWIND $ids AS pid MATCH (p:Person {id: pid}) WHERE NOT p.deleted
       MERGE (l)-[m:HAS_MEMBER]->(p) ON CREATE SET m.addedAt = datetime(), m.addedBy = $actor
     }
     RETURN ${listReturn}`,
    list,
  );
  return rows[0]?.list as PersonList;
}

/** Adds people `add` to the list and removes `remove`: how many were added and removed. */
export async function editListMembers(
  tx: Tx,
  edit: { id: string; add: string[]; remove: string[]; actor: string },
): Promise<{ added: number; removed: number } | undefined> {
  const rows = await tx.run<{ added: number; removed: number }>(
    `MATCH (l:PersonList {id: $id})
           CALL (l) { UNWIND $add AS pid MATCH (p:Person {id: pid})
                      MERGE (l)-[m:HAS_MEMBER]->(p) ON CREATE SET m.addedAt = datetime(), m.addedBy = $actor, m.new = true
                      WITH m WHERE m.new REMOVE m.new RETURN count(m) AS added }
           CALL (l) { OPTIONAL MATCH (l)-[m:HAS_MEMBER]->(p:Person) WHERE p.id IN $remove
                      DELETE m RETURN count(m) AS removed }
           RETURN added, removed`,
    edit,
  );
  return rows[0];
}
