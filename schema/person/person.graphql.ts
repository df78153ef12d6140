import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { EntityRef, TieRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import type { Person, Place } from '../entity/entity.model.ts';
import { defineEntityNode } from '../entity/entity-node.ts';
import { readFirst } from '../shared/connection.ts';
import {
  ConsentStatusEnum,
  GenderEnum,
  LanguageEnum,
  PersonCategoryEnum,
  TalentLevelEnum,
} from '../shared/enums.graphql.ts';
import { idOf } from '../shared/global-id.ts';
import { loadTies } from '../tie/tie.loaders.ts';

export const PersonRef = defineEntityNode(
  'Person',
  'A talent: a scientist, engineer, entrepreneur, alumnus or native of the region.',
);

async function onePlace(ctx: Context, person: Person, kind: 'BORN_IN' | 'LIVES_IN') {
  const ties = await loadTies(ctx, 'Person', person.id, kind);
  const tie =
    kind === 'LIVES_IN' ? ties.find((t) => t.props.current ?? t.props.to == null) : ties[0];
  return (tie?.other as Place | undefined) ?? null;
}

builder.objectFields(PersonRef, (t) => ({
  gender: t.field({ type: GenderEnum, nullable: true, resolve: (p) => p.gender as never }),
  birthYear: t.exposeInt('birthYear', { nullable: true }),
  categories: t.field({ type: [PersonCategoryEnum], resolve: (p) => p.categories as never[] }),
  level: t.field({ type: TalentLevelEnum, nullable: true, resolve: (p) => p.level as never }),
  honours: t.exposeStringList('honours'),
  title: t.exposeString('title', { nullable: true, description: 'Current title, e.g. 教授, CTO.' }),
  bio: t.exposeString('bio', { nullable: true }),
  consentStatus: t.field({ type: ConsentStatusEnum, resolve: (p) => p.consentStatus as never }),
  doNotContact: t.exposeBoolean('doNotContact'),
  preferredLanguage: t.field({
    type: LanguageEnum,
    nullable: true,
    description: 'The language of invitations (unset: Chinese for a Chinese name, else English).',
    resolve: (p) => (p.preferredLanguage ?? null) as never,
  }),
  hometown: t.field({
    type: EntityRef,
    nullable: true,
    description: 'Where the person comes from (籍贯).',
    resolve: (p, _args, ctx) => onePlace(ctx, p, 'BORN_IN'),
  }),
  location: t.field({
    type: EntityRef,
    nullable: true,
    description: 'Where the person lives now.',
    resolve: (p, _args, ctx) => onePlace(ctx, p, 'LIVES_IN'),
  }),
  education: t.field({
    type: [TieRef],
    description: 'Degrees: STUDIED_AT ties, latest first.',
    resolve: (p, _args, ctx) => loadTies(ctx, 'Person', p.id, 'STUDIED_AT'),
  }),
  positions: t.field({
    type: [TieRef],
    description: 'Jobs: WORKED_AT ties, current first; with asOfYear, those held that year.',
    args: { asOfYear: t.arg.int({ required: false }) },
    resolve: (p, args, ctx) =>
      loadTies(ctx, 'Person', p.id, 'WORKED_AT', { asOfYear: args.asOfYear }),
  }),
  expertise: t.field({
    type: [TieRef],
    description: 'Fields of expertise: EXPERT_IN ties with a level.',
    resolve: (p, _args, ctx) => loadTies(ctx, 'Person', p.id, 'EXPERT_IN'),
  }),
  knows: t.field({
    type: [TieRef],
    description: 'People this person knows (either direction), strongest and most recent first.',
    args: {
      first: t.arg.int({ required: false, defaultValue: 50, description: '1-200' }),
      asOfYear: t.arg.int({
        required: false,
        description: 'Only acquaintances made by this year (KNOWS.since).',
      }),
    },
    resolve: (p, args, ctx) =>
      loadTies(ctx, 'Person', p.id, 'KNOWS', {
        limit: readFirst(args.first, { fallback: 50, max: 200 }),
        asOfYear: args.asOfYear,
      }),
  }),
}));

builder.queryField('person', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: PersonRef,
    nullable: true,
    description: 'A person by id; null when there is none (or it was deleted).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadEntity(ctx, 'Person', idOf(args.id, ['Person'], ['id']).id),
  }),
);
