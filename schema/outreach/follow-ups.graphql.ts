import { z } from 'zod';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { readFirst } from '../shared/connection.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange, recordCreate } from '../shared/history.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { isoDate, requireNode } from './common.ts';
import {
  accountExists,
  createFollowUp,
  type FollowUp,
  markFollowUpDone,
  readDueFollowUps,
  readFollowUp,
} from './follow-ups.cypher.ts';
import { outreachText } from './outreach-text.ts';
import { teamOf, viewerParams } from './visibility.ts';

const FollowUpRef = builder.objectRef<FollowUp>('FollowUp').implement({
  description: 'A task: follow up on a person, event or introduction by a due date.',
  fields: (t) => ({
    id: t.id({ resolve: (f) => encodeGlobalId('FollowUp', f.id) }),
    title: t.string({ resolve: (f, _a, ctx) => outreachText(ctx, f.title) }),
    dueOn: t.exposeString('dueOn', { description: 'YYYY-MM-DD.' }),
    overdue: t.boolean({
      resolve: (f) => !f.done && f.dueOn < new Date().toISOString().slice(0, 10),
    }),
    owner: t.id({ resolve: (f) => encodeGlobalId('Account', f.ownerId) }),
    subject: t.id({
      description: 'The global id of the person, event or introduction.',
      resolve: (f) => encodeGlobalId(f.subjectKind, f.subjectId),
    }),
    done: t.exposeBoolean('done'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.exposeString('createdAt'),
  }),
});

const FollowUpInput = builder.inputType('FollowUpInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    dueOn: t.string({ required: true, description: 'YYYY-MM-DD.' }),
    subject: t.id({ required: true, description: 'A Person, Event or Introduction.' }),
    owner: t.id({ required: false, description: 'An Account; default you.' }),
  }),
});

const followUpRules = z.object({ title: requiredText(300), dueOn: isoDate });

builder.mutationField('createFollowUp', (t) =>
  t.field({
    type: FollowUpRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: FollowUpInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const rules = parseInput(followUpRules, input, ['input']);
      const subject = idOf(
        input.subject,
        ['Person', 'Event', 'Introduction'],
        ['input', 'subject'],
      );
      const ownerId = input.owner
        ? idOf(input.owner, ['Account'], ['input', 'owner']).id
        : (ctx.account?.id ?? '');
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        await requireNode(tx, subject.kind, subject.id, input.subject, ['input', 'subject']);
        if (!(await accountExists(tx, ownerId)))
          throw new NotFoundError('Account', input.owner ?? '', ['input', 'owner']);
        await createFollowUp(tx, {
          id,
          ...rules,
          ownerId,
          subjectKind: subject.kind,
          subjectId: subject.id,
          teamId: teamOf(ctx),
          actor: ctx.actor,
        });
        await recordCreate(tx, id, ctx.actor, { title: rules.title, dueOn: rules.dueOn });
      });
      return (await readFollowUp(ctx.db, id, viewerParams(ctx))) as FollowUp;
    },
  }),
);

builder.mutationField('completeFollowUp', (t) =>
  t.field({
    type: FollowUpRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['FollowUp'], ['id']);
      await ctx.db.writeTx(async (tx) => {
        if (!(await markFollowUpDone(tx, id, ctx.actor, viewerParams(ctx))))
          throw new NotFoundError('FollowUp', args.id, ['id']);
        await recordChange(tx, {
          entityId: id,
          op: 'update',
          actor: ctx.actor,
          changes: { done: [false, true] },
        });
      });
      return (await readFollowUp(ctx.db, id, viewerParams(ctx))) as FollowUp;
    },
  }),
);

builder.queryField('myFollowUps', (t) =>
  t.field({
    type: [FollowUpRef],
    authScopes: { outreach: true },
    description: 'Your open follow-ups due on or before `due` (default today): due and overdue.',
    args: {
      due: t.arg.string({ required: false, description: 'YYYY-MM-DD' }),
      first: t.arg.int({ required: false, defaultValue: 100 }),
    },
    resolve: async (_r, args, ctx) => {
      const due =
        parseInput(isoDate.nullish(), args.due, ['due']) ?? new Date().toISOString().slice(0, 10);
      return readDueFollowUps(
        ctx.db,
        ctx.account?.id ?? '',
        due,
        readFirst(args.first, { fallback: 100, max: 500 }),
      );
    },
  }),
);
