import { Kind } from 'graphql';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { locateEntities } from '../connections/element-ids.ts';
import type { Person } from '../entity/entity.model.ts';
import {
  asksForTotal,
  byCreation,
  byName,
  type ListOrder,
  listPage,
} from '../entity/entity-list.ts';
import { readPageArgs } from '../shared/connection.ts';
import {
  OrganizationTypeEnum,
  PersonCategoryEnum,
  TalentLevelEnum,
} from '../shared/enums.graphql.ts';
import { ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { afterCheck } from '../shared/validate.ts';
import { countedCell } from './people-counts.ts';
import { PeopleFacetsRef, peopleSummary } from './people-facets.ts';
import { everyonePage, planCohortPage } from './people-page-plan.ts';
import { PersonRef } from './person.graphql.ts';
import { buildPersonFilter, type PersonFilter } from './person-filter.ts';

const NearInput = builder.inputType('NearInput', {
  description: 'Within `hops` KNOWS steps of any of these people (1st, 2nd, 3rd degree).',
  fields: (t) => ({
    people: t.idList({ required: true }),
    hops: t.int({ required: true, description: '1, 2 or 3' }),
  }),
});

export const PersonFilterInput = builder.inputType('PersonFilter', {
  description:
    'Narrows a people list; every condition given must hold. Place and field conditions include what lies below them.',
  fields: (t) => ({
    text: t.string({
      required: false,
      description: 'Name, alias, pinyin, initials or English name.',
    }),
    categories: t.field({ type: [PersonCategoryEnum], required: false }),
    levels: t.field({ type: [TalentLevelEnum], required: false }),
    fields: t.idList({
      required: false,
      description: 'Expert in one of these fields or a sub-field.',
    }),
    livesIn: t.idList({
      required: false,
      description: 'Lives in one of these places or a place inside.',
    }),
    hometown: t.idList({
      required: false,
      description: 'Born in one of these places or a place inside.',
    }),
    livesOutside: t.idList({
      required: false,
      description: 'Lives (known) outside all of these places: natives working elsewhere.',
    }),
    almaMater: t.idList({ required: false }),
    graduationYearFrom: t.int({ required: false }),
    graduationYearTo: t.int({ required: false }),
    employers: t.idList({ required: false }),
    employerEver: t.boolean({
      required: false,
      description: 'Count past employers too (default: current only).',
    }),
    employerTypes: t.field({ type: [OrganizationTypeEnum], required: false }),
    birthYearFrom: t.int({ required: false }),
    birthYearTo: t.int({ required: false }),
    asOfYear: t.int({
      required: false,
      description: 'Employment, residence and acquaintances (near) as in this year.',
    }),
    near: t.field({ type: NearInput, required: false }),
  }),
});

const PersonOrderEnum = builder.enumType('PersonOrder', {
  values: {
    CREATED: { description: 'Oldest record first (the default).' },
    NAME: { description: 'By name (Unicode order), then id.' },
    BIRTH_YEAR: { description: 'Oldest person first; unknown years last.' },
  },
});
type PersonOrder = 'CREATED' | 'NAME' | 'BIRTH_YEAR';

type FilterArg = typeof PersonFilterInput.$inferInput;

const ids = (
  list: readonly (string | number)[] | null | undefined,
  kind: 'Person' | 'Organization' | 'Place' | 'Field',
  path: string[],
) => list?.map((id, i) => idOf(String(id), [kind], [...path, String(i)]).id) ?? null;

/** The GraphQL filter as a PersonFilter with our own ids; ValidationError names a bad id. */
function toPersonFilter(filter: FilterArg | null | undefined): PersonFilter {
  if (!filter) return {};
  const near = filter.near;
  if (near && (near.hops < 1 || near.hops > 3)) {
    throw new ValidationError([
      {
        path: ['filter', 'near', 'hops'],
        code: 'out_of_range',
        params: { min: 1, max: 3 },
        message: 'must be 1, 2 or 3',
      },
    ]);
  }
  for (const key of [
    'graduationYearFrom',
    'graduationYearTo',
    'birthYearFrom',
    'birthYearTo',
    'asOfYear',
  ] as const) {
    const year = filter[key];
    if (year != null && (year < 1900 || year > 2100)) {
      throw new ValidationError([
        {
          path: ['filter', key],
          code: 'out_of_range',
          params: { min: 1900, max: 2100 },
          message: 'must be a year between 1900 and 2100',
        },
      ]);
    }
  }
  return {
    text: filter.text?.slice(0, 200),
    categories: filter.categories,
    levels: filter.levels,
    fieldIds: ids(filter.fields, 'Field', ['filter', 'fields']),
    livesInIds: ids(filter.livesIn, 'Place', ['filter', 'livesIn']),
    hometownIds: ids(filter.hometown, 'Place', ['filter', 'hometown']),
    livesOutsideIds: ids(filter.livesOutside, 'Place', ['filter', 'livesOutside']),
    almaMaterIds: ids(filter.almaMater, 'Organization', ['filter', 'almaMater']),
    graduationYearFrom: filter.graduationYearFrom,
    graduationYearTo: filter.graduationYearTo,
    employerIds: ids(filter.employers, 'Organization', ['filter', 'employers']),
    employerEver: filter.employerEver,
    employerTypes: filter.employerTypes,
    birthYearFrom: filter.birthYearFrom,
    birthYearTo: filter.birthYearTo,
    asOfYear: filter.asOfYear,
    near: near
      ? {
          personIds: ids(near.people, 'Person', ['filter', 'near', 'people']) ?? [],
          hops: near.hops,
        }
      : null,
  };
}

/** Checks that every id in a GraphQL filter names a live entity (a NotFoundError naming it otherwise). */
function checkFilterIds(ctx: Context, filter: FilterArg | null | undefined): Promise<unknown> {
  const lists = [
    ['fields', filter?.fields],
    ['livesIn', filter?.livesIn],
    ['hometown', filter?.hometown],
    ['livesOutside', filter?.livesOutside],
    ['almaMater', filter?.almaMater],
    ['employers', filter?.employers],
    ['near.people', filter?.near?.people],
  ] as const;
  return Promise.all(
    lists.map(([key, list]) =>
      list?.length
        ? locateEntities(ctx, list.map(String), ['filter', ...key.split('.')])
        : undefined,
    ),
  );
}

/**
 * The GraphQL filter as a PersonFilter, after checking that every id in it names a live entity: an
 * unknown or deleted id is a NotFoundError naming it, not a filter that silently matches nobody.
 */
export async function readPersonFilter(
  ctx: Context,
  filter: FilterArg | null | undefined,
): Promise<PersonFilter> {
  const read = toPersonFilter(filter);
  await checkFilterIds(ctx, filter);
  return read;
}

/** What `read` finds with the filter, read beside the check of its ids (see `afterCheck`). */
export function readWithPersonFilter<T>(
  ctx: Context,
  filter: FilterArg | null | undefined,
  read: (filter: PersonFilter) => Promise<T>,
): Promise<T> {
  const parsed = toPersonFilter(filter);
  return afterCheck(checkFilterIds(ctx, filter), read(parsed));
}

/** Sort orders for people; `id` breaks ties so the order is stable. */
export const personOrders: Record<PersonOrder, ListOrder<Person>> = {
  CREATED: byCreation,
  NAME: byName,
  BIRTH_YEAR: { key: 'coalesce(n.birthYear, 9999)', keyOf: (p) => [p.birthYear ?? 9999, p.id] },
};

builder.queryField('people', (t) =>
  t.connection(
    {
      authScopes: { signedIn: true },
      type: PersonRef,
      description:
        'People passing a filter, in a stable order, paged with keyset cursors (first ≤ 200).',
      args: {
        filter: t.arg({ type: PersonFilterInput, required: false }),
        orderBy: t.arg({ type: PersonOrderEnum, required: false, defaultValue: 'CREATED' }),
      },
      resolve: (_root, args, ctx, info) =>
        readWithPersonFilter(ctx, args.filter, async (filter) => {
          const order = personOrders[(args.orderBy ?? 'CREATED') as PersonOrder];
          // With facets in the same request, the total comes from their one pass over the filter.
          const withFacets = info.operation.selectionSet.selections.some(
            (s) => s.kind === Kind.FIELD && s.name.value === 'peopleFacets',
          );
          // A city and/or category cohort: total from the people counts, the page by the cheapest plan.
          const cell = countedCell(filter);
          if (cell) {
            const { after, size } = readPageArgs(args);
            const everyone = !cell.city && !cell.category && !withFacets && !asksForTotal(info);
            const summary = everyone ? null : await peopleSummary(ctx, filter);
            const part = summary
              ? planCohortPage(summary, order, size, after)
              : everyonePage(order, after);
            if (part) {
              const total = summary ? async () => summary.total : undefined;
              return listPage(ctx, 'Person', part, order, args, info, total);
            }
          }
          const part = buildPersonFilter(filter);
          return listPage(
            ctx,
            'Person',
            part,
            order,
            args,
            info,
            withFacets ? () => peopleSummary(ctx, filter).then((s) => s.total) : undefined,
          );
        }),
    },
    {},
    {},
  ),
);

builder.queryField('peopleFacets', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: PeopleFacetsRef,
    description:
      'How many people passing the filter fall in each category, level, current city, field, alma mater, current employer and hometown.',
    args: { filter: t.arg({ type: PersonFilterInput, required: false }) },
    resolve: (_root, args, ctx) =>
      readWithPersonFilter(
        ctx,
        args.filter,
        async (filter) => (await peopleSummary(ctx, filter)).facets,
      ),
  }),
);
