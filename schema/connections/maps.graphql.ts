import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { listPage } from '../entity/entity-list.ts';
import { PersonFilterInput, personOrders, readPersonFilter } from '../person/people.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { buildPersonFilter, type PersonFilter } from '../person/person-filter.ts';
import { NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';

const groupings = [
  'COUNTRY',
  'PROVINCE',
  'CITY',
  'EMPLOYER',
  'FIELD',
  'DECADE',
  'CATEGORY',
] as const;
type Grouping = (typeof groupings)[number];
const MapGroupingEnum = builder.enumType('MapGrouping', {
  description:
    'How to group a map: where people live now, their current employer, top-level field, decade (graduation for alumni, birth for natives) or category.',
  values: groupings,
});

interface MapGroup {
  key: string | null;
  label: string;
  count: number;
  /** The people of this group, for drill-down; null for the "unknown" group. */
  filter: PersonFilter | null;
}

interface PeopleMap {
  total: number;
  groups: MapGroup[];
}

const MapGroupRef = builder.objectRef<MapGroup>('MapGroup').implement({
  fields: (t) => ({
    key: t.exposeString('key', {
      nullable: true,
      description: 'Global id of the place/organisation/field, the decade or the category.',
    }),
    label: t.exposeString('label'),
    count: t.exposeInt('count'),
    people: t.connection({
      type: PersonRef,
      nullable: true,
      description: 'The people in this group (drill-down); null for the unknown group.',
      resolve: (group, args, ctx, info) =>
        group.filter
          ? listPage(ctx, 'Person', buildPersonFilter(group.filter), personOrders.NAME, args, info)
          : null,
    }),
  }),
});

const PeopleMapRef = builder.objectRef<PeopleMap>('PeopleMap').implement({
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'People on the map (each counted once).' }),
    groups: t.field({
      type: [MapGroupRef],
      description: 'Largest first; a person may be in several groups for FIELD and CATEGORY.',
      resolve: (m) => m.groups,
    }),
  }),
});

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
RETURN 'Place:' + g.id AS key, coalesce(g.name, '未知 unknown') AS label, count(n) AS count`,
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

async function peopleMap(
  ctx: Parameters<typeof loadEntity>[0],
  base: PersonFilter,
  by: Grouping,
  decadeOf: 'graduation' | 'birth',
): Promise<PeopleMap> {
  const part = buildPersonFilter(base);
  const { tail, drill } = grouping(by, base, decadeOf);
  const [groups, total] = await Promise.all([
    ctx.db.read<{ key: string | null; label: string; count: number }>(
      `${part.cypher}\n${tail}\nORDER BY count DESC, label LIMIT 200`,
      part.params,
    ),
    ctx.db.read<{ c: number }>(`${part.cypher}\nRETURN count(n) AS c`, part.params),
  ]);
  return {
    total: total[0]?.c ?? 0,
    groups: groups.map((g) => ({ ...g, filter: g.key ? drill(g.key) : null })),
  };
}

builder.queryField('alumniMap', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: PeopleMapRef,
    description:
      'Where an organisation’s alumni are now: counts per place, employer, field, graduation decade or category, with drill-down.',
    args: {
      organization: t.arg.id({ required: true }),
      groupBy: t.arg({ type: MapGroupingEnum, required: true }),
      filter: t.arg({ type: PersonFilterInput, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.organization, ['Organization'], ['organization']);
      if (!(await loadEntity(ctx, 'Organization', id)))
        throw new NotFoundError('Organization', args.organization, ['organization']);
      return peopleMap(
        ctx,
        { ...(await readPersonFilter(ctx, args.filter)), almaMaterIds: [id] },
        args.groupBy,
        'graduation',
      );
    },
  }),
);

builder.queryField('nativesMap', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: PeopleMapRef,
    description:
      'People born in a place (or a place inside it) who now live elsewhere — "natives working elsewhere" — grouped like alumniMap (DECADE = birth decade).',
    args: {
      place: t.arg.id({ required: true }),
      groupBy: t.arg({ type: MapGroupingEnum, required: true }),
      filter: t.arg({ type: PersonFilterInput, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.place, ['Place'], ['place']);
      if (!(await loadEntity(ctx, 'Place', id)))
        throw new NotFoundError('Place', args.place, ['place']);
      return peopleMap(
        ctx,
        { ...(await readPersonFilter(ctx, args.filter)), hometownIds: [id], livesOutsideIds: [id] },
        args.groupBy,
        'birth',
      );
    },
  }),
);
