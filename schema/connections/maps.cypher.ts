/** The Cypher of the alumni and natives maps (see maps.graphql.ts for the model). */
import type { Db } from '../../server/db/run.ts';
import { alumniPlaceFacets, cellKey, countedCell } from '../person/people-counts.ts';
import { buildPersonFilter, type CypherPart, type PersonFilter } from '../person/person-filter.ts';

export const groupings = [
  'COUNTRY',
  'PROVINCE',
  'CITY',
  'EMPLOYER',
  'FIELD',
  'DECADE',
  'CATEGORY',
] as const;
type Grouping = (typeof groupings)[number];

export interface MapGroup {
  key: string | null;
  label: string;
  /** The group's place code (ISO 3166-1 alpha-2 for a country, GB/T 2260 for China's divisions). */
  code: string | null;
  /** The group's Latin (pinyin or English) name, when it is a place that has one. */
  latinName: string | null;
  count: number;
  /** The people of this group, for drill-down; null for the "unknown" group. */
  filter: PersonFilter | null;
}

export interface PeopleMap {
  total: number;
  groups: MapGroup[];
}

/**
 * The Cypher tail that groups the people bound to `n`, and the filter that drills into a group.
 * Places and employers are read from the people's maintained facts (current-facts.ts: places they
 * live in now and every place above them; employers now), grouped by the list first, so the places
 * or organisations are looked up once per distinct list, not per person (walking each person's
 * LIVES_IN and PART_OF took 46 db hits per alumnus, PROFILE at 100k). Someone living in two cities
 * now is counted in the first by id.
 */
function grouping(by: Grouping, base: PersonFilter, decadeOf: 'graduation' | 'birth') {
  const placeKind = { COUNTRY: 'country', PROVINCE: 'province', CITY: 'city' } as Record<
    string,
    string
  >;
  switch (by) {
    case 'COUNTRY':
    case 'PROVINCE':
    case 'CITY':
      return {
        tail: `WITH coalesce(n.nowPlaceIds, []) AS places, count(*) AS people
CALL (places) {
  OPTIONAL MATCH (g:Place {kind: '${placeKind[by]}'}) WHERE g.id IN places
  RETURN g ORDER BY g.id LIMIT 1
}
WITH g, sum(people) AS count
RETURN 'Place:' + g.id AS key, coalesce(g.name, '未知 unknown') AS label, g.code AS code, g.latinName AS latinName, count`,
        drill: (key: string) => ({ ...base, livesInIds: [key.slice('Place:'.length)] }),
      };
    case 'EMPLOYER':
      return {
        tail: `WITH coalesce(n.nowEmployerIds, []) AS employers, count(*) AS people
CALL (employers) {
  OPTIONAL MATCH (g:Organization) WHERE g.id IN employers
  RETURN g ORDER BY g.id LIMIT 1
}
WITH g, sum(people) AS count
RETURN 'Organization:' + g.id AS key, coalesce(g.name, '未知 unknown') AS label, count`,
        drill: (key: string) => ({ ...base, employerIds: [key.slice('Organization:'.length)] }),
      };
    case 'FIELD':
      return {
        tail: `MATCH (n)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(g:Field) WHERE NOT e.deleted AND NOT (g)-[:SUBFIELD_OF]->()
RETURN 'Field:' + g.id AS key, g.name AS label, count(DISTINCT n) AS count`,
        drill: (key: string) => ({ ...base, fieldIds: [key.slice('Field:'.length)] }),
      };
    case 'DECADE':
      return decadeOf === 'graduation'
        ? {
            tail: `MATCH (n)-[s:STUDIED_AT]->(o:Organization) WHERE NOT s.deleted AND o.id IN $almaMaterIds AND s.to IS NOT NULL
WITH n, max(s.to) AS year
RETURN toString(year / 10 * 10) + 's' AS key, toString(year / 10 * 10) + 's' AS label, count(n) AS count`,
            drill: (key: string) => ({
              ...base,
              graduationYearFrom: Number.parseInt(key, 10),
              graduationYearTo: Number.parseInt(key, 10) + 9,
            }),
          }
        : {
            tail: `WITH n WHERE n.birthYear IS NOT NULL
RETURN toString(n.birthYear / 10 * 10) + 's' AS key, toString(n.birthYear / 10 * 10) + 's' AS label, count(n) AS count`,
            drill: (key: string) => ({
              ...base,
              birthYearFrom: Number.parseInt(key, 10),
              birthYearTo: Number.parseInt(key, 10) + 9,
            }),
          };
    case 'CATEGORY':
      return {
        tail: 'UNWIND n.categories AS key RETURN key, key AS label, count(n) AS count',
        drill: (key: string) => ({ ...base, categories: [key] }),
      };
  }
}

/**
 * How many alumni of `$school` the counted cell `$cell` holds (people-counts.ts, facet `school`);
 * `counted` is false when `$city` is not a city (the counts hold cities only).
 */
const countedAlumniQuery = `OPTIONAL MATCH (place:Place {id: $city})
WITH coalesce($city IS NULL OR place.kind = 'city', false) AS counted
OPTIONAL MATCH (c:PeopleCount) WHERE counted AND c.cell = $cell AND c.facet = 'school' AND c.value = $school
RETURN counted, coalesce(sum(c.n), 0) AS n`;

/**
 * The counted cohort of an alumni map's filter: one school with at most a city and a category
 * besides (people-counts.ts), or null when the filter asks for anything else.
 */
function countedAlumni(
  base: PersonFilter,
): { school: string; city: string | null; category: string | null } | null {
  const { almaMaterIds, ...rest } = base;
  const school = almaMaterIds?.length === 1 ? almaMaterIds[0] : undefined;
  const cell = school ? countedCell(rest) : null;
  return school && cell ? { school, ...cell } : null;
}

/**
 * How many people `base` holds: read from the people counts for a counted alumni cohort (an alumni
 * map without other filters), counted otherwise.
 */
async function readTotal(db: Db, base: PersonFilter, part: CypherPart): Promise<number> {
  const alumni = countedAlumni(base);
  if (alumni) {
    const [row] = await db.read<{ counted: boolean; n: number }>(countedAlumniQuery, {
      city: alumni.city,
      cell: cellKey(alumni.city, alumni.category),
      school: alumni.school,
    });
    if (row?.counted) return row.n;
  }
  const rows = await db.read<{ c: number }>(`${part.cypher}\nRETURN count(n) AS c`, part.params);
  return rows[0]?.c ?? 0;
}

/**
 * The place groups of one school's alumni and their total, read from the people counts (facets
 * `alumniCity` …, people-counts.ts) in one statement: the same groups as the CITY, PROVINCE and
 * COUNTRY tails without walking the alumni (at 1M people the walk read 151,526 alumni, about 5.8 db
 * hits each). Each alumnus has exactly one value of the facet ('' for no place), so the values sum to
 * the total.
 */
const countedPlaceMapQuery = `MATCH (c:PeopleCount) WHERE c.key STARTS WITH $prefix
WITH c.value AS value, sum(c.n) AS count WHERE count <> 0
OPTIONAL MATCH (g:Place {id: substring(value, size($school) + 1)})
WITH g, coalesce(g.name, '未知 unknown') AS label, count ORDER BY count DESC, label
WITH collect({key: 'Place:' + g.id, label: label, code: g.code, latinName: g.latinName, count: count}) AS groups,
     sum(count) AS total
RETURN total, groups[0..200] AS groups, ${anchorFound('Organization')} AS found`;

type GroupRow = Omit<MapGroup, 'filter'>;

/** What a map is about (a school's alumni, a place's natives): a live node, or the map is not found. */
export interface MapAnchor {
  kind: 'Organization' | 'Place';
  id: string;
}

/** Cypher: whether the anchor (`$anchor`, of `kind`) exists and is live. Read with the map itself. */
function anchorFound(kind: MapAnchor['kind']): string {
  return `EXISTS { MATCH (a:${kind} {id: $anchor}) WHERE NOT a.deleted }`;
}

type MapRows = { total: number; groups: GroupRow[]; found: boolean };

/** The map of `base` grouped `by`, when the people counts hold it: one school, by place, nothing else. */
async function readCountedMap(
  db: Db,
  base: PersonFilter,
  by: Grouping,
  anchor: MapAnchor,
): Promise<MapRows | null> {
  const alumni = countedAlumni(base);
  if (by !== 'CITY' && by !== 'PROVINCE' && by !== 'COUNTRY') return null;
  if (!alumni || alumni.city || alumni.category) return null;
  if (anchor.kind !== 'Organization' || anchor.id !== alumni.school) return null;
  const { facet } = alumniPlaceFacets[by];
  const [row] = await db.read<MapRows>(countedPlaceMapQuery, {
    prefix: `${cellKey(null, null)}|${facet}|${alumni.school}|`,
    school: alumni.school,
    anchor: anchor.id,
  });
  return row ?? null;
}

/** The map of `base` grouped `by`, walking the people the filter finds. */
async function walkMap(
  db: Db,
  base: PersonFilter,
  tail: string,
  anchor: MapAnchor,
): Promise<MapRows> {
  const part = buildPersonFilter(base);
  const [groups, total, [row]] = await Promise.all([
    db.read<GroupRow>(`${part.cypher}\n${tail}\nORDER BY count DESC, label LIMIT 200`, part.params),
    readTotal(db, base, part),
    db.read<{ found: boolean }>(`RETURN ${anchorFound(anchor.kind)} AS found`, {
      anchor: anchor.id,
    }),
  ]);
  return { total, groups, found: row?.found ?? false };
}

/**
 * The people of `base` grouped `by`, largest group first (at most 200 groups), and their total; null
 * when the anchor is unknown or deleted (checked in the same statement as the map when it can be).
 */
export async function readPeopleMap(
  db: Db,
  base: PersonFilter,
  by: Grouping,
  decadeOf: 'graduation' | 'birth',
  anchor: MapAnchor,
): Promise<PeopleMap | null> {
  const { tail, drill } = grouping(by, base, decadeOf);
  const { total, groups, found } =
    (await readCountedMap(db, base, by, anchor)) ?? (await walkMap(db, base, tail, anchor));
  if (!found) return null;
  return {
    total,
    groups: groups.map((g) => ({
      ...g,
      code: g.code ?? null,
      latinName: g.latinName ?? null,
      filter: g.key ? drill(g.key) : null,
    })),
  };
}
