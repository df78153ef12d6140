import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { text } from '../shared/rules.ts';
import { because, parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { addTie } from '../tie/tie-write.ts';
import { note, requireNode } from './common.ts';
import { recordIntroductionFacts } from './funnel-facts.ts';
import { pathIssues } from './introduction-path.ts';
import {
  countIntroducerLoad,
  createIntroduction,
  createStageMove,
  findIntroductions,
  hasProjectTie,
  type Introduction,
  type IntroductionOwner,
  lockIntroduction,
  markProjectLanded,
  readIntroductionOwners,
  readIntroductions,
  readStageMoves,
  type StageMove,
} from './introductions.cypher.ts';
import { outreachText } from './outreach-text.ts';
import { type IntroductionStage, introductionStages, stageMoveProblem } from './stages.ts';
import { teamOf, viewerParams } from './visibility.ts';

export const channels = ['wechat', 'call', 'visit', 'meeting', 'email', 'event'] as const;
export const ChannelEnum = builder.enumType('OutreachChannel', { values: channels });
export const IntroductionStageEnum = builder.enumType('IntroductionStage', {
  values: introductionStages,
});

function loadIntroduction(ctx: Context, id: string): Promise<Introduction | null> {
  return loaderFor<Introduction | null>(ctx, 'introduction', async (ids) => {
    const intros = await readIntroductions(ctx.db, ids, viewerParams(ctx));
    const byId = new Map(intros.map((intro) => [intro.id, intro]));
    return ids.map((i) => byId.get(i) ?? null);
  }).load(id);
}

/** Who made the demo graph's stage moves (`by` = `seed`: no account made them), in words. */
const seedActorName: Record<Context['lang'], string> = { zh: '演示数据', en: 'demo data' };

function loadHistory(ctx: Context, id: string): Promise<StageMove[]> {
  return loaderFor<StageMove[]>(ctx, 'introductionHistory', async (ids) => {
    const rows = await readStageMoves(ctx.db, ids, seedActorName[ctx.lang]);
    return groupInOrder(ids, rows, (r) => r.introId).map((list) => list.map((r) => r.move));
  }).load(id);
}

const StageMoveRef = builder.objectRef<StageMove>('StageMove').implement({
  description: 'One move of an introduction through the pipeline: who, when, why.',
  fields: (t) => ({
    id: t.id({ resolve: (m) => encodeGlobalId('StageMove', m.id) }),
    from: t.field({ type: IntroductionStageEnum, nullable: true, resolve: (m) => m.from as never }),
    to: t.field({ type: IntroductionStageEnum, resolve: (m) => m.to as never }),
    at: t.exposeString('at'),
    by: t.exposeString('by', { description: 'The actor, `Account:<id>`.' }),
    byName: t.exposeString('byName', {
      nullable: true,
      description: 'The name of the account that moved it.',
    }),
    note: t.string({ nullable: true, resolve: (x, _a, ctx) => outreachText(ctx, x.note) }),
    override: t.exposeBoolean('override', {
      description: 'Landed without having been signed (allowed with a note).',
    }),
  }),
});

export const IntroductionRef = builder.objectRef<Introduction>('Introduction');
builder.node(IntroductionRef, {
  description:
    'An introduction (引荐): an introducer puts a talent in touch with an organisation, project or need.',
  id: { resolve: (i) => i.id },
  isTypeOf: (v) => typeof (v as Introduction).introducerId !== 'undefined',
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadIntroduction(ctx, id))),
  fields: (t) => ({
    stage: t.field({ type: IntroductionStageEnum, resolve: (i) => i.stage }),
    stageAt: t.exposeString('stageAt', { description: 'When it entered its current stage.' }),
    channel: t.field({ type: ChannelEnum, nullable: true, resolve: (i) => i.channel as never }),
    note: t.string({ nullable: true, resolve: (x, _a, ctx) => outreachText(ctx, x.note) }),
    createdAt: t.exposeString('createdAt'),
    createdBy: t.exposeString('createdBy', { nullable: true }),
    introducer: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (i, _a, ctx) => (i.introducerId ? loadEntity(ctx, 'Person', i.introducerId) : null),
    }),
    talent: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (i, _a, ctx) => (i.talentId ? loadEntity(ctx, 'Person', i.talentId) : null),
    }),
    targetId: t.id({
      nullable: true,
      description: 'The global id of the target (an Organization, Project or Need).',
      resolve: (i) =>
        i.targetId && i.targetKind ? encodeGlobalId(i.targetKind, i.targetId) : null,
    }),
    target: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The target organisation or project (null for a need: see targetId).',
      resolve: (i, _a, ctx) =>
        i.targetId && (i.targetKind === 'Organization' || i.targetKind === 'Project')
          ? loadEntity(ctx, i.targetKind, i.targetId)
          : null,
    }),
    path: t.field({
      type: [PersonRef],
      description:
        'The introduction path it was started from, from the introducer to the talent (empty when none; people since deleted are left out).',
      resolve: async (i, _a, ctx) =>
        (await Promise.all((i.path ?? []).map((id) => loadEntity(ctx, 'Person', id)))).filter(
          (p) => p !== null,
        ),
    }),
    owner: t.id({
      nullable: true,
      description: 'The account that owns it (the one that recorded it unless reassigned).',
      resolve: (i) => (i.ownerId ? encodeGlobalId('Account', i.ownerId) : null),
    }),
    ownerName: t.exposeString('ownerName', { nullable: true }),
    eventId: t.id({
      nullable: true,
      description: 'The event the introduction came from, if any.',
      resolve: (i) => (i.eventId ? encodeGlobalId('Event', i.eventId) : null),
    }),
    history: t.field({
      type: [StageMoveRef],
      description: 'Every stage move, oldest first (starting with the move into `proposed`).',
      resolve: (i, _a, ctx) => loadHistory(ctx, i.id),
    }),
  }),
});

builder.queryField('introduction', (t) =>
  t.field({
    type: IntroductionRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => loadIntroduction(ctx, idOf(args.id, ['Introduction'], ['id']).id),
  }),
);

/** The pipeline's search words (blank: no search). */
const searchRule = text(100).optional();

builder.queryField('introductions', (t) =>
  t.field({
    type: [IntroductionRef],
    authScopes: { signedIn: true },
    description:
      'Introductions you may see (consultants: their own), newest first, narrowed by stage, people, owner, the talent’s field and city, and words.',
    args: {
      stages: t.arg({ type: [IntroductionStageEnum], required: false }),
      talent: t.arg.id({ required: false }),
      introducer: t.arg.id({ required: false }),
      target: t.arg.id({ required: false }),
      owner: t.arg.id({ required: false, description: 'The owning Account.' }),
      field: t.arg.id({
        required: false,
        description: 'A Field: the talent is expert in it or in a field under it.',
      }),
      place: t.arg.id({
        required: false,
        description: 'A Place (a city, province …): the talent lives in it now.',
      }),
      search: t.arg.string({
        required: false,
        description: 'Words in the talent’s, introducer’s or target’s name (any spelling kept).',
      }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
    },
    resolve: async (_r, args, ctx) => {
      const owner = args.owner ? idOf(args.owner, ['Account'], ['owner']).id : null;
      const field = args.field ? idOf(args.field, ['Field'], ['field']).id : null;
      const place = args.place ? idOf(args.place, ['Place'], ['place']).id : null;
      const search = parseInput(searchRule, args.search ?? undefined, ['search']) || null;
      const talent = args.talent ? idOf(args.talent, ['Person'], ['talent']).id : null;
      const introducer = args.introducer
        ? idOf(args.introducer, ['Person'], ['introducer']).id
        : null;
      const target = args.target
        ? idOf(args.target, ['Organization', 'Project', 'Need'], ['target'])
        : null;
      // An unknown or deleted person or target is named, not answered with an empty list.
      await ctx.db.readTx(async (tx) => {
        if (talent) await requireNode(tx, 'Person', talent, args.talent ?? '', ['talent']);
        if (introducer)
          await requireNode(tx, 'Person', introducer, args.introducer ?? '', ['introducer']);
        if (target) await requireNode(tx, target.kind, target.id, args.target ?? '', ['target']);
        if (field) await requireNode(tx, 'Field', field, args.field ?? '', ['field']);
        if (place) await requireNode(tx, 'Place', place, args.place ?? '', ['place']);
      });
      return findIntroductions(
        ctx.db,
        {
          stages: args.stages?.length ? args.stages : null,
          talent,
          introducer,
          target: target?.id ?? null,
          owner,
          field,
          place,
          search,
          first: readFirst(args.first, { fallback: 50, max: 500 }),
        },
        viewerParams(ctx),
      );
    },
  }),
);

const IntroductionOwnerRef = builder.objectRef<IntroductionOwner>('IntroductionOwner').implement({
  description: 'An account that owns introductions you may see, for the pipeline’s owner filter.',
  fields: (t) => ({
    id: t.id({ resolve: (o) => encodeGlobalId('Account', o.id) }),
    name: t.exposeString('name', { nullable: true }),
    introductions: t.exposeInt('introductions', { description: 'How many of them you may see.' }),
  }),
});

builder.queryField('introductionOwners', (t) =>
  t.field({
    type: [IntroductionOwnerRef],
    authScopes: { signedIn: true },
    description: 'The owners of the introductions you may see, by name.',
    resolve: (_r, _a, ctx) => readIntroductionOwners(ctx.db, viewerParams(ctx)),
  }),
);

builder.objectField(PersonRef, 'introducerLoad', (t) =>
  t.int({
    authScopes: { signedIn: true },
    description:
      'How many introductions were asked of this person (as introducer) in the last 90 days, across all teams (a count, no details).',
    resolve: (p, _a, ctx) =>
      loaderFor<number>(ctx, 'introducerLoad', async (ids) => {
        const rows = await countIntroducerLoad(ctx.db, ids);
        const byId = new Map(rows.map((r) => [r.id, r.n]));
        return ids.map((id) => byId.get(id) ?? 0);
      }).load(p.id),
  }),
);

const NewIntroductionInput = builder.inputType('NewIntroductionInput', {
  fields: (t) => ({
    introducer: t.id({ required: true, description: 'The person who makes the introduction.' }),
    talent: t.id({ required: true }),
    target: t.id({ required: true, description: 'An Organization, Project or Need.' }),
    channel: t.field({ type: ChannelEnum, required: false }),
    event: t.id({ required: false, description: 'The event it came from (for attribution).' }),
    note: t.string({ required: false }),
    path: t.idList({
      required: false,
      description:
        'The introduction path it is started from (e.g. a path from `introductionPaths`): people in order, from the introducer to the talent, 2-7, none twice.',
    }),
  }),
});

const newIntroductionRules = z.object({ note: note.nullish() });

async function moveStage(
  tx: Tx,
  ctx: Context,
  id: string,
  from: IntroductionStage | null,
  to: IntroductionStage,
  moveNote: string | null,
  override: boolean,
) {
  await createStageMove(tx, {
    id,
    to,
    from,
    moveId: ulid(),
    actor: ctx.actor,
    note: moveNote,
    override,
  });
  await recordIntroductionFacts(tx, [id]);
  await recordChange(tx, {
    entityId: id,
    op: from === null ? 'create' : 'update',
    actor: ctx.actor,
    changes: { stage: [from, to], ...(override ? { override: [null, moveNote] } : {}) },
  });
}

builder.mutationField('createIntroduction', (t) =>
  t.field({
    type: IntroductionRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: NewIntroductionInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const introducer = idOf(input.introducer, ['Person'], ['input', 'introducer']);
      const talent = idOf(input.talent, ['Person'], ['input', 'talent']);
      const target = idOf(input.target, ['Organization', 'Project', 'Need'], ['input', 'target']);
      const event = input.event ? idOf(input.event, ['Event'], ['input', 'event']) : null;
      const rules = parseInput(newIntroductionRules, { note: input.note }, ['input']);
      if (introducer.id === talent.id) {
        throw new ValidationError([
          {
            path: ['input', 'talent'],
            code: 'same_as_introducer',
            message: 'must differ from the introducer',
          },
        ]);
      }
      const path = input.path?.map((p, i) => idOf(p, ['Person'], ['input', 'path', String(i)]).id);
      const issues = path ? pathIssues(path, introducer.id, talent.id) : [];
      if (issues.length) throw new ValidationError(issues);
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        await requireNode(tx, 'Person', introducer.id, input.introducer, ['input', 'introducer']);
        for (const [i, person] of (path ?? []).slice(1, -1).entries()) {
          const at = String(i + 1);
          await requireNode(tx, 'Person', person, input.path?.[i + 1] ?? '', ['input', 'path', at]);
        }
        await requireNode(tx, 'Person', talent.id, input.talent, ['input', 'talent']);
        await requireNode(tx, target.kind, target.id, input.target, ['input', 'target']);
        if (event) await requireNode(tx, 'Event', event.id, input.event ?? '', ['input', 'event']);
        await createIntroduction(tx, {
          id,
          introducer: introducer.id,
          talent: talent.id,
          target,
          event: event?.id ?? null,
          channel: input.channel ?? null,
          note: rules.note ?? null,
          path: path ?? null,
          actor: ctx.actor,
          teamId: teamOf(ctx),
        });
        await moveStage(tx, ctx, id, null, 'proposed', rules.note ?? null, false);
      });
      const saved = await loadIntroduction(ctx, id);
      if (!saved) throw new Error('the introduction could not be read back');
      return saved;
    },
  }),
);

const LandingInput = builder.inputType('LandingInput', {
  description: 'Where a project target lands: the place and the host organisation.',
  fields: (t) => ({
    place: t.id({ required: false }),
    host: t.id({ required: false }),
  }),
});

const MoveIntroductionInput = builder.inputType('MoveIntroductionInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    stage: t.field({ type: IntroductionStageEnum, required: true }),
    note: t.string({ required: false }),
    override: t.boolean({
      required: false,
      description: 'Land without having been signed; needs a note, and is recorded.',
    }),
    landing: t.field({ type: LandingInput, required: false }),
  }),
});

const moveRules = z
  .object({ note: note.nullish(), override: z.boolean().nullish() })
  .refine((m) => !m.override || (m.note?.length ?? 0) > 0, {
    ...because('needs_note', 'an override needs a note saying why'),
    path: ['note'],
  });

/** Links a landed project to its place (LANDED_IN) and host (HOSTED_BY) through the tie writer. */
async function land(
  tx: Tx,
  ctx: Context,
  projectId: string,
  landing: { place?: string | null; host?: string | null },
) {
  const project = encodeGlobalId('Project', projectId);
  const ties = [
    { kind: 'LANDED_IN', to: landing.place, label: 'Place', field: 'place' },
    { kind: 'HOSTED_BY', to: landing.host, label: 'Organization', field: 'host' },
  ] as const;
  for (const tie of ties) {
    if (!tie.to) continue;
    const { id } = idOf(tie.to, [tie.label], ['input', 'landing', tie.field]);
    if (await hasProjectTie(tx, projectId, tie.kind, id)) continue;
    await addTie(
      tx,
      tie.kind,
      project,
      tie.to,
      tie.kind === 'LANDED_IN' ? { at: new Date().getUTCFullYear() } : {},
      { actor: ctx.actor, sourceId: null },
      ['input', 'landing'],
    );
  }
  const before = await markProjectLanded(tx, projectId);
  if (before !== 'landed') {
    await recordChange(tx, {
      entityId: projectId,
      op: 'update',
      actor: ctx.actor,
      changes: { status: [before, 'landed'] },
    });
  }
}

builder.mutationField('moveIntroduction', (t) =>
  t.field({
    type: IntroductionRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description:
      'Moves an introduction to another stage, if the transition table allows it; recorded with who, when and the note.',
    args: { input: t.arg({ type: MoveIntroductionInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { id } = idOf(input.id, ['Introduction'], ['input', 'id']);
      const rules = parseInput(moveRules, { note: input.note, override: input.override }, [
        'input',
      ]);
      await ctx.db.writeTx(async (tx) => {
        // Taking the write lock first: two moves of one introduction run one after the other.
        const current = await lockIntroduction(tx, id, viewerParams(ctx));
        if (!current) throw new NotFoundError('Introduction', input.id, ['input', 'id']);
        const problem = stageMoveProblem(current.stage, input.stage, rules.override ?? false);
        if (problem) {
          throw new ConflictError(problem, ['input', 'stage'], {
            code: input.stage === 'landed' ? 'stage_needs_signed' : 'stage_move',
            params: {
              from: enumParam('IntroductionStage', current.stage),
              to: enumParam('IntroductionStage', input.stage),
            },
          });
        }
        if (input.landing && (input.stage !== 'landed' || !current.projectId)) {
          throw new ValidationError([
            {
              path: ['input', 'landing'],
              code: 'landing_not_allowed',
              message: 'only a move to landed of an introduction to a project takes a landing',
            },
          ]);
        }
        const override = input.stage === 'landed' && current.stage !== 'signed';
        await moveStage(tx, ctx, id, current.stage, input.stage, rules.note ?? null, override);
        if (input.stage === 'landed' && current.projectId) {
          await land(tx, ctx, current.projectId, input.landing ?? {});
        }
      });
      const saved = await loadIntroduction(ctx, id);
      if (!saved) throw new NotFoundError('Introduction', input.id, ['input', 'id']);
      return saved;
    },
  }),
);
