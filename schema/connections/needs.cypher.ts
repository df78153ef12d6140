/** The Cypher of needs and their matches (see needs.graphql.ts for the model and the scoring). */
import type { Db, ReadCypher, Tx } from '../../server/db/run.ts';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import type { PathTie } from './path-ranking.ts';

export interface Need {
  id: string;
  title: string;
  description: string | null;
  levels: string[];
  categories: string[];
  status: string;
  ownerKind: EntityKind;
  ownerId: string;
  fieldIds: string[];
  placeIds: string[];
  createdAt: string;
}

/** The needs of `ids` that are not deleted, in no order. */
export async function readNeeds(db: Db, ids: readonly string[]): Promise<Need[]> {
  const rows = await db.read<{ need: Need }>(
    `MATCH (owner)-[:HAS_NEED]->(n:Need) WHERE n.id IN $ids AND NOT n.deleted
WITH owner, n, COLLECT { MATCH (n)-[:NEEDS_FIELD]->(f:Field) RETURN f.id } AS fieldIds,
     COLLECT { MATCH (n)-[:PREFERS_PLACE]->(p:Place) RETURN p.id } AS placeIds
RETURN n {.id, .title, .description, .levels, .categories, .status, createdAt: toString(n.createdAt),
          ownerKind: [l IN labels(owner) WHERE l IN ['Organization', 'Project']][0], ownerId: owner.id,
          fieldIds: fieldIds, placeIds: placeIds} AS need`,
    { ids },
  );
  return rows.map((r) => ({
    ...r.need,
    levels: r.need.levels ?? [],
    categories: r.need.categories ?? [],
  }));
}

/** The fields or places of `ids` that are not deleted, by name. */
export async function readNamedEntities(
  db: Db,
  kind: 'Field' | 'Place',
  ids: readonly string[],
): Promise<Entity[]> {
  const rows = await db.read<{ e: Record<string, unknown> }>(
    `MATCH (n:${kind}) WHERE n.id IN $ids AND NOT n.deleted RETURN ${entityProjection} AS e ORDER BY n.name`,
    { ids },
  );
  return rows.map((r) => toEntity(kind, r.e));
}

/** The ids of each owner's needs (not deleted), newest first. */
export function readNeedIdsOf(
  db: Db,
  kind: 'Organization' | 'Project',
  ownerIds: readonly string[],
): Promise<{ owner: string; id: string }[]> {
  return db.read<{ owner: string; id: string }>(
    `UNWIND $ids AS owner MATCH (:${kind} {id: owner})-[:HAS_NEED]->(n:Need) WHERE NOT n.deleted RETURN owner, n.id AS id ORDER BY n.createdAt DESC`,
    { ids: ownerIds },
  );
}

/** A field within reach of a need's fields: 0 the field itself, 1-3 steps narrower, -1 the one above. */
export interface FieldDistance {
  field: string;
  distance: number;
}

/** The fields a need's experts may come from (several rows for a field reached several ways). */
export function readFieldDistances(read: ReadCypher, needId: string): Promise<FieldDistance[]> {
  return read<FieldDistance>(
    `MATCH (:Need {id: $needId})-[:NEEDS_FIELD]->(g:Field)
CALL (g) {
  MATCH path = (f:Field)-[:SUBFIELD_OF*0..3]->(g) RETURN f.id AS field, length(path) AS distance
  UNION
  MATCH (g)-[:SUBFIELD_OF]->(f:Field) RETURN f.id AS field, -1 AS distance
}
RETURN DISTINCT field, distance`,
    { needId },
  );
}

/** One live expertise of a live person in a tier, with the need's level and affinity parts for them. */
export interface TierExpert {
  id: string;
  distance: number;
  level: number;
  affinity: number;
}

/**
 * The live experts of the given (field, expertise level) pairs, found through the relationship index
 * on the keys `refreshPeopleFacts` maintains (`liveFieldId`, `liveLevel`), so only these experts are
 * read. Level: 1 when the person's talent level or a category is among those asked (or nothing was
 * asked), else 0.3. Affinity (born in, or studied in, one of the preferred places or below them)
 * reads the person's maintained facts (current-facts.ts): `bornPlaceIds` holds the place of birth
 * and every place above it; `schoolIds` holds the live schools, matched against the organisations
 * located in the preferred places or below them (`$homeSchools`, see `readHomeSchools`).
 */
export function readExpertTier(
  read: ReadCypher,
  ask: {
    pairs: readonly { field: string; level: number; distance: number }[];
    levels: readonly string[];
    categories: readonly string[];
    places: readonly string[];
    homeSchools: readonly string[];
  },
): Promise<TierExpert[]> {
  return read<TierExpert>(
    `UNWIND $pairs AS pair
MATCH (p:Person)-[e:EXPERT_IN]->()
WHERE e.liveFieldId = pair.field AND e.liveLevel = pair.level
RETURN p.id AS id, pair.distance AS distance,
  CASE WHEN size($levels) = 0 AND size($categories) = 0 THEN 1.0
       WHEN p.level IN $levels OR any(c IN p.categories WHERE c IN $categories) THEN 1.0 ELSE 0.3 END AS level,
  CASE WHEN any(x IN p.bornPlaceIds WHERE x IN $places) THEN 1.0
       WHEN any(x IN p.schoolIds WHERE x IN $homeSchools) THEN 0.8
       ELSE 0.0 END AS affinity`,
    ask,
  );
}

/** The people of `ids` as entities, with the year their record was last updated. */
export function readCandidatePeople(
  read: ReadCypher,
  ids: readonly string[],
): Promise<{ e: Record<string, unknown>; updatedYear: number | null }[]> {
  return read(
    `MATCH (n:Person) WHERE n.id IN $ids
RETURN ${entityProjection} AS e, n.updatedAt.year AS updatedYear`,
    { ids },
  );
}

/** The organisations located in the given places or a place below them (districts of a city, cities of a province). */
export async function readHomeSchools(
  read: ReadCypher,
  places: readonly string[],
): Promise<string[]> {
  if (places.length === 0) return [];
  const rows = await read<{ id: string }>(
    `MATCH (h:Place)-[:PART_OF*0..4]->(x:Place) WHERE x.id IN $places
     MATCH (o:Organization)-[:LOCATED_IN]->(h)
     RETURN DISTINCT o.id AS id`,
    { places },
  );
  return rows.map((r) => r.id);
}

const usableTie = (r: string) => `(type(${r}) = 'DERIVED_TIE' OR NOT ${r}.deleted)`;
const tieFields =
  'r {type: type(r), .kind, .strength, .since, .from, .to, .viaName, .sourceId, .verified, recordedAt: toString(r.recordedAt)}';

/** One path from our side to a target, its ties in order. */
export interface ReachPath {
  target: string;
  ties: (PathTie & { recordedAt: string | null })[];
}

/**
 * Paths of 1-3 hops from our side to each target, met in the middle: 2 hops out from our side and
 * 1 hop out from the targets, joined on the node between (`USING JOIN`). One search per source and
 * target pair (`SHORTEST 1`) explored up to 3 hops from each source: 10-50× slower at 100k people.
 * The 5 paths per target with the best strengths and fewest hops are returned, to be scored in full
 * (scorePath).
 */
export function readReachPaths(
  read: ReadCypher,
  from: readonly string[],
  targets: readonly string[],
): Promise<ReachPath[]> {
  return read<ReachPath>(
    `CALL () {
  MATCH (s:Person)-[r1:KNOWS|DERIVED_TIE]-(t:Person)
  WHERE s.id IN $from AND t.id IN $targets AND ${usableTie('r1')}
  RETURN t, [r1] AS rels
  UNION
  MATCH (s:Person)-[r1:KNOWS|DERIVED_TIE]-(a:Person)-[r2:KNOWS|DERIVED_TIE]-(t:Person)
  USING INDEX s:Person(id) USING INDEX t:Person(id) USING JOIN ON a
  WHERE s.id IN $from AND t.id IN $targets AND s <> t AND NOT a.deleted
    AND ${usableTie('r1')} AND ${usableTie('r2')}
  RETURN t, [r1, r2] AS rels
  UNION
  MATCH (s:Person)-[r1:KNOWS|DERIVED_TIE]-(a:Person)-[r2:KNOWS|DERIVED_TIE]-(b:Person)-[r3:KNOWS|DERIVED_TIE]-(t:Person)
  USING INDEX s:Person(id) USING INDEX t:Person(id) USING JOIN ON b
  WHERE s.id IN $from AND t.id IN $targets AND s <> t AND a <> t AND b <> s
    AND NOT a.deleted AND NOT b.deleted AND ${usableTie('r1')} AND ${usableTie('r2')} AND ${usableTie('r3')}
  RETURN t, [r1, r2, r3] AS rels
}
WITH t, rels, reduce(w = 1.0, r IN rels | w * coalesce(r.strength, 0.5)) * 0.8 ^ (size(rels) - 1) AS rough
ORDER BY rough DESC
WITH t, collect(rels)[..5] AS best
UNWIND best AS rels
RETURN t.id AS target, [r IN rels | ${tieFields}] AS ties`,
    { targets, from },
  );
}

/**
 * A need of the owner, tied to the fields and places of the ids that exist. Undefined when the owner
 * does not exist; else how many fields and places it was tied to.
 */
export async function createNeed(
  tx: Tx,
  need: {
    owner: { kind: 'Organization' | 'Project'; id: string };
    id: string;
    title: string;
    description: string | null;
    levels: readonly string[];
    categories: readonly string[];
    status: string;
    fieldIds: readonly string[];
    placeIds: readonly string[];
    actor: string;
  },
): Promise<{ fields: number; places: number } | undefined> {
  const { owner, ...rest } = need;
  const rows = await tx.run<{ fields: number; places: number }>(
    `MATCH (o:${owner.kind} {id: $owner}) WHERE NOT o.deleted
           CREATE (o)-[:HAS_NEED]->(n:Need {id: $id, title: $title, description: $description, levels: $levels,
             categories: $categories, status: $status, deleted: false, createdAt: datetime(), createdBy: $actor})
           WITH n
           CALL (n) { MATCH (f:Field) WHERE f.id IN $fieldIds AND NOT f.deleted CREATE (n)-[:NEEDS_FIELD]->(f) RETURN count(f) AS fields }
           CALL (n) { MATCH (p:Place) WHERE p.id IN $placeIds AND NOT p.deleted CREATE (n)-[:PREFERS_PLACE]->(p) RETURN count(p) AS places }
           RETURN fields, places`,
    { ...rest, owner: owner.id },
  );
  return rows[0];
}

/** Sets a need's status; false when there is no such need. */
export async function setNeedStatus(tx: Tx, id: string, status: string): Promise<boolean> {
  const rows = await tx.run(
    'MATCH (n:Need {id: $id}) WHERE NOT n.deleted SET n.status = $status RETURN n.id',
    { id, status },
  );
  return rows.length > 0;
}
