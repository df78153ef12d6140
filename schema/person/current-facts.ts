/**
 * Maintained facts of a person: what their ties say now, kept on the Person node as lists of our ids,
 * so that filters, facets and maps read one property instead of walking ties and place hierarchies.
 * They are written by `refreshPeopleFacts` in the same transaction as every write that can change
 * them (tie writes, person and organisation writes, roster and dataset imports, merges and their
 * undo, erasure), and rebuilt from scratch by `rebuildPeopleFacts` after bulk loads.
 * test/api/people-facts.int.test.ts proves them equal to a fresh recount after random writes, merges,
 * undos, erasures and imports.
 *
 * | property | what it holds (empty for a deleted person) |
 * | --- | --- |
 * | `nowPlaceIds` | places the person lives in now (live LIVES_IN, current or open-ended) and every place above them (PART_OF, up to 4 steps) |
 * | `nowCityIds`, `nowProvinceIds`, `nowCountryIds` | the city-, province- and country-kind places among `nowPlaceIds` |
 * | `bornPlaceIds` | the place of birth (live BORN_IN) and every place above it |
 * | `bornCityIds` | the city-kind places among `bornPlaceIds` (the hometown facet) |
 * | `nowEmployerIds` | live organisations the person works at now (live WORKED_AT, current or open-ended) |
 * | `schoolIds` | live organisations the person studied at (live STUDIED_AT) |
 * | `expertFieldIds` | fields the person is an expert in (live EXPERT_IN; not the fields above them) |
 * | `countedCategories`, `countedLevel` | the categories (distinct) and level counted in the people counts (people-counts.ts); `countedCategories` is null while the person is not counted (deleted, or not refreshed yet) |
 *
 * Each live expertise (EXPERT_IN, not deleted) of a live person carries `liveFieldId` (its field's id)
 * and `liveLevel` (its level, 3 when not given); other expertise carries neither. The relationship
 * index on the two finds a field's experts of one level without reading the rest
 * (schema/connections/match-candidates.ts).
 *
 * Live people also carry one label per category (`:Alumnus`, `:Returnee` …), so the people of a
 * category are found by a label scan.
 *
 * Lists are sorted and distinct. "Now" ignores `asOfYear`: a filter as of another year walks the ties.
 */
import type { Db, Tx } from '../../server/db/run.ts';
import type { personCategories } from '../shared/entity-kinds.ts';
import { applyCountDelta, countRows, randomCountShard } from './people-counts.ts';

/** The label a live person of each category carries. Fixed here: never built from user text. */
export const categoryLabels: Record<(typeof personCategories)[number], string> = {
  academician: 'Academician',
  strategic_scientist: 'StrategicScientist',
  leading_talent: 'LeadingTalent',
  young_talent: 'YoungTalent',
  returnee: 'Returnee',
  alumnus: 'Alumnus',
  native_elsewhere: 'NativeElsewhere',
  local_expert: 'LocalExpert',
  entrepreneur: 'Entrepreneur',
};

/** Every maintained property: derived, so exports leave them out and imports rebuild them. */
export const factProperties = [
  'nowPlaceIds',
  'nowCityIds',
  'nowProvinceIds',
  'nowCountryIds',
  'bornPlaceIds',
  'bornCityIds',
  'nowEmployerIds',
  'schoolIds',
  'expertFieldIds',
  'countedCategories',
  'countedLevel',
] as const;

/**
 * Cypher binding `facts` (a map of the lists above, computed from the ties) for a person `n`; the
 * definitions the table above gives. `facts.counted` is false for a deleted person.
 */
const computeFacts = `CALL (n) {
  WITH n WHERE NOT n.deleted
  WITH n,
    COLLECT { MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(p:Place)
              WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
              RETURN DISTINCT {id: p.id, kind: p.kind} AS p ORDER BY p.id } AS now,
    COLLECT { MATCH (n)-[b:BORN_IN]->(:Place)-[:PART_OF*0..4]->(p:Place) WHERE NOT b.deleted
              RETURN DISTINCT {id: p.id, kind: p.kind} AS p ORDER BY p.id } AS born
  RETURN {
    counted: true,
    nowPlaceIds: [p IN now | p.id],
    nowCityIds: [p IN now WHERE p.kind = 'city' | p.id],
    nowProvinceIds: [p IN now WHERE p.kind = 'province' | p.id],
    nowCountryIds: [p IN now WHERE p.kind = 'country' | p.id],
    bornPlaceIds: [p IN born | p.id],
    bornCityIds: [p IN born WHERE p.kind = 'city' | p.id],
    nowEmployerIds: COLLECT { MATCH (n)-[w:WORKED_AT]->(o:Organization)
                              WHERE NOT w.deleted AND NOT o.deleted AND coalesce(w.current, w.to IS NULL)
                              RETURN DISTINCT o.id AS id ORDER BY id },
    schoolIds: COLLECT { MATCH (n)-[s:STUDIED_AT]->(o:Organization) WHERE NOT s.deleted AND NOT o.deleted
                         RETURN DISTINCT o.id AS id ORDER BY id },
    expertFieldIds: COLLECT { MATCH (n)-[e:EXPERT_IN]->(f:Field) WHERE NOT e.deleted
                              RETURN DISTINCT f.id AS id ORDER BY id },
    countedCategories: COLLECT { UNWIND coalesce(n.categories, []) AS c RETURN DISTINCT c ORDER BY c },
    countedLevel: coalesce(n.level, '')
  } AS facts
  UNION
  WITH n WHERE n.deleted
  RETURN {counted: false, nowPlaceIds: [], nowCityIds: [], nowProvinceIds: [], nowCountryIds: [],
          bornPlaceIds: [], bornCityIds: [],
          nowEmployerIds: [], schoolIds: [], expertFieldIds: [], countedCategories: [],
          countedLevel: ''} AS facts
}`;

/**
 * The facts stored on `n` now (what the counts hold for it), shaped as `computeFacts` shapes them:
 * no nulls in the map, so two maps compare equal exactly when every fact is the same.
 */
export const storedFacts = `{counted: n.countedCategories IS NOT NULL,
  nowPlaceIds: coalesce(n.nowPlaceIds, []), nowCityIds: coalesce(n.nowCityIds, []),
  nowProvinceIds: coalesce(n.nowProvinceIds, []), nowCountryIds: coalesce(n.nowCountryIds, []),
  bornPlaceIds: coalesce(n.bornPlaceIds, []), bornCityIds: coalesce(n.bornCityIds, []),
  nowEmployerIds: coalesce(n.nowEmployerIds, []), schoolIds: coalesce(n.schoolIds, []),
  expertFieldIds: coalesce(n.expertFieldIds, []), countedCategories: coalesce(n.countedCategories, []),
  countedLevel: coalesce(n.countedLevel, '')}`;

/**
 * Sets the ranking keys of each expertise of a person `n` (`liveFieldId`, `liveLevel`: see the table
 * above) where they differ from what they should be. A unit subquery: `n` goes on unchanged.
 */
const refreshExpertiseKeys = `CALL (n) {
  MATCH (n)-[e:EXPERT_IN]->(f:Field)
  WITH e, CASE WHEN n.deleted OR e.deleted THEN null ELSE f.id END AS field
  WITH e, field, CASE WHEN field IS NOT NULL THEN coalesce(e.level, 3) END AS level
  WHERE coalesce(e.liveFieldId, '') <> coalesce(field, '') OR coalesce(e.liveLevel, 0) <> coalesce(level, 0)
  SET e.liveFieldId = field, e.liveLevel = level
}`;

/** The maintained properties of an expertise (EXPERT_IN): derived, so exports leave them out. */
export const expertiseKeyProperties = ['liveFieldId', 'liveLevel'] as const;

/**
 * Recomputes the facts, category labels and people counts of these people (our ids; unknown ones are
 * skipped) in `tx`: call it after any write that may change what their ties say, in the same
 * transaction. The people are locked first (in id order), so two writes refreshing one person run one
 * after the other and the counts move by exactly the difference.
 */
export async function refreshPeopleFacts(
  tx: Tx,
  personIds: Iterable<string>,
  shard = randomCountShard(),
): Promise<void> {
  const ids = [...new Set(personIds)].sort();
  if (!ids.length) return;
  await tx.run(
    'UNWIND $ids AS personId MATCH (n:Person {id: personId}) SET n.factsLock = true REMOVE n.factsLock',
    { ids },
  );
  // Two statements rather than one: each is planned in a fraction of the time (plans are cached,
  // but the first request after a start pays for planning).
  const changes = await tx.run<{ old: unknown; facts: unknown }>(
    `UNWIND $ids AS personId
     MATCH (n:Person {id: personId})
     ${refreshExpertiseKeys}
     WITH n, ${storedFacts} AS old
     ${computeFacts}
     WITH n, old, facts WHERE old <> facts
     SET n.nowPlaceIds = facts.nowPlaceIds, n.nowCityIds = facts.nowCityIds,
         n.nowProvinceIds = facts.nowProvinceIds, n.nowCountryIds = facts.nowCountryIds,
         n.bornPlaceIds = facts.bornPlaceIds, n.bornCityIds = facts.bornCityIds,
         n.nowEmployerIds = facts.nowEmployerIds, n.schoolIds = facts.schoolIds,
         n.expertFieldIds = facts.expertFieldIds,
         n.countedCategories = CASE WHEN facts.counted THEN facts.countedCategories END,
         n.countedLevel = CASE WHEN facts.countedLevel <> '' THEN facts.countedLevel END
     REMOVE n:$($allLabels)
     SET n:$([c IN facts.countedCategories WHERE $labelOf[c] IS NOT NULL | $labelOf[c]])
     RETURN old, facts`,
    { ids, allLabels: Object.values(categoryLabels), labelOf: categoryLabels },
  );
  if (!changes.length) return;
  await tx.run(
    `UNWIND $changes AS change
     WITH change.old AS old, change.facts AS facts
     ${countRows('old', 'facts')}
     ${applyCountDelta}`,
    { changes, shard },
  );
}

/** Tie types whose writes change the facts of the person they start from. */
const factTies: ReadonlySet<string> = new Set([
  'LIVES_IN',
  'BORN_IN',
  'WORKED_AT',
  'STUDIED_AT',
  'EXPERT_IN',
]);

/**
 * After ties of `type` from these subjects were added, changed or removed in `tx`: refreshes their
 * people, or, for places moved in the hierarchy (PART_OF), everyone living or born in them or below.
 */
export async function refreshAfterTieWrite(
  tx: Tx,
  type: string,
  subjectIds: readonly string[],
): Promise<void> {
  if (factTies.has(type)) await refreshPeopleFacts(tx, subjectIds);
  else if (type === 'PART_OF') await refreshPeopleFacts(tx, await peopleAtPlaces(tx, subjectIds));
}

/**
 * After an entity was created, changed, deleted or restored in `tx`: a person is refreshed (categories,
 * level, deletion); a deleted or restored organisation refreshes its staff and alumni; a place whose
 * kind changed (a district made a city) refreshes the people living or born in it or below it.
 */
export async function refreshAfterEntityWrite(
  tx: Tx,
  kind: string,
  id: string,
  changed: { deleted?: boolean; keys?: readonly string[] },
): Promise<void> {
  if (kind === 'Person') await refreshPeopleFacts(tx, [id]);
  else if (kind === 'Organization' && changed.deleted !== undefined) {
    await refreshPeopleFacts(tx, await peopleTiedTo(tx, [id], ['WORKED_AT', 'STUDIED_AT']));
  } else if (kind === 'Place' && changed.keys?.includes('kind')) {
    await refreshPeopleFacts(tx, await peopleAtPlaces(tx, [id]));
  }
}

/** Ids of the people with a tie of these types to any of these nodes (deleted ties too). */
export async function peopleTiedTo(
  tx: Tx,
  nodeIds: readonly string[],
  types: readonly ('WORKED_AT' | 'STUDIED_AT')[],
): Promise<string[]> {
  if (!nodeIds.length || !types.length) return [];
  const rows = await tx.run<{ id: string }>(
    `MATCH (o) WHERE o.id IN $nodeIds
     MATCH (o)<-[r]-(n:Person) WHERE type(r) IN $types
     RETURN DISTINCT n.id AS id`,
    { nodeIds, types },
  );
  return rows.map((r) => r.id);
}

/** Ids of the people living or born in these places or below them (deleted ties too). */
export async function peopleAtPlaces(tx: Tx, placeIds: readonly string[]): Promise<string[]> {
  if (!placeIds.length) return [];
  const rows = await tx.run<{ id: string }>(
    `MATCH (p:Place) WHERE p.id IN $placeIds
     MATCH (p)<-[:PART_OF*0..4]-(:Place)<-[:LIVES_IN|BORN_IN]-(n:Person)
     RETURN DISTINCT n.id AS id`,
    { placeIds },
  );
  return rows.map((r) => r.id);
}

/**
 * Refreshes many people, `batchSize` per transaction (an import of thousands of people, a restore, a
 * rebuild). Their counts go to shard 0, so a rebuild or a restore of the same people gives the same
 * counts node for node (a backup's check compares them).
 */
export async function refreshPeopleFactsInBatches(
  db: Db,
  personIds: readonly string[],
  batchSize = 5_000,
): Promise<void> {
  for (let i = 0; i < personIds.length; i += batchSize) {
    await db.writeTx((tx) => refreshPeopleFacts(tx, personIds.slice(i, i + batchSize), 0));
  }
}

/**
 * Recomputes every person's facts and the people counts from scratch (after a bulk load, or when their
 * definitions change): the counts are emptied, then people are refreshed in batches, each its own
 * transaction. Run it while nothing else writes (seeding, a migration at start-up): a refresh running
 * between the emptying and the recount would count against counts that are gone.
 */
export async function rebuildPeopleFacts(
  db: Db,
  onProgress?: (done: number) => void,
  batchSize = 5_000,
): Promise<number> {
  await db.autoCommit('MATCH (c:PeopleCount) CALL (c) { DELETE c } IN TRANSACTIONS OF 20000 ROWS');
  await db.autoCommit(
    `MATCH (n:Person) WHERE n.countedCategories IS NOT NULL
     CALL (n) { SET n.countedCategories = null } IN TRANSACTIONS OF 20000 ROWS`,
  );
  let done = 0;
  for (let after = ''; ; ) {
    const page = await db.read<{ id: string }>(
      'MATCH (n:Person) WHERE n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT $limit',
      { after, limit: batchSize },
    );
    const last = page.at(-1);
    if (!last) return done;
    await refreshPeopleFactsInBatches(
      db,
      page.map((r) => r.id),
      batchSize,
    );
    done += page.length;
    onProgress?.(done);
    after = last.id;
  }
}
