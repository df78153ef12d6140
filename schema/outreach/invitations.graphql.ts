import { ulid } from 'ulid';
import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { contactable } from '../personal-data/consent.ts';
import { readFirst } from '../shared/connection.ts';
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { note } from './common.ts';
import type { DeliveryChannel, DeliveryStatus } from './delivery/channel.ts';
import { EventRef } from './events.graphql.ts';
import { lockEvent, moveInvitation, seatsTakenCypher } from './invitation-moves.ts';
import { outreachText } from './outreach-text.ts';
import { loadList, loadSegment, segmentMembersPart } from './segments.graphql.ts';
import { type InvitationStatus, invitationStatuses, seated } from './stages.ts';
import { viewerParams, visibleTo } from './visibility.ts';

const InvitationStatusEnum = builder.enumType('InvitationStatus', {
  values: invitationStatuses,
});

export interface Invitation {
  id: string;
  personId: string;
  eventId: string;
  status: InvitationStatus;
  invitedAt: string;
  invitedBy: string | null;
  withColleague: boolean;
  /** How its e-mail went (delivery/); null until one is queued or it is marked sent by hand. */
  delivery: InvitationDelivery | null;
  /** How the notice of the event's last change went (delivery/event-change.ts); null if none. */
  changeNotice: InvitationDelivery | null;
}

export interface InvitationDelivery {
  status: DeliveryStatus;
  channel: DeliveryChannel | null;
  error: string | null;
  at: string | null;
  sentAt: string | null;
  sendCount: number;
}

interface InvitationChange {
  status: string;
  at: string;
  by: string | null;
  note: string | null;
  /** `link`: the invitee answered through their RSVP page; null: staff. */
  channel: string | null;
}

const invitationReturn = `r {.id, .status, .invitedBy, personId: p.id, eventId: e.id,
  withColleague: coalesce(r.withColleague, false),
  delivery: CASE WHEN r.delivery IS NULL THEN null ELSE {status: r.delivery, channel: r.deliveryChannel,
    error: r.deliveryError, at: toString(coalesce(r.deliveredAt, r.queuedAt)), sentAt: toString(r.sentAt),
    sendCount: coalesce(r.sendCount, 0)} END,
  changeNotice: CASE WHEN r.notice IS NULL THEN null ELSE {status: r.notice, channel: 'email',
    error: r.noticeError, at: toString(r.noticeAt), sentAt: toString(r.noticeSentAt),
    sendCount: coalesce(r.noticeCount, 0)} END,
  invitedAt: toString(coalesce(r.invitedAt, r.recordedAt))} AS invitation`;

async function loadInvitation(ctx: Context, id: string): Promise<Invitation | null> {
  const rows = await ctx.db.read<{ invitation: Invitation }>(
    `MATCH (p:Person)-[r:INVITED_TO {id: $id}]->(e:Event) WHERE ${visibleTo('e')}
     RETURN ${invitationReturn}`,
    { id, ...viewerParams(ctx) },
  );
  return rows[0]?.invitation ?? null;
}

/** The status history: the invitation itself, then every recorded status change, oldest first. */
async function loadInvitationHistory(ctx: Context, inv: Invitation): Promise<InvitationChange[]> {
  const rows = await ctx.db.read<{ at: string; actor: string; changes: string }>(
    `MATCH (c:Change {tieId: $id}) RETURN toString(c.at) AS at, c.actor AS actor, c.changes AS changes
     ORDER BY c.at, c.id`,
    { id: inv.id },
  );
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
      const rows = await ctx.db.read<{ invitation: Invitation }>(
        `MATCH (p:Person)-[r:INVITED_TO]->(e:Event {id: $id})
         WHERE NOT coalesce(r.deleted, false) AND ($statuses IS NULL OR r.status IN $statuses)
         WITH p, r, e ORDER BY coalesce(r.waitlistedAt, r.invitedAt, r.recordedAt), r.id LIMIT $first
         RETURN ${invitationReturn}`,
        {
          id: e.id,
          statuses: args.statuses?.length ? args.statuses : null,
          first: readFirst(args.first, { fallback: 100, max: 5000 }),
        },
      );
      return rows.map((r) => r.invitation);
    },
  }),
  seatsTaken: t.int({
    description: 'Seats of accepted or attended invitations (two when bringing a colleague).',
    resolve: async (e, _a, ctx) => {
      const rows = await ctx.db.read<{ n: number }>(seatsTakenCypher, { eventId: e.id, seated });
      return rows[0]?.n ?? 0;
    },
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

interface InviteResult {
  invited: number;
  alreadyInvited: number;
  doNotContact: number;
  noConsent: number;
}

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
  const found = await tx.run<{ status: string }>(
    `MATCH (e:Event {id: $eventId}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
     RETURN e.status AS status`,
    { eventId, ...viewerParams(ctx) },
  );
  if (!found[0]) throw new NotFoundError('Event', globalId, ['input', 'event']);
  if (['held', 'cancelled'].includes(found[0].status)) {
    throw new ConflictError(`the event is ${found[0].status}`, ['input', 'event'], {
      code: 'event_closed',
      params: { status: enumParam('EventStatus', found[0].status) },
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
      let source: { cypher: string; params: Record<string, unknown> };
      if (input.segment) {
        source = segmentMembersPart(await loadSegment(ctx, input.segment, ['input', 'segment']));
      } else if (input.list) {
        const list = await loadList(ctx, input.list, ['input', 'list']);
        source = {
          cypher: 'MATCH (:PersonList {id: $listId})-[:HAS_MEMBER]->(n:Person) WHERE NOT n.deleted',
          params: { listId: list.id },
        };
      } else {
        const people = (input.people ?? []).map(
          (p, i) => idOf(p, ['Person'], ['input', 'people', String(i)]).id,
        );
        source = {
          cypher: 'UNWIND $people AS pid MATCH (n:Person {id: pid}) WHERE NOT n.deleted',
          params: { people },
        };
      }
      return ctx.db.writeTx(async (tx) => {
        await requireOpenEvent(tx, ctx, eventId, input.event);
        await lockEvent(tx, eventId);
        // One statement: the members, who is invited already (checked only when the event has
        // invitations at all: a new event's list skips one look per member) and who may not be
        // contacted, then one batched CREATE of the rest.
        // Invitation ids: a ULID for the batch and the row number, so they still sort by time.
        const rows = await tx.run<InviteResult>(
          `MATCH (ev:Event {id: $eventId})
           WITH ev, EXISTS { (ev)<-[:INVITED_TO]-() } AS invitedBefore
           CALL () { ${source.cypher}
                     RETURN DISTINCT n ORDER BY n.id LIMIT $limit }
           WITH ev, n, coalesce(n.doNotContact, false) AS dnc, ${contactable('n')} AS ok,
                CASE WHEN invitedBefore
                     THEN EXISTS { (n)-[x:INVITED_TO]->(ev) WHERE NOT coalesce(x.deleted, false) }
                     ELSE false END AS dup
           WITH ev, collect(CASE WHEN ok AND NOT dup THEN n END) AS fresh,
                sum(CASE WHEN dup THEN 1 ELSE 0 END) AS alreadyInvited,
                sum(CASE WHEN dnc AND NOT dup THEN 1 ELSE 0 END) AS doNotContact,
                sum(CASE WHEN NOT ok AND NOT dnc AND NOT dup THEN 1 ELSE 0 END) AS noConsent
           CALL (ev, fresh) {
             UNWIND range(0, size(fresh) - 1) AS k
             WITH ev, fresh[k] AS p, k
             CREATE (p)-[:INVITED_TO {id: $batch + right('00000' + toString(k), 6), status: 'invited',
                                      invitedAt: datetime(), invitedBy: $actor, recordedAt: datetime(),
                                      deleted: false}]->(ev)
           }
           RETURN size(fresh) AS invited, alreadyInvited, doNotContact, noConsent`,
          { ...source.params, eventId, limit: maxInvites, batch: ulid(), actor: ctx.actor },
        );
        const result: InviteResult = rows[0] ?? {
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
        const rows = await tx.run(
          `MATCH (:Person)-[r:INVITED_TO {id: $id}]->(e:Event) WHERE ${visibleTo('e')}
           RETURN r.id AS id`,
          { id, ...viewerParams(ctx) },
        );
        if (!rows[0]) throw new NotFoundError('Invitation', args.id, ['id']);
        await moveInvitation(tx, { id, to: args.status, actor: ctx.actor, note: statusNote });
      });
      return (await loadInvitation(ctx, id)) as Invitation;
    },
  }),
);
