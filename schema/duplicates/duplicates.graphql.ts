/**
 * Duplicates API: find candidate pairs, the review queue, verdicts, merge and undo.
 *
 * Access: everything here needs `editor` (admin, staff) — reading the queue too, because a pair's
 * reasons reveal that two records share a contact detail (derived personal data), and reviewing is a
 * staff task.
 */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { autoMergeHardIdentifiers } from './auto-merge.ts';
import {
  type DuplicateKind,
  saveCandidates,
  scanOrganizations,
  scanPeople,
} from './dedupe-scan.ts';
import type { Reason } from './dedupe-score.ts';
import {
  duplicateStatuses,
  judgePair,
  type PairShape,
  type RecordShape,
  readDuplicateQueue,
  readPair,
} from './duplicates.cypher.ts';
import {
  type MergeKind,
  type MergeResult,
  mergeNodes,
  type UndoResult,
  undoMergeTx,
} from './merge.ts';

const DuplicateKindEnum = builder.enumType('DuplicateKind', {
  values: ['Person', 'Organization'] as const,
});
const DuplicateStatusEnum = builder.enumType('DuplicateStatus', {
  description: 'open = waiting for review; merged = merged (possibly undone later: then unsure).',
  values: duplicateStatuses,
});
const verdicts = ['same', 'not_same', 'unsure'] as const;
const VerdictEnum = builder.enumType('DuplicateVerdict', {
  description: 'A reviewer’s judgement. not_same is final: the pair is never proposed again.',
  values: verdicts,
});

const ReasonRef = builder.objectRef<Reason>('DuplicateReason').implement({
  description: 'Why a pair was proposed: a piece of evidence and its weight (negative = against).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'same_chinese_name, same_pinyin_name, same_pinyin_other_characters, initials_match, same_birth_year, birth_year_off_by_one, different_birth_year, different_gender, same_hometown, different_hometown, shared_employer, different_employer, shared_alma_mater, different_alma_mater, shared_contact, common_name, very_common_name (others of that name born within a year of the pair); organisations: same_name, same_place, different_place, different_type',
    }),
    weight: t.exposeFloat('weight'),
    detail: t.exposeString('detail'),
  }),
});

const RecordRef = builder.objectRef<RecordShape>('DuplicateRecord').implement({
  description: 'One side of a candidate pair, enough to judge it.',
  fields: (t) => ({
    id: t.string({ resolve: (r) => encodeGlobalId(r.kind, r.id) }),
    name: t.exposeString('name'),
    latinName: t.exposeString('latinName', { nullable: true }),
    aliases: t.stringList({ resolve: (r) => r.aliases ?? [] }),
    birthYear: t.exposeInt('birthYear', { nullable: true }),
  }),
});

const PairRef = builder.objectRef<PairShape>('DuplicatePair').implement({
  description: 'A candidate duplicate pair in the review queue.',
  fields: (t) => ({
    id: t.string({ resolve: (p) => encodeGlobalId('DuplicatePair', p.id) }),
    kind: t.field({ type: DuplicateKindEnum, resolve: (p) => p.kind }),
    score: t.exposeFloat('score', { description: '0..1, the sum of the reasons’ weights' }),
    reasons: t.field({
      type: [ReasonRef],
      resolve: (p) => JSON.parse(p.reasons ?? '[]') as Reason[],
    }),
    status: t.field({ type: DuplicateStatusEnum, resolve: (p) => p.status }),
    proposedAt: t.exposeString('proposedAt'),
    decidedBy: t.exposeString('decidedBy', { nullable: true }),
    decidedAt: t.exposeString('decidedAt', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    mergeId: t.string({
      nullable: true,
      resolve: (p) => (p.mergeId ? encodeGlobalId('Merge', p.mergeId) : null),
    }),
    a: t.field({ type: RecordRef, resolve: (p) => p.a }),
    b: t.field({ type: RecordRef, resolve: (p) => p.b }),
  }),
});

const QueueRef = builder
  .objectRef<{ totalCount: number; pairs: PairShape[] }>('DuplicateQueue')
  .implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount'),
      pairs: t.field({ type: [PairRef], resolve: (q) => q.pairs }),
    }),
  });

builder.queryField('duplicateCandidates', (t) =>
  t.field({
    type: QueueRef,
    description: 'The review queue: candidate pairs with their reasons, highest score first.',
    authScopes: { editor: true },
    args: {
      kind: t.arg({ type: DuplicateKindEnum, required: true }),
      status: t.arg({ type: DuplicateStatusEnum, required: false, defaultValue: 'open' }),
      entity: t.arg.id({
        required: false,
        description: 'Only pairs with this person or organisation on one side.',
      }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
      offset: t.arg.int({ required: false, defaultValue: 0 }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, offset } = parseInput(
        z.object({ first: z.number().int().min(1).max(500), offset: z.number().int().min(0) }),
        { first: args.first, offset: args.offset },
        [],
      );
      const entity = args.entity ? idOf(args.entity, [args.kind], ['entity']).id : null;
      const status = args.status ?? 'open';
      return readDuplicateQueue(ctx.db, { kind: args.kind, status, first, offset, entity });
    },
  }),
);

const ScanRef = builder
  .objectRef<{
    kind: DuplicateKind;
    records: number;
    compared: number;
    proposed: number;
    autoMerged: number;
    ms: number;
  }>('DuplicateScan')
  .implement({
    description:
      'What a duplicate scan did: records read, pairs compared (never all pairs), proposed.',
    fields: (t) => ({
      kind: t.field({ type: DuplicateKindEnum, resolve: (s) => s.kind }),
      records: t.exposeInt('records'),
      compared: t.exposeInt('compared'),
      proposed: t.exposeInt('proposed'),
      autoMerged: t.exposeInt('autoMerged'),
      ms: t.exposeInt('ms'),
    }),
  });

builder.mutationField('findDuplicates', (t) =>
  t.field({
    type: ScanRef,
    description:
      'Scans people or organisations for duplicates and refreshes the review queue. With autoMerge, people sharing an identity number, phone or e-mail are merged first (recorded, undoable).',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      kind: t.arg({ type: DuplicateKindEnum, required: true }),
      autoMerge: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: async (_root, args, ctx) => {
      const started = performance.now();
      const merged =
        args.autoMerge && args.kind === 'Person'
          ? await autoMergeHardIdentifiers(ctx.db, ctx.actor)
          : [];
      const scan =
        args.kind === 'Person' ? await scanPeople(ctx.db) : await scanOrganizations(ctx.db);
      const proposed = await saveCandidates(ctx.db, scan);
      return {
        kind: args.kind,
        records: scan.records,
        compared: scan.compared,
        proposed,
        autoMerged: merged.length,
        ms: Math.round(performance.now() - started),
      };
    },
  }),
);

builder.mutationField('judgeDuplicate', (t) =>
  t.field({
    type: PairRef,
    description: 'Records a reviewer’s verdict on a pair (who and when are kept in history).',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      verdict: t.arg({ type: VerdictEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.id, ['DuplicatePair'], ['id']);
      const note = parseInput(text(1000).nullish(), args.note, ['note']) ?? null;
      await ctx.db.writeTx(async (tx) => {
        const before = await judgePair(tx, { id, verdict: args.verdict, actor: ctx.actor, note });
        if (before === undefined) throw new NotFoundError('DuplicatePair', args.id, ['id']);
        await recordChange(tx, {
          entityId: id,
          op: 'judge',
          actor: ctx.actor,
          changes: { status: [before, args.verdict], note: [null, note] },
        });
      });
      const pair = await readPair(ctx.db, id);
      if (!pair) throw new NotFoundError('DuplicatePair', args.id, ['id']);
      return pair;
    },
  }),
);

const MergeRef = builder.objectRef<MergeResult>('MergeResult').implement({
  description: 'A merge: which record was kept, which merged into it, how many ties moved.',
  fields: (t) => ({
    id: t.string({ resolve: (m) => encodeGlobalId('Merge', m.mergeId) }),
    kept: t.string({ resolve: (m) => m.keepId }),
    merged: t.string({ resolve: (m) => m.mergedId }),
    movedTies: t.exposeInt('moved'),
    setAsideTies: t.exposeInt('setAside', {
      description: 'Ties between the two records, kept in the merge record and restored by undo.',
    }),
    aliasesAdded: t.exposeStringList('aliasesAdded'),
  }),
});

function mergeMutation(name: string, kind: MergeKind, description: string) {
  builder.mutationField(name, (t) =>
    t.field({
      type: MergeRef,
      description,
      authScopes: { editor: true },
      errors: { types: mutationErrors },
      args: {
        keep: t.arg.id({ required: true }),
        merge: t.arg.id({ required: true }),
        reason: t.arg.string({ required: false }),
      },
      resolve: async (_root, args, ctx) => {
        const keep = idOf(args.keep, [kind], ['keep']).id;
        const merged = idOf(args.merge, [kind], ['merge']).id;
        const reason = parseInput(text(500).nullish(), args.reason, ['reason']) ?? null;
        return ctx.db.writeTx((tx) =>
          mergeNodes(tx, kind, keep, merged, { actor: ctx.actor, reason }),
        );
      },
    }),
  );
}
mergeMutation(
  'mergePeople',
  'Person',
  'Merges one person into another: every tie, contact, consent and import source moves to the kept person; the other’s names become aliases. Undo with undoMerge.',
);
mergeMutation(
  'mergeOrganizations',
  'Organization',
  'Merges one organisation into another: every tie moves to the kept one; the other’s names become aliases. Undo with undoMerge.',
);

const UndoRef = builder.objectRef<UndoResult>('UndoMergeResult').implement({
  fields: (t) => ({
    id: t.string({ resolve: (u) => encodeGlobalId('Merge', u.mergeId) }),
    kept: t.string({ resolve: (u) => u.keepId }),
    restored: t.string({ resolve: (u) => u.mergedId }),
    movedBack: t.exposeInt('movedBack'),
    missing: t.exposeInt('missing', {
      description: 'Moved ties removed since the merge; they stay removed.',
    }),
  }),
});

builder.mutationField('undoMerge', (t) =>
  t.field({
    type: UndoRef,
    description:
      'Undoes a merge: restores the merged record and moves exactly the ties it brought back.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.id, ['Merge'], ['id']);
      return ctx.db.writeTx((tx) => undoMergeTx(tx, id, ctx.actor));
    },
  }),
);
