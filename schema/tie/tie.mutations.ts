import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { TieKindEnum, TieRef } from '../entity/entity.graphql.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { resolveSourceId } from '../shared/provenance.ts';
import { provenance } from '../shared/rules.ts';
import { SourceInputRef } from '../shared/source-input.graphql.ts';
import { parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { loadTies } from './tie.loaders.ts';
import { decodeTieId, type Tie, type TieProps } from './tie.model.ts';
import { type TieKind, tieKinds } from './tie-kinds.ts';
import { addTie, removeTie, updateTie, validateTieProps } from './tie-write.ts';

const tiePropFields = (
  t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>,
) => ({
  startYear: t.int({ required: false }),
  endYear: t.int({ required: false }),
  current: t.boolean({ required: false }),
  degree: t.string({
    required: false,
    description: 'STUDIED_AT: bachelor, master, phd, postdoc, other',
  }),
  major: t.string({ required: false }),
  title: t.string({ required: false, description: 'WORKED_AT: job title' }),
  role: t.string({ required: false, description: 'MEMBER_OF, LEADS: role' }),
  level: t.int({ required: false, description: 'EXPERT_IN: 1-5' }),
  knowsKind: t.string({
    required: false,
    description: 'KNOWS: classmate, colleague, mentor, coauthor, friend, family',
  }),
  strength: t.float({ required: false, description: 'KNOWS: 0-1' }),
  since: t.int({ required: false, description: 'KNOWS: year they met' }),
  landedYear: t.int({ required: false, description: 'LANDED_IN: year' }),
  verified: t.boolean({ required: false }),
  confidence: t.float({ required: false }),
});

/** The tie's properties as the API names them: most as stored, four renamed (see storedProps). */
type TiePropArgs = Pick<
  TieProps,
  'current' | 'degree' | 'major' | 'title' | 'role' | 'level' | 'strength' | 'since'
> & {
  startYear?: TieProps['from'];
  endYear?: TieProps['to'];
  knowsKind?: TieProps['kind'];
  landedYear?: TieProps['at'];
};

/** API names to stored names (schema/MODEL.md); only the keys the client sent. */
function storedProps(input: TiePropArgs): Record<string, unknown> {
  const map: Record<string, keyof TiePropArgs> = {
    from: 'startYear',
    to: 'endYear',
    current: 'current',
    degree: 'degree',
    major: 'major',
    title: 'title',
    role: 'role',
    level: 'level',
    kind: 'knowsKind',
    strength: 'strength',
    since: 'since',
    at: 'landedYear',
  };
  return Object.fromEntries(
    Object.entries(map)
      .filter(([, api]) => input[api] !== undefined)
      .map(([stored, api]) => [stored, input[api]]),
  );
}

/** Stored names back to API names, so validation messages name the field the client sent. */
const apiName: Record<string, string> = {
  from: 'startYear',
  to: 'endYear',
  kind: 'knowsKind',
  at: 'landedYear',
};
function validated(kind: TieKind, input: TiePropArgs): TieProps {
  try {
    return validateTieProps(kind, storedProps(input), ['input']);
  } catch (error) {
    if (error && typeof error === 'object' && 'issues' in error) {
      for (const issue of (error as { issues: { path: string[]; message: string }[] }).issues) {
        const last = issue.path.at(-1);
        if (last && apiName[last]) issue.path[issue.path.length - 1] = apiName[last];
        if (issue.message.startsWith('Unrecognized key'))
          issue.message = `is not a property of a ${kind} tie`;
      }
    }
    throw error;
  }
}

const provenanceRules = z.object(provenance);

const AddTieInput = builder.inputType('AddTieInput', {
  description: 'A new tie: its kind, the two ends (global ids) and the properties its kind has.',
  fields: (t) => ({
    kind: t.field({ type: TieKindEnum, required: true }),
    subject: t.id({ required: true, description: 'Where the tie starts (e.g. the person).' }),
    object: t.id({ required: true, description: 'Where it ends (e.g. the organisation).' }),
    ...tiePropFields(t),
  }),
});

const TiePatch = builder.inputType('TiePatch', {
  description: 'Changes to a tie: only the fields given change; null clears a field.',
  fields: (t) => tiePropFields(t),
});

/** Reads a tie back after a write, from its subject's side. */
async function readBack(ctx: Context, kind: TieKind, id: string, globalId: string): Promise<Tie> {
  // The request's loaders may hold this subject's ties from before the write (an earlier addTie of
  // the same request read them back): start afresh, or a tie just written reads as not found.
  ctx.loaders.clear();
  const rows = await ctx.db.read<{ kind: EntityKind; subjectId: string }>(
    `MATCH (a)-[r:${kind} {id: $id}]->() RETURN [l IN labels(a) WHERE l IN $kinds][0] AS kind, a.id AS subjectId`,
    { id, kinds: tieKinds[kind].from },
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('Tie', globalId, ['id']);
  const ties = await loadTies(ctx, row.kind, row.subjectId, kind, { limit: 200 });
  const tie = ties.find((t) => t.id === id);
  if (!tie) throw new NotFoundError('Tie', globalId, ['id']);
  return tie;
}

builder.mutationField('addTie', (t) =>
  t.field({
    type: TieRef,
    description: 'Adds a tie (studied at, worked at, knows …) with its source.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({ type: AddTieInput, required: true }),
      source: t.arg({ type: SourceInputRef, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const { kind, subject, object, verified, confidence, ...rest } = args.input;
      const props = validated(kind, rest);
      const meta = parseInput(provenanceRules, { verified, confidence }, ['input']);
      const globalId = await ctx.db.writeTx(async (tx) => {
        const sourceId = await resolveSourceId(tx, args.source, ctx.actor);
        return addTie(tx, kind, subject, object, props, { actor: ctx.actor, sourceId, ...meta });
      });
      return readBack(ctx, kind, decodeTieId(globalId, ['id']).id, globalId);
    },
  }),
);

builder.mutationField('updateTie', (t) =>
  t.field({
    type: TieRef,
    description:
      'Changes a tie’s properties, valid time or provenance; the change is kept in history.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: TiePatch, required: true }),
      source: t.arg({ type: SourceInputRef, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const { kind, id } = decodeTieId(args.id, ['id']);
      const { verified, confidence, ...rest } = args.input;
      const patch = storedProps(rest) as TieProps;
      const meta = parseInput(provenanceRules, { verified, confidence }, ['input']);
      await ctx.db.writeTx(async (tx) => {
        const sourceId = await resolveSourceId(tx, args.source, ctx.actor);
        await updateTie(tx, kind, id, args.id, patch, { actor: ctx.actor, sourceId, ...meta });
      });
      return readBack(ctx, kind, id, args.id);
    },
  }),
);

builder.mutationField('endTie', (t) =>
  t.field({
    type: TieRef,
    description:
      'Ends a tie with valid time (left a job, moved away) in a year; it stays in the past.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }), endYear: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { kind, id } = decodeTieId(args.id, ['id']);
      if (!tieKinds[kind].validTime) {
        throw new ValidationError([
          {
            path: ['id'],
            code: 'no_valid_time',
            params: { kind: enumParam('TieKind', kind) },
            message: `${kind} ties have no valid time; remove the tie instead`,
          },
        ]);
      }
      await ctx.db.writeTx((tx) =>
        updateTie(
          tx,
          kind,
          id,
          args.id,
          { to: args.endYear, current: false },
          { actor: ctx.actor, sourceId: null },
          'tie_end',
        ),
      );
      return readBack(ctx, kind, id, args.id);
    },
  }),
);

builder.mutationField('removeTie', (t) =>
  t.id({
    description:
      'Soft-removes a tie (a mistake, not an ending: use endTie for that). Returns its id.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { kind, id } = decodeTieId(args.id, ['id']);
      await ctx.db.writeTx((tx) => removeTie(tx, kind, id, args.id, ctx.actor));
      return args.id;
    },
  }),
);
