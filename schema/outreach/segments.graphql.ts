import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { PersonFilterInput, readPersonFilter } from '../person/people.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import type { PersonFilter } from '../person/person-filter.ts';
import { PlaceRef } from '../place/place.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange, recordCreate } from '../shared/history.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { requireNode } from './common.ts';
import { type FilterCondition, filterConditions } from './segment-conditions.ts';
import {
  type CityCount,
  countListMembers,
  countSegmentMembers,
  createList,
  createSegment,
  editListMembers,
  type PersonList,
  rankCities,
  readList,
  readLists,
  readMemberIds,
  readSegment,
  readSegmentMemberIds,
  readSegments,
  type Segment,
} from './segments.cypher.ts';
import { teamOf, type Viewer, viewerParams } from './visibility.ts';

/** The people now in the segment (or in the list), the first `first` of them by id. */
async function loadMembers(
  ctx: Context,
  source: { segment?: Segment; listId?: string },
  first: number | null | undefined,
) {
  const ids = await readMemberIds(ctx.db, source, readFirst(first, { fallback: 50, max: 500 }));
  return (await Promise.all(ids.map((id) => loadEntity(ctx, 'Person', id)))).filter(
    (p) => p !== null,
  );
}

export async function loadSegment(ctx: Context, globalId: string, path: string[]) {
  const { id } = idOf(globalId, ['Segment'], path);
  const segment = await readSegment(ctx.db, id, viewerParams(ctx));
  if (!segment) throw new NotFoundError('Segment', globalId, path);
  return segment;
}

export async function loadList(ctx: Context, globalId: string, path: string[]) {
  const { id } = idOf(globalId, ['PersonList'], path);
  const list = await readList(ctx.db, id, viewerParams(ctx));
  if (!list) throw new NotFoundError('PersonList', globalId, path);
  return list;
}

const CityCountRef = builder.objectRef<CityCount>('CityCount').implement({
  description: 'How many members of a segment live or work in a city.',
  fields: (t) => ({
    city: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (c, _a, ctx) => loadEntity(ctx, 'Place', c.cityId),
    }),
    lives: t.exposeInt('lives'),
    works: t.exposeInt('works'),
    total: t.exposeInt('total', { description: 'Members who live or work there (each once).' }),
    reachable: t.exposeInt('reachable', {
      description:
        'Of those, members our consultants can reach: within two acquaintance steps of a current consultant (招才顾问, 引才大使 …).',
    }),
  }),
});

const FilterConditionRef = builder.objectRef<FilterCondition>('FilterCondition').implement({
  description:
    'One condition of a segment’s filter, to show in words: its field, its values, the entities it names.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The PersonFilter field: categories, levels, fields, livesIn, hometown, near …',
    }),
    values: t.exposeStringList('values', {
      description: 'Coded values (see `enum`), the text, or a year or number.',
    }),
    enum: t.exposeString('enum', {
      nullable: true,
      description: 'The GraphQL enum the values are of (PersonCategory …), or null.',
    }),
    entities: t.field({
      type: [EntityRef],
      description:
        'What the condition’s ids name, in order (deleted ones left out: see `missing`).',
      resolve: async (c, _a, ctx) =>
        (await Promise.all(c.entities.map((e) => loadEntity(ctx, e.kind, e.id)))).filter(
          (e) => e !== null,
        ),
    }),
    missing: t.int({
      description: 'How many of its ids name nothing now (deleted or merged away).',
      resolve: async (c, _a, ctx) =>
        (await Promise.all(c.entities.map((e) => loadEntity(ctx, e.kind, e.id)))).filter(
          (e) => e === null,
        ).length,
    }),
  }),
});

type Types = typeof builder.$inferSchemaTypes;

/** Who made a segment or a list, and when: the same fields on both. */
function addMadeFields<T extends Segment | PersonList>(ref: ObjectRef<Types, T>) {
  builder.objectFields(ref, (t) => ({
    createdBy: t.string({ resolve: (r) => r.createdBy }),
    createdByName: t.string({
      nullable: true,
      description: 'The name of the account that made it.',
      resolve: (r) => r.createdByName,
    }),
    createdAt: t.string({ resolve: (r) => r.createdAt }),
  }));
}

const SegmentRef = builder.objectRef<Segment>('Segment').implement({
  description: 'A saved people filter; its members are computed live. Freeze it into a list.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalId('Segment', s.id) }),
    name: t.exposeString('name'),
    filter: t.exposeString('filter', { description: 'The stored filter, as JSON (our ids).' }),
    conditions: t.field({
      type: [FilterConditionRef],
      description: 'The filter as conditions to show: names instead of ids.',
      resolve: (s) => filterConditions(JSON.parse(s.filter) as PersonFilter),
    }),
    memberCount: t.int({
      resolve: (s, _a, ctx) => countSegmentMembers(ctx.db, s),
    }),
    members: t.field({
      type: [PersonRef],
      args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
      resolve: (s, args, ctx) => loadMembers(ctx, { segment: s }, args.first),
    }),
    cities: t.field({
      type: [CityCountRef],
      description:
        'Where to hold the next session: cities by how many members living or working there our consultants can reach, then by members.',
      args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
      resolve: (s, args, ctx) =>
        rankCities(ctx.db, s, readFirst(args.first, { fallback: 10, max: 100 })),
    }),
  }),
});

const PersonListRef = builder.objectRef<PersonList>('PersonList').implement({
  description: 'A fixed list of people (a frozen segment, edited by hand).',
  fields: (t) => ({
    id: t.id({ resolve: (l) => encodeGlobalId('PersonList', l.id) }),
    name: t.exposeString('name'),
    segmentId: t.id({
      nullable: true,
      resolve: (l) => (l.segmentId ? encodeGlobalId('Segment', l.segmentId) : null),
    }),
    segment: t.field({
      type: SegmentRef,
      nullable: true,
      description:
        'The segment it was frozen from, if it still exists and you may see it (`segmentId` says whether there was one).',
      resolve: (l, _a, ctx) =>
        l.segmentId
          ? loadSegment(ctx, encodeGlobalId('Segment', l.segmentId), ['segment']).catch(
              (error: unknown) => {
                if (error instanceof NotFoundError) return null;
                throw error;
              },
            )
          : null,
    }),
    memberCount: t.int({
      resolve: (l, _a, ctx) => countListMembers(ctx.db, l.id),
    }),
    members: t.field({
      type: [PersonRef],
      args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
      resolve: (l, args, ctx) => loadMembers(ctx, { listId: l.id }, args.first),
    }),
  }),
});

addMadeFields(SegmentRef);
addMadeFields(PersonListRef);

/** Registers the query of one record by id (any signed-in user) and of the newest (outreach roles). */
function recordQueries<T>(
  ref: ObjectRef<Types, T>,
  names: { one: string; many: string; description: string },
  load: (ctx: Context, globalId: string, path: string[]) => Promise<T>,
  readNewest: (db: Context['db'], first: number, viewer: Viewer) => Promise<T[]>,
) {
  builder.queryField(names.one, (t) =>
    t.field({
      type: ref,
      authScopes: { signedIn: true },
      args: { id: t.arg.id({ required: true }) },
      // generic over T: Pothos cannot narrow the result type here
      resolve: (_r, args, ctx) => load(ctx, args.id, ['id']) as never,
    }),
  );
  builder.queryField(names.many, (t) =>
    t.field({
      type: [ref],
      authScopes: { outreach: true },
      description: names.description,
      args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
      resolve: (_r, args, ctx) =>
        readNewest(ctx.db, readFirst(args.first, { fallback: 50, max: 200 }), viewerParams(ctx)),
    }),
  );
}
recordQueries(
  SegmentRef,
  { one: 'segment', many: 'segments', description: 'Segments you may see, newest first.' },
  loadSegment,
  readSegments,
);
recordQueries(
  PersonListRef,
  { one: 'personList', many: 'personLists', description: 'Lists you may see, newest first.' },
  loadList,
  readLists,
);

/** A segment's or list's name, checked (the error's path is the argument `name`). */
const parseName = (name: string) =>
  parseInput(z.object({ name: requiredText(200) }), { name }, []).name;

builder.mutationField('createSegment', (t) =>
  t.field({
    type: SegmentRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Saves a people filter as a segment of your team.',
    args: {
      name: t.arg.string({ required: true }),
      filter: t.arg({ type: PersonFilterInput, required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const name = parseName(args.name);
      const filter = await readPersonFilter(ctx, args.filter);
      const id = ulid();
      return ctx.db.writeTx(async (tx) => {
        const segment = await createSegment(tx, {
          id,
          name,
          filter: JSON.stringify(filter),
          teamId: teamOf(ctx),
          actor: ctx.actor,
        });
        await recordCreate(tx, id, ctx.actor, { name, filter });
        return segment;
      });
    },
  }),
);

async function newList(
  tx: Tx,
  ctx: Context,
  name: string,
  segmentId: string | null,
  ids: string[],
): Promise<PersonList> {
  const id = ulid();
  const list = await createList(tx, {
    id,
    name,
    segmentId,
    ids,
    teamId: teamOf(ctx),
    actor: ctx.actor,
  });
  await recordChange(tx, {
    entityId: id,
    op: 'create',
    actor: ctx.actor,
    changes: { name: [null, name], segmentId: [null, segmentId], members: [0, ids.length] },
  });
  return list;
}

builder.mutationField('freezeSegment', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Snapshots the segment’s members now into a new list.',
    args: { segment: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const name = parseName(args.name);
      const segment = await loadSegment(ctx, args.segment, ['segment']);
      return ctx.db.writeTx(async (tx) => {
        return newList(tx, ctx, name, segment.id, await readSegmentMemberIds(tx, segment));
      });
    },
  }),
);

const peopleIds = (people: readonly string[], path: string[]) => [
  ...new Set(people.map((p, i) => idOf(p, ['Person'], [...path, String(i)]).id)),
];

builder.mutationField('createPersonList', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    args: {
      name: t.arg.string({ required: true }),
      people: t.arg.idList({ required: false }),
    },
    resolve: (_r, args, ctx) => {
      const name = parseName(args.name);
      const ids = peopleIds(args.people ?? [], ['people']);
      return ctx.db.writeTx((tx) => newList(tx, ctx, name, null, ids));
    },
  }),
);

builder.mutationField('editPersonList', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Adds and removes people by hand.',
    args: {
      list: t.arg.id({ required: true }),
      add: t.arg.idList({ required: false }),
      remove: t.arg.idList({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const list = await loadList(ctx, args.list, ['list']);
      const add = peopleIds(args.add ?? [], ['add']);
      const remove = peopleIds(args.remove ?? [], ['remove']);
      await ctx.db.writeTx(async (tx) => {
        for (const [i, id] of add.entries()) {
          await requireNode(tx, 'Person', id, encodeGlobalId('Person', id), ['add', String(i)]);
        }
        const moved = await editListMembers(tx, { id: list.id, add, remove, actor: ctx.actor });
        await recordChange(tx, {
          entityId: list.id,
          op: 'update',
          actor: ctx.actor,
          changes: { added: [null, moved?.added ?? 0], removed: [null, moved?.removed ?? 0] },
        });
      });
      return list;
    },
  }),
);
