import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { OrganizationRef } from '../organization/organization.graphql.ts';
import { PlaceRef } from '../place/place.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ConflictError, mutationErrors, NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { recordChange, recordCreate } from '../shared/history.ts';
import { requiredText, text } from '../shared/rules.ts';
import { because, parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { isoDateTime, requireNode } from './common.ts';
import { noteNotifiableChange } from './delivery/event-change.ts';
import {
  bumpVisibleEvent,
  createEvent,
  type OutreachEvent,
  readEvent,
  readEventBeforeEdit,
  readEvents,
  setEventStatus,
  updateEvent,
} from './events.cypher.ts';
import { eventKinds, eventMoves, eventStatuses } from './stages.ts';
import { teamOf, viewerParams } from './visibility.ts';

const EventKindEnum = builder.enumType('EventKind', { values: eventKinds });
const EventStatusEnum = builder.enumType('EventStatus', { values: eventStatuses });

export async function loadEvent(ctx: Context, id: string): Promise<OutreachEvent | null> {
  return readEvent(ctx.db, id, viewerParams(ctx));
}

export const EventRef = builder.objectRef<OutreachEvent>('Event');
builder.node(EventRef, {
  description: 'An outreach event: a special session (专场), forum, fair, visit or online meeting.',
  id: { resolve: (e) => e.id },
  isTypeOf: (v) => typeof (v as OutreachEvent).capacity !== 'undefined',
  loadOne: (id, ctx) => loadEvent(ctx, id),
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: EventKindEnum, resolve: (e) => e.kind as never }),
    status: t.field({ type: EventStatusEnum, resolve: (e) => e.status }),
    startsAt: t.exposeString('startsAt', {
      nullable: true,
      description: 'ISO date-time with its offset.',
    }),
    timeZone: t.exposeString('timeZone', {
      nullable: true,
      description: 'IANA, e.g. Asia/Shanghai.',
    }),
    venue: t.exposeString('venue', { nullable: true }),
    capacity: t.exposeInt('capacity', { nullable: true, description: 'Seats; null = no limit.' }),
    colleaguesAllowed: t.exposeBoolean('colleaguesAllowed', {
      description: 'Invitees may answer that they bring a colleague (who takes a seat too).',
    }),
    city: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.cityId ? loadEntity(ctx, 'Place', e.cityId) : null),
    }),
    organiser: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (e, _a, ctx) =>
        e.organiserId ? loadEntity(ctx, 'Organization', e.organiserId) : null,
    }),
    createdAt: t.exposeString('createdAt'),
  }),
});

builder.queryField('events', (t) =>
  t.field({
    type: [EventRef],
    authScopes: { signedIn: true },
    description: 'Events you may see, latest first.',
    args: {
      statuses: t.arg({ type: [EventStatusEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
    },
    resolve: async (_r, args, ctx) => {
      const statuses = args.statuses?.length ? args.statuses : null;
      const first = readFirst(args.first, { fallback: 50, max: 500 });
      return readEvents(ctx.db, { statuses, first }, viewerParams(ctx));
    },
  }),
);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const eventRules = z.object({
  name: requiredText(200),
  startsAt: isoDateTime,
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, because('not_time_zone', 'must be an IANA time zone')),
  venue: text(300).nullish(),
  capacity: z.number().int().min(1, { message: 'must be at least 1' }).max(100_000).nullish(),
  colleaguesAllowed: z.boolean().nullish(),
});

const EventInput = builder.inputType('EventInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: EventKindEnum, required: true }),
    startsAt: t.string({ required: true, description: 'ISO date-time with offset.' }),
    timeZone: t.string({ required: true, description: 'IANA time zone, e.g. Asia/Shanghai.' }),
    city: t.id({ required: false, description: 'A Place (none for online events).' }),
    venue: t.string({ required: false }),
    organiser: t.id({ required: false, description: 'An Organization.' }),
    capacity: t.int({ required: false }),
    colleaguesAllowed: t.boolean({
      required: false,
      description: 'Invitees may bring a colleague (default no).',
    }),
  }),
});

builder.mutationField('createEvent', (t) =>
  t.field({
    type: EventRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description: 'Plans an event for your team (staff and admins).',
    args: { input: t.arg({ type: EventInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const rules = parseInput(eventRules, input, ['input']);
      const city = input.city ? idOf(input.city, ['Place'], ['input', 'city']).id : null;
      const organiser = input.organiser
        ? idOf(input.organiser, ['Organization'], ['input', 'organiser']).id
        : null;
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        if (city) await requireNode(tx, 'Place', city, input.city ?? '', ['input', 'city']);
        if (organiser) {
          await requireNode(tx, 'Organization', organiser, input.organiser ?? '', [
            'input',
            'organiser',
          ]);
        }
        await createEvent(tx, {
          id,
          ...rules,
          venue: rules.venue ?? null,
          capacity: rules.capacity ?? null,
          colleaguesAllowed: rules.colleaguesAllowed ?? false,
          kind: input.kind,
          city,
          organiser,
          teamId: teamOf(ctx),
          actor: ctx.actor,
        });
        await recordCreate(tx, id, ctx.actor, { name: rules.name, startsAt: rules.startsAt });
      });
      return (await loadEvent(ctx, id)) as OutreachEvent;
    },
  }),
);

builder.mutationField('setEventStatus', (t) =>
  t.field({
    type: EventRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description: 'planned → open → held; planned or open → cancelled.',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: EventStatusEnum, required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['Event'], ['id']);
      await ctx.db.writeTx(async (tx) => {
        const from = await bumpVisibleEvent(tx, id, viewerParams(ctx));
        if (!from) throw new NotFoundError('Event', args.id, ['id']);
        if (!eventMoves[from].includes(args.status)) {
          throw new ConflictError(
            `an event cannot move from '${from}' to '${args.status}'`,
            ['status'],
            {
              code: 'event_move',
              params: {
                from: enumParam('EventStatus', from),
                to: enumParam('EventStatus', args.status),
              },
            },
          );
        }
        if (args.status === 'cancelled') await noteNotifiableChange(tx, id);
        await setEventStatus(tx, id, args.status);
        await recordChange(tx, {
          entityId: id,
          op: 'update',
          actor: ctx.actor,
          changes: { status: [from, args.status] },
        });
      });
      return (await loadEvent(ctx, id)) as OutreachEvent;
    },
  }),
);

const EventPatch = builder.inputType('EventPatch', {
  description: 'Only the fields given change; venue or city null clears it.',
  fields: (t) => ({
    name: t.string({ required: false }),
    startsAt: t.string({ required: false, description: 'ISO date-time with offset.' }),
    timeZone: t.string({ required: false, description: 'IANA time zone, e.g. Asia/Shanghai.' }),
    city: t.id({ required: false, description: 'A Place; null for an online event.' }),
    venue: t.string({ required: false }),
  }),
});

builder.mutationField('updateEvent', (t) =>
  t.field({
    type: EventRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'Edits a planned or open event. A new date, time zone or place is then owed to the people coming: notifyEventChange tells them.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: EventPatch, required: true }) },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['Event'], ['id']);
      const { input } = args;
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const rules = parseInput(eventRules.partial(), given, ['input']);
      const city =
        input.city === undefined
          ? undefined
          : input.city && idOf(input.city, ['Place'], ['input', 'city']).id;
      await ctx.db.writeTx(async (tx) => {
        if (city) await requireNode(tx, 'Place', city, input.city ?? '', ['input', 'city']);
        const edit = {
          id,
          startsAt: rules.startsAt ?? null,
          timeZone: rules.timeZone ?? null,
          venueGiven: input.venue !== undefined,
          venue: rules.venue ?? null,
        };
        const found = await readEventBeforeEdit(
          tx,
          { ...edit, city: city === undefined ? null : (city ?? '') },
          viewerParams(ctx),
        );
        if (!found) throw new NotFoundError('Event', args.id, ['id']);
        if (found.status === 'held' || found.status === 'cancelled') {
          throw new ConflictError(`the event is ${found.status}`, ['id'], {
            code: 'event_closed',
            params: { status: enumParam('EventStatus', found.status) },
          });
        }
        if (!found.same) await noteNotifiableChange(tx, id);
        await updateEvent(tx, {
          ...edit,
          name: rules.name ?? null,
          cityGiven: city !== undefined,
          city: city ?? null,
        });
        await recordChange(tx, {
          entityId: id,
          op: 'update',
          actor: ctx.actor,
          changes: Object.fromEntries(
            Object.entries({ ...given, ...rules }).map(([k, v]) => [k, [null, v ?? null]]),
          ),
        });
      });
      return (await loadEvent(ctx, id)) as OutreachEvent;
    },
  }),
);
