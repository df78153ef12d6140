import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import type { Entity } from '../entity/entity.model.ts';
import { FieldRef } from '../field/field.graphql.ts';
import { OrganizationRef } from '../organization/organization.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { PlaceRef } from '../place/place.graphql.ts';
import { ProjectRef } from '../project/project.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { personCategories, talentLevels } from '../shared/entity-kinds.ts';
import { PersonCategoryEnum, TalentLevelEnum } from '../shared/enums.graphql.ts';
import { mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { requiredText, text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { type Match, rankMatches } from './match-ranking.ts';
import type { MatchParts } from './match-score.ts';
import {
  createNeed,
  type Need,
  readNamedEntities,
  readNeedIdsOf,
  readNeeds,
  setNeedStatus,
} from './needs.cypher.ts';

const needStatuses = ['open', 'filled', 'closed'] as const;
const NeedStatusEnum = builder.enumType('NeedStatus', { values: needStatuses });

function loadNeed(ctx: Context, id: string): Promise<Need | null> {
  return loaderFor<Need | null>(ctx, 'need', async (ids) => {
    const byId = new Map((await readNeeds(ctx.db, ids)).map((n) => [n.id, n]));
    return ids.map((id) => byId.get(id) ?? null);
  }).load(id);
}

/** The needed fields or preferred places (`ids` from the need). */
async function loadRefs(ctx: Context, kind: 'Field' | 'Place', ids: string[]): Promise<Entity[]> {
  if (!ids.length) return [];
  return readNamedEntities(ctx.db, kind, ids);
}

const MatchPartsRef = builder.objectRef<MatchParts>('MatchParts').implement({
  description:
    'The parts of a match score (each 0-1): score = 0.4 fit + 0.15 level + 0.15 affinity + 0.2 reach + 0.1 recency.',
  fields: (t) => ({
    fit: t.exposeFloat('fit', {
      description: 'Expertise in the needed fields (taxonomy distance, expertise level).',
    }),
    level: t.exposeFloat('level', {
      description: 'Talent level / category among those asked for.',
    }),
    affinity: t.exposeFloat('affinity', {
      description: 'Born in or studied in a preferred place.',
    }),
    reach: t.exposeFloat('reach', { description: 'Best introduction path score from our side.' }),
    recency: t.exposeFloat('recency', { description: 'How current the record is.' }),
  }),
});

const MatchRef = builder.objectRef<Match>('Match').implement({
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (m) => m.person as never }),
    score: t.exposeFloat('score'),
    parts: t.field({ type: MatchPartsRef, resolve: (m) => m.parts }),
    fieldDistance: t.exposeInt('bestFieldDistance', {
      description: '0 same field, n narrower by n steps, -1 broader.',
    }),
    reachHops: t.exposeInt('reachHops', {
      nullable: true,
      description: 'Hops of the best path from our side; null = none within 3.',
    }),
  }),
});

const NeedRef = builder.objectRef<Need>('Need');
builder.node(NeedRef, {
  description:
    'What an organisation or project is looking for: fields, level, preferred places (产业链需求, 揭榜挂帅).',
  id: { resolve: (n) => n.id },
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'ownerKind' in v,
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadNeed(ctx, id))),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    status: t.field({ type: NeedStatusEnum, resolve: (n) => n.status as never }),
    levels: t.field({ type: [TalentLevelEnum], resolve: (n) => n.levels as never[] }),
    categories: t.field({ type: [PersonCategoryEnum], resolve: (n) => n.categories as never[] }),
    createdAt: t.exposeString('createdAt'),
    owner: t.field({
      type: EntityRef,
      nullable: true,
      resolve: (n, _a, ctx) => loadEntity(ctx, n.ownerKind, n.ownerId),
    }),
    fields: t.field({
      type: [FieldRef],
      resolve: (n, _a, ctx) => loadRefs(ctx, 'Field', n.fieldIds) as never,
    }),
    places: t.field({
      type: [PlaceRef],
      resolve: (n, _a, ctx) => loadRefs(ctx, 'Place', n.placeIds) as never,
    }),
    matches: t.field({
      type: [MatchRef],
      description:
        'People who fit, best first, with the score broken down. Give `from` (our side) to rank by reachability too.',
      args: {
        from: t.arg.idList({ required: false }),
        first: t.arg.int({ required: false, defaultValue: 20, description: '1-100' }),
      },
      resolve: (need, args, ctx) =>
        matchesOf(ctx, need, args.from ?? [], readFirst(args.first, { fallback: 20, max: 100 })),
    }),
  }),
});

/** Checks `first` and our side's ids, then ranks (match-ranking.ts). */
function matchesOf(ctx: Context, need: Need, fromGlobal: readonly string[], first: number) {
  if (first < 1 || first > 100)
    throw new ValidationError([
      {
        path: ['first'],
        code: 'out_of_range',
        params: { min: 1, max: 100 },
        message: 'must be 1 to 100',
      },
    ]);
  const from = fromGlobal.map((g, i) => idOf(g, ['Person'], ['from', String(i)]).id);
  return rankMatches((cypher, params) => ctx.db.read(cypher, params), need, from, first);
}

const needRules = z.strictObject({
  title: requiredText(200),
  description: text(5000).nullish(),
  levels: z.array(z.enum(talentLevels)).nullish(),
  categories: z.array(z.enum(personCategories)).nullish(),
  status: z.enum(needStatuses).nullish(),
  fields: z.array(z.string()).max(20, { message: 'must have at most 20 items' }).nullish(),
  places: z.array(z.string()).max(20, { message: 'must have at most 20 items' }).nullish(),
});

const NeedInput = builder.inputType('NeedInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    fields: t.idList({ required: true, description: 'The fields needed (at least one).' }),
    levels: t.field({ type: [TalentLevelEnum], required: false }),
    categories: t.field({ type: [PersonCategoryEnum], required: false }),
    places: t.idList({
      required: false,
      description: 'Places whose natives or alumni are preferred (return affinity).',
    }),
    status: t.field({ type: NeedStatusEnum, required: false }),
  }),
});

builder.mutationField('createNeed', (t) =>
  t.field({
    type: NeedRef,
    description: 'Records what an organisation or project needs.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      owner: t.arg.id({ required: true }),
      input: t.arg({ type: NeedInput, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const owner = idOf(args.owner, ['Organization', 'Project'] as const, ['owner']);
      const input = parseInput(needRules, args.input, ['input']);
      const fieldIds = (input.fields ?? []).map(
        (g, i) => idOf(g, ['Field'], ['input', 'fields', String(i)]).id,
      );
      const placeIds = (input.places ?? []).map(
        (g, i) => idOf(g, ['Place'], ['input', 'places', String(i)]).id,
      );
      if (!fieldIds.length)
        throw new ValidationError([
          {
            path: ['input', 'fields'],
            code: 'too_few',
            params: { min: 1 },
            message: 'must name at least one field',
          },
        ]);
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        const row = await createNeed(tx, {
          owner,
          id,
          title: input.title,
          description: input.description ?? null,
          levels: input.levels ?? [],
          categories: input.categories ?? [],
          status: input.status ?? 'open',
          fieldIds,
          placeIds,
          actor: ctx.actor,
        });
        if (!row) throw new NotFoundError(owner.kind, args.owner, ['owner']);
        if (row.fields !== new Set(fieldIds).size)
          throw new NotFoundError('Field', 'one of input.fields', ['input', 'fields']);
        if (row.places !== new Set(placeIds).size)
          throw new NotFoundError('Place', 'one of input.places', ['input', 'places']);
        await recordChange(tx, {
          entityId: owner.id,
          op: 'update',
          actor: ctx.actor,
          changes: { need: [null, input.title] },
        });
      });
      const need = await loadNeed(ctx, id);
      if (!need) throw new Error('the need could not be read back');
      return need;
    },
  }),
);

builder.mutationField('setNeedStatus', (t) =>
  t.field({
    type: NeedRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: NeedStatusEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.id, ['Need'], ['id']);
      await ctx.db.writeTx(async (tx) => {
        if (!(await setNeedStatus(tx, id, args.status)))
          throw new NotFoundError('Need', args.id, ['id']);
      });
      const need = await loadNeed(ctx, id);
      if (!need) throw new NotFoundError('Need', args.id, ['id']);
      return need;
    },
  }),
);

function needsOf(ctx: Context, kind: 'Organization' | 'Project', ownerId: string): Promise<Need[]> {
  return loaderFor<Need[]>(ctx, `needs:${kind}`, async (ids) => {
    const rows = await readNeedIdsOf(ctx.db, kind, ids);
    const needs = await Promise.all(rows.map((r) => loadNeed(ctx, r.id)));
    const withOwner = rows.map((r, i) => ({ owner: r.owner, need: needs[i] }));
    return groupInOrder(ids, withOwner, (r) => r.owner).map((g) =>
      g.map((r) => r.need).filter((n): n is Need => n !== null),
    );
  }).load(ownerId);
}

builder.objectField(OrganizationRef, 'needs', (t) =>
  t.field({ type: [NeedRef], resolve: (o, _a, ctx) => needsOf(ctx, 'Organization', o.id) }),
);
builder.objectField(ProjectRef, 'needs', (t) =>
  t.field({ type: [NeedRef], resolve: (p, _a, ctx) => needsOf(ctx, 'Project', p.id) }),
);
