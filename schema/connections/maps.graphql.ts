import { builder } from '../builder.ts';
import { listPage } from '../entity/entity-list.ts';
import { PersonFilterInput, personOrders, readWithPersonFilter } from '../person/people.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { buildPersonFilter } from '../person/person-filter.ts';
import { NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { groupings, type MapGroup, type PeopleMap, readPeopleMap } from './maps.cypher.ts';

const MapGroupingEnum = builder.enumType('MapGrouping', {
  description:
    'How to group a map: where people live now, their current employer, top-level field, decade (graduation for alumni, birth for natives) or category.',
  values: groupings,
});

const MapGroupRef = builder.objectRef<MapGroup>('MapGroup').implement({
  fields: (t) => ({
    key: t.exposeString('key', {
      nullable: true,
      description: 'Global id of the place/organisation/field, the decade or the category.',
    }),
    label: t.exposeString('label'),
    code: t.exposeString('code', {
      nullable: true,
      description:
        'For COUNTRY, PROVINCE and CITY: the place’s code (ISO 3166-1 alpha-2 for countries, GB/T 2260 for China’s divisions), when it has one.',
    }),
    latinName: t.exposeString('latinName', {
      nullable: true,
      description: 'For COUNTRY, PROVINCE and CITY: the place’s Latin (pinyin or English) name.',
    }),
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

/** The map of an organisation or place, which must exist (a NotFoundError on `arg` otherwise). */
/** The map, or NotFoundError on the anchor's argument when the map's read did not find the anchor. */
async function mapAbout(
  of: { arg: string; globalId: string; kind: 'Organization' | 'Place' },
  map: Promise<PeopleMap | null>,
): Promise<PeopleMap> {
  const found = await map;
  if (!found) throw new NotFoundError(of.kind, of.globalId, [of.arg]);
  return found;
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
    resolve: (_root, args, ctx) => {
      const { id } = idOf(args.organization, ['Organization'], ['organization']);
      const of = {
        kind: 'Organization',
        arg: 'organization',
        globalId: args.organization,
      } as const;
      const map = readWithPersonFilter(ctx, args.filter, (filter) =>
        readPeopleMap(ctx.db, { ...filter, almaMaterIds: [id] }, args.groupBy, 'graduation', {
          kind: 'Organization',
          id,
        }),
      );
      return mapAbout(of, map);
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
    resolve: (_root, args, ctx) => {
      const { id } = idOf(args.place, ['Place'], ['place']);
      const of = { kind: 'Place', arg: 'place', globalId: args.place } as const;
      const map = readWithPersonFilter(ctx, args.filter, (filter) =>
        readPeopleMap(
          ctx.db,
          { ...filter, hometownIds: [id], livesOutsideIds: [id] },
          args.groupBy,
          'birth',
          { kind: 'Place', id },
        ),
      );
      return mapAbout(of, map);
    },
  }),
);
