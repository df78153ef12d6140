/** The Cypher of the alumni and natives maps (see maps.graphql.ts for the model). */
import type { Db } from '../../server/db/run.ts';
import { buildPersonFilter, type PersonFilter } from '../person/person-filter.ts';

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

const currentLives = 'NOT l.deleted AND coalesce(l.current, l.to IS NULL)';

/** The Cypher tail that groups the people bound to `n`, and the filter that drills into a group. */
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
        tail: `OPTIONAL MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(g:Place {kind: '${placeKind[by]}'}) WHERE ${currentLives}
WITH n, head(collect(g)) AS g
RETURN 'Place:' + g.id AS key, coalesce(g.name, '未知 unknown') AS label, g.code AS code, g.latinName AS latinName, count(n) AS count`,
        drill: (key: string) => ({ ...base, livesInIds: [key.slice('Place:'.length)] }),
      };
    case 'EMPLOYER':
      return {
        tail: `OPTIONAL MATCH (n)-[w:WORKED_AT]->(g:Organization) WHERE NOT w.deleted AND NOT g.deleted AND coalesce(w.current, w.to IS NULL)
WITH n, head(collect(g)) AS g
RETURN 'Organization:' + g.id AS key, coalesce(g.name, '未知 unknown') AS label, count(n) AS count`,
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

/** The people of `base` grouped `by`, largest group first (at most 200 groups), and their total. */
export async function readPeopleMap(
  db: Db,
  base: PersonFilter,
  by: Grouping,
  decadeOf: 'graduation' | 'birth',
): Promise<PeopleMap> {
  const part = buildPersonFilter(base);
  const { tail, drill } = grouping(by, base, decadeOf);
  const [groups, total] = await Promise.all([
    db.read<{
      key: string | null;
      label: string;
      code?: string | null;
      latinName?: string | null;
      count: number;
    }>(`${part.cypher}\n${tail}\nORDER BY count DESC, label LIMIT 200`, part.params),
    db.read<{ c: number }>(`${part.cypher}\nRETURN count(n) AS c`, part.params),
  ]);
  return {
    total: total[0]?.c ?? 0,
    groups: groups.map((g) => ({
      ...g,
      code: g.code ?? null,
      latinName: g.latinName ?? null,
      filter: g.key ? drill(g.key) : null,
    })),
  };
}
