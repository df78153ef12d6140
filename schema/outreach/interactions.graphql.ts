import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { OrganizationRef } from '../organization/organization.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { mutationErrors } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { isoDateTime, note, requireNode } from './common.ts';
import {
  createInteraction,
  createNote,
  type Interaction,
  readInteractionsOf,
  readTimeline,
  type TimelineItem,
} from './interactions.cypher.ts';
import { ChannelEnum, channels } from './introductions.graphql.ts';
import { outreachText } from './outreach-text.ts';
import { teamOf, viewerParams } from './visibility.ts';

const timelineKinds = [
  'note',
  'interaction',
  'invitation',
  'attendance',
  'invitation_status',
  'introduction',
  'stage_change',
  'event',
] as const;
const TimelineKindEnum = builder.enumType('TimelineKind', { values: timelineKinds });

const TimelineItemRef = builder.objectRef<TimelineItem>('TimelineItem').implement({
  description: 'One entry of an activity timeline.',
  fields: (t) => ({
    at: t.exposeString('at'),
    kind: t.field({ type: TimelineKindEnum, resolve: (i) => i.kind as never }),
    summary: t.string({ resolve: (i, _a, ctx) => outreachText(ctx, i.summary) }),
    channel: t.exposeString('channel', { nullable: true }),
    status: t.exposeString('status', {
      nullable: true,
      description: 'The stage or invitation status it moved to.',
    }),
    recordId: t.id({
      description: 'The note, interaction, invitation, introduction or event it is about.',
      resolve: (i) => encodeGlobalId(i.recordKind, i.recordId),
    }),
  }),
});

/** An invitation's status change carries the Change's JSON; it becomes the new status. */
function readStatusChange(item: TimelineItem): TimelineItem {
  if (item.kind !== 'invitation_status' || !item.status) return item;
  const status = (JSON.parse(item.status) as { status?: [string, string] }).status?.[1] ?? null;
  return { ...item, status, kind: status === 'attended' ? 'attendance' : item.kind };
}

async function timeline(
  ctx: Context,
  label: 'Person' | 'Organization',
  id: string,
  first: number | null | undefined,
): Promise<TimelineItem[]> {
  const rows = await readTimeline(
    ctx.db,
    label,
    id,
    readFirst(first, { fallback: 100, max: 1000 }),
    viewerParams(ctx),
  );
  return rows.map(readStatusChange);
}

builder.objectField(PersonRef, 'timeline', (t) =>
  t.field({
    type: [TimelineItemRef],
    authScopes: { signedIn: true },
    description:
      'Notes, interactions, invitations, attendance, introductions and stage changes, newest first (records you may see).',
    args: { first: t.arg.int({ required: false, defaultValue: 100 }) },
    resolve: (p, args, ctx) => timeline(ctx, 'Person', p.id, args.first),
  }),
);

builder.objectField(OrganizationRef, 'timeline', (t) =>
  t.field({
    type: [TimelineItemRef],
    authScopes: { signedIn: true },
    description: 'Notes, introductions to it, their stage changes and its events, newest first.',
    args: { first: t.arg.int({ required: false, defaultValue: 100 }) },
    resolve: (o, args, ctx) => timeline(ctx, 'Organization', o.id, args.first),
  }),
);

const InteractionRef = builder.objectRef<Interaction>('Interaction').implement({
  description: 'A contact with a person: a WeChat message, call, visit, meeting, e-mail or event.',
  fields: (t) => ({
    id: t.id({ resolve: (i) => encodeGlobalId('Interaction', i.id) }),
    channel: t.field({ type: ChannelEnum, resolve: (i) => i.channel as never }),
    at: t.exposeString('at'),
    note: t.string({ nullable: true, resolve: (x, _a, ctx) => outreachText(ctx, x.note) }),
    createdBy: t.exposeString('createdBy'),
  }),
});

builder.objectField(PersonRef, 'interactions', (t) =>
  t.field({
    type: [InteractionRef],
    authScopes: { signedIn: true },
    description: 'The interactions log, newest first (records you may see).',
    args: { first: t.arg.int({ required: false, defaultValue: 100 }) },
    resolve: (p, args, ctx) =>
      readInteractionsOf(
        ctx.db,
        p.id,
        readFirst(args.first, { fallback: 100, max: 1000 }),
        viewerParams(ctx),
      ),
  }),
);

const InteractionInput = builder.inputType('InteractionInput', {
  fields: (t) => ({
    person: t.id({ required: true }),
    channel: t.field({ type: ChannelEnum, required: true }),
    at: t.string({ required: false, description: 'ISO date-time with offset; default now.' }),
    note: t.string({ required: false }),
  }),
});

const interactionRules = z.object({
  channel: z.enum(channels),
  at: isoDateTime.nullish(),
  note: note.nullish(),
});

builder.mutationField('logInteraction', (t) =>
  t.field({
    type: InteractionRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: InteractionInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { id: personId } = idOf(input.person, ['Person'], ['input', 'person']);
      const rules = parseInput(interactionRules, input, ['input']);
      const id = ulid();
      return ctx.db.writeTx(async (tx) => {
        await requireNode(tx, 'Person', personId, input.person, ['input', 'person']);
        const interaction = await createInteraction(tx, {
          personId,
          id,
          channel: rules.channel,
          at: rules.at ?? null,
          note: rules.note ?? null,
          teamId: teamOf(ctx),
          actor: ctx.actor,
        });
        await recordChange(tx, {
          entityId: personId,
          op: 'update',
          actor: ctx.actor,
          changes: { interaction: [null, `${rules.channel} (${id})`] },
          teamId: teamOf(ctx),
        });
        return interaction;
      });
    },
  }),
);

builder.mutationField('addNote', (t) =>
  t.field({
    type: 'ID',
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Adds a note about a person or organisation (your team’s record). Returns its id.',
    args: { subject: t.arg.id({ required: true }), text: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const subject = idOf(args.subject, ['Person', 'Organization'], ['subject']);
      const { text } = parseInput(z.object({ text: requiredText(4000) }), { text: args.text }, []);
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        await requireNode(tx, subject.kind, subject.id, args.subject, ['subject']);
        await createNote(tx, subject.kind, {
          subjectId: subject.id,
          id,
          text,
          teamId: teamOf(ctx),
          actor: ctx.actor,
        });
        await recordChange(tx, {
          entityId: subject.id,
          op: 'update',
          actor: ctx.actor,
          changes: { note: [null, id] },
          teamId: teamOf(ctx),
        });
      });
      return encodeGlobalId('Note', id);
    },
  }),
);
