import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { note } from './common.ts';
import { EventRef } from './events.graphql.ts';
import { lockEvent, moveInvitation } from './invitation-moves.ts';
import {
  type Invitation,
  type InviteResult,
  invitationVisible,
  inviteToEvent,
  peoplePart,
  readEventInvitations,
  readInvitation,
  readInvitationChanges,
  readSeatsTaken,
  readVisibleEventStatus,
} from './invitations.cypher.ts';
import { outreachText } from './outreach-text.ts';
import { listMembersPart, type PeoplePart, segmentMembersPart } from './segments.cypher.ts';
import { loadList, loadSegment } from './segments.graphql.ts';
import { invitationStatuses } from './stages.ts';
import { viewerParams } from './visibility.ts';

export const InvitationStatusEnum = builder.enumType('InvitationStatus', {
  values: invitationStatuses,
});

interface InvitationChange {
  status: string;
  at: string;
  by: string | null;
  note: string | null;
  /** `link`: the invitee answered through their RSVP page; null: staff. */
  channel: string | null;
}

async function loadInvitation(ctx: Context, id: string): Promise<Invitation | null> {
  return readInvitation(ctx.db, id, viewerParams(ctx));
}

/** The status history: the invitation itself, then every recorded status change, oldest first. */
async function loadInvitationHistory(ctx: Context, inv: Invitation): Promise<InvitationChange[]> {
  const rows = await readInvitationChanges(ctx.db, inv.id);
  const later = rows.map((r) => {
    const changes = JSON.parse(r.changes) as {
      status?: [string, string];
      note?: [null, string];
      channel?: [null, string];
    };
    return {
      status: changes.status?.[1] ?? '',
      at: r.at,
      by: r.actor,
      note: changes.note?.[1] ?? null,
      channel: changes.channel?.[1] ?? null,
    };
  });
  // Delivery changes (sent, failed) have no status: the history lists status moves only.
  return [
    { status: 'invited', at: inv.invitedAt, by: inv.invitedBy, note: null, channel: null },
    ...later.filter((c) => c.status),
  ];
}

const InvitationChangeRef = builder.objectRef<InvitationChange>('InvitationChange').implement({
  fields: (t) => ({
    status: t.field({ type: InvitationStatusEnum, resolve: (c) => c.status as never }),
    at: t.exposeString('at'),
    by: t.exposeString('by', { nullable: true }),
    note: t.string({ nullable: true, resolve: (x, _a, ctx) => outreachText(ctx, x.note) }),
    channel: t.exposeString('channel', {
      nullable: true,
      description: '`link`: answered by the invitee on their RSVP page; null: by staff.',
    }),
  }),
});

export const InvitationRef = builder.objectRef<Invitation>('Invitation').implement({
  description: 'A person invited to an event, with the status of the invitation.',
  fields: (t) => ({
    id: t.id({ resolve: (i) => encodeGlobalId('Invitation', i.id) }),
    status: t.field({ type: InvitationStatusEnum, resolve: (i) => i.status }),
    invitedAt: t.exposeString('invitedAt'),
    withColleague: t.exposeBoolean('withColleague', {
      description: 'Accepted for two: the invitee brings a colleague.',
    }),
    person: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (i, _a, ctx) => loadEntity(ctx, 'Person', i.personId),
    }),
    eventId: t.id({ resolve: (i) => encodeGlobalId('Event', i.eventId) }),
    history: t.field({
      type: [InvitationChangeRef],
      description: 'invited, then every status change (who, when, note), oldest first.',
      resolve: (i, _a, ctx) => loadInvitationHistory(ctx, i),
    }),
  }),
});

builder.objectFields(EventRef, (t) => ({
  invitations: t.field({
    type: [InvitationRef],
    description: 'Invitations, optionally of some statuses; waitlisted in queue order.',
    args: {
      statuses: t.arg({ type: [InvitationStatusEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 100 }),
    },
    resolve: async (e, args, ctx) => {
      const statuses = args.statuses?.length ? args.statuses : null;
      const first = readFirst(args.first, { fallback: 100, max: 5000 });
      return readEventInvitations(ctx.db, { id: e.id, statuses, first });
    },
  }),
  seatsTaken: t.int({
    description: 'Seats of accepted or attended invitations (two when bringing a colleague).',
    resolve: (e, _a, ctx) => readSeatsTaken(ctx.db, e.id),
  }),
}));

const InviteInput = builder.inputType('InviteInput', {
  description: 'Who to invite: exactly one of segment, list or people.',
  fields: (t) => ({
    event: t.id({ required: true }),
    segment: t.id({ required: false }),
    list: t.id({ required: false }),
    people: t.idList({ required: false }),
  }),
});

const InviteResultRef = builder.objectRef<InviteResult>('InviteResult').implement({
  fields: (t) => ({
    invited: t.exposeInt('invited'),
    alreadyInvited: t.exposeInt('alreadyInvited', { description: 'Skipped: invited before.' }),
    doNotContact: t.exposeInt('doNotContact', { description: 'Skipped: marked do-not-contact.' }),
    noConsent: t.exposeInt('noConsent', {
      description:
        'Skipped: consent to be contacted is not granted (unknown, refused or withdrawn); record it with recordConsent.',
    }),
  }),
});

/**
 * Throws NotFoundError unless the event exists and `ctx` may see it, and ConflictError when it is
 * held or cancelled (nobody is invited to, or sent invitations for, such an event).
 */
export async function requireOpenEvent(tx: Tx, ctx: Context, eventId: string, globalId: string) {
  const status = await readVisibleEventStatus(tx, eventId, viewerParams(ctx));
  if (status === undefined) throw new NotFoundError('Event', globalId, ['input', 'event']);
  if (['held', 'cancelled'].includes(status)) {
    throw new ConflictError(`the event is ${status}`, ['input', 'event'], {
      code: 'event_closed',
      params: { status: enumParam('EventStatus', status) },
    });
  }
}

/** At most this many people per invitation call. */
const maxInvites = 200_000;

builder.mutationField('inviteToEvent', (t) =>
  t.field({
    type: InviteResultRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'Invites a segment, a list or some people to an event: never twice, only people who granted consent and are not marked do-not-contact.',
    args: { input: t.arg({ type: InviteInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { id: eventId } = idOf(input.event, ['Event'], ['input', 'event']);
      const given = [input.segment, input.list, input.people].filter((x) => x != null);
      if (given.length !== 1) {
        throw new ValidationError([
          {
            path: ['input'],
            code: 'one_source',
            message: 'give exactly one of segment, list or people',
          },
        ]);
      }
      // The people, as a Cypher part binding `n`: nothing is shipped to Node and back.
      let source: PeoplePart;
      if (input.segment) {
        source = segmentMembersPart(await loadSegment(ctx, input.segment, ['input', 'segment']));
      } else if (input.list) {
        const list = await loadList(ctx, input.list, ['input', 'list']);
        source = listMembersPart(list.id);
      } else {
        const people = (input.people ?? []).map(
          (p, i) => idOf(p, ['Person'], ['input', 'people', String(i)]).id,
        );
        source = peoplePart(people);
      }
      return ctx.db.writeTx(async (tx) => {
        await requireOpenEvent(tx, ctx, eventId, input.event);
        await lockEvent(tx, eventId);
        const invite = { eventId, limit: maxInvites, batch: ulid(), actor: ctx.actor };
        const result: InviteResult = (await inviteToEvent(tx, source, invite)) ?? {
          invited: 0,
          alreadyInvited: 0,
          doNotContact: 0,
          noConsent: 0,
        };
        await recordChange(tx, {
          entityId: eventId,
          op: 'update',
          actor: ctx.actor,
          changes: { invited: [null, result.invited] },
        });
        return result;
      });
    },
  }),
);

const statusRules = z.object({ note: note.nullish() });

builder.mutationField('setInvitationStatus', (t) =>
  t.field({
    type: InvitationRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'invited → accepted/declined → attended/no_show; cancelled. Accepting a full event puts the person on the waitlist; seats given up go to the waitlisted in order, each party (one seat, two with a colleague) that fits.',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: InvitationStatusEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['Invitation'], ['id']);
      const { note: statusNote } = parseInput(statusRules, { note: args.note }, []);
      await ctx.db.writeTx(async (tx) => {
        if (!(await invitationVisible(tx, id, viewerParams(ctx))))
          throw new NotFoundError('Invitation', args.id, ['id']);
        await moveInvitation(tx, { id, to: args.status, actor: ctx.actor, note: statusNote });
      });
      return (await loadInvitation(ctx, id)) as Invitation;
    },
  }),
);
