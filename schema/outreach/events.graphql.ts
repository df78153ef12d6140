import { ulid } from 'ulid';
import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { OrganizationRef } from '../organization/organization.graphql.ts';
import { PlaceRef } from '../place/place.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ConflictError, mutationErrors, NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { requiredText, text } from '../shared/rules.ts';
import { because, parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { isoDateTime, requireNode } from './common.ts';
import { bumpEventSequence, noteNotifiableChange } from './delivery/event-change.ts';
import { type EventStatus, eventKinds, eventMoves, eventStatuses } from './stages.ts';
import { teamOf, viewerParams, visibleTo } from './visibility.ts';

const EventKindEnum = builder.enumType('EventKind', { values: eventKinds });
const EventStatusEnum = builder.enumType('EventStatus', { values: eventStatuses });

export interface OutreachEvent {
  id: string;
  name: string;
  kind: string;
  startsAt: string | null;
  timeZone: string | null;
  venue: string | null;
  capacity: number | null;
  status: EventStatus;
  cityId: string | null;
  organiserId: string | null;
  colleaguesAllowed: boolean;
  createdAt: string;
  /** The last change of date, time zone, place or status that the people coming must hear about. */
  changedAt: string | null;
}

const eventReturn = `e {.id, .name, .kind, .timeZone, .venue, .capacity, .status,
  startsAt: toString(e.startsAt), createdAt: toString(e.createdAt), changedAt: toString(e.changedAt),
  colleaguesAllowed: coalesce(e.colleaguesAllowed, false),
  cityId: COLLECT { MATCH (e)-[:HELD_IN]->(p:Place) RETURN p.id }[0],
  organiserId: COLLECT { MATCH (e)-[:ORGANIZED_BY]->(o:Organization) RETURN o.id }[0]} AS event`;

export async function loadEvent(ctx: Context, id: string): Promise<OutreachEvent | null> {
  const rows = await ctx.db.read<{ event: OutreachEvent }>(
    `MATCH (e:Event {id: $id}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
     RETURN ${eventReturn}`,
    { id, ...viewerParams(ctx) },
  );
  return rows[0]?.event ?? null;
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
      const rows = await ctx.db.read<{ event: OutreachEvent }>(
        `MATCH (e:Event) WHERE NOT coalesce(e.deleted, false) AND ($statuses IS NULL OR e.status IN $statuses)
           AND ${visibleTo('e')}
         WITH e ORDER BY e.startsAt DESC, e.id LIMIT $first RETURN ${eventReturn}`,
        {
          statuses: args.statuses?.length ? args.statuses : null,
          first: readFirst(args.first, { fallback: 50, max: 500 }),
          ...viewerParams(ctx),
        },
      );
      return rows.map((r) => r.event);
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
        await tx.run(
          `CREATE (e:Event {id: $id, name: $name, kind: $kind, startsAt: datetime($startsAt),
                            timeZone: $timeZone, venue: $venue, capacity: $capacity, status: 'planned',
                            colleaguesAllowed: $colleaguesAllowed,
                            teamId: $teamId, createdBy: $actor, createdAt: datetime(),
                            updatedAt: datetime(), deleted: false})
           WITH e OPTIONAL MATCH (p:Place {id: $city}) OPTIONAL MATCH (o:Organization {id: $organiser})
           FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (e)-[:HELD_IN]->(p))
           FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (e)-[:ORGANIZED_BY]->(o))`,
          {
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
          },
        );
        await recordChange(tx, {
          entityId: id,
          op: 'create',
          actor: ctx.actor,
          changes: { name: [null, rules.name], startsAt: [null, rules.startsAt] },
        });
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
        const rows = await tx.run<{ status: EventStatus }>(
          `MATCH (e:Event {id: $id}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
           SET ${bumpEventSequence('e')} RETURN e.status AS status`,
          { id, ...viewerParams(ctx) },
        );
        const from = rows[0]?.status;
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
        await tx.run('MATCH (e:Event {id: $id}) SET e.status = $status', {
          id,
          status: args.status,
        });
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
        const rows = await tx.run<{ status: EventStatus; same: boolean }>(
          `MATCH (e:Event {id: $id}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
           RETURN e.status AS status,
             ($startsAt IS NULL OR datetime($startsAt) = e.startsAt)
             AND ($timeZone IS NULL OR $timeZone = e.timeZone)
             AND ($venueGiven = false OR coalesce($venue, '') = coalesce(e.venue, ''))
             AND ($city IS NULL OR $city = coalesce(COLLECT { MATCH (e)-[:HELD_IN]->(c:Place) RETURN c.id }[0], '')) AS same`,
          {
            id,
            startsAt: rules.startsAt ?? null,
            timeZone: rules.timeZone ?? null,
            venueGiven: input.venue !== undefined,
            venue: rules.venue ?? null,
            city: city === undefined ? null : (city ?? ''),
            ...viewerParams(ctx),
          },
        );
        const found = rows[0];
        if (!found) throw new NotFoundError('Event', args.id, ['id']);
        if (found.status === 'held' || found.status === 'cancelled') {
          throw new ConflictError(`the event is ${found.status}`, ['id'], {
            code: 'event_closed',
            params: { status: enumParam('EventStatus', found.status) },
          });
        }
        if (!found.same) await noteNotifiableChange(tx, id);
        await tx.run(
          `MATCH (e:Event {id: $id})
           SET ${bumpEventSequence('e')}, e.name = coalesce($name, e.name),
               e.startsAt = coalesce(datetime($startsAt), e.startsAt),
               e.timeZone = coalesce($timeZone, e.timeZone),
               e.venue = CASE WHEN $venueGiven THEN $venue ELSE e.venue END
           WITH e WHERE $cityGiven
           OPTIONAL MATCH (e)-[old:HELD_IN]->() DELETE old
           WITH DISTINCT e OPTIONAL MATCH (p:Place {id: $city})
           FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (e)-[:HELD_IN]->(p))`,
          {
            id,
            name: rules.name ?? null,
            startsAt: rules.startsAt ?? null,
            timeZone: rules.timeZone ?? null,
            venueGiven: input.venue !== undefined,
            venue: rules.venue ?? null,
            cityGiven: city !== undefined,
            city: city ?? null,
          },
        );
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
