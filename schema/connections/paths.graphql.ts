import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadSource, ProvenanceRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { isConsultant } from '../outreach/attribution.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { loaderFor } from '../shared/loaders.ts';
import { knowsKinds } from '../tie/tie-kinds.ts';
import { derivedKindNames } from './derived-ties.ts';
import { locateEntities } from './element-ids.ts';
import {
  findIntroductionPaths,
  type Hop,
  type IntroductionPath,
  type PathsResult,
} from './introduction-paths.ts';
import { explainHop, type Lang, type PathScore } from './path-ranking.ts';

/** A person on a path (found live a moment ago by the path query itself). */
async function requirePerson(ctx: Context, id: string) {
  const person = await loadEntity(ctx, 'Person', id);
  if (!person) throw new Error(`person ${id} on a path could not be read`);
  return person;
}

const LangEnum = builder.enumType('Lang', {
  values: { ZH: { value: 'zh' }, EN: { value: 'en' } },
});

const PathScoreRef = builder.objectRef<PathScore>('PathScore').implement({
  description:
    'A path’s score and its parts: tieScore = Π(strength × recency × verification) × 0.8^(hops-1), score = tieScore × outreachFactor (introducer load, recent interactions).',
  fields: (t) => ({
    score: t.exposeFloat('score'),
    hops: t.exposeInt('hops'),
    strength: t.exposeFloat('strength', { description: 'Of the weakest hop (0-1).' }),
    recency: t.exposeFloat('recency', { description: 'Of the least recent hop (0.5-1).' }),
    verification: t.exposeFloat('verification', {
      description: 'Of the least checked hop (0.7-1).',
    }),
    tieScore: t.exposeFloat('tieScore', { description: 'The score of the ties alone.' }),
    introducerLoad: t.exposeInt('introducerLoad', {
      description:
        'Most introductions asked in the last 90 days of anyone the path goes through (busy introducers are spared).',
    }),
    recentInteractions: t.exposeInt('recentInteractions', {
      description: 'Interactions in the last year with the first person to contact (warmer).',
    }),
    outreachFactor: t.exposeFloat('outreachFactor', {
      description: 'score = tieScore × outreachFactor (0.5-1.3).',
    }),
  }),
});

const PathHopRef = builder.objectRef<Hop>('PathHop').implement({
  description: 'One introduction along a path: who knows whom, how, and how we know it.',
  fields: (t) => ({
    from: t.field({
      type: PersonRef,
      resolve: (h, _a, ctx) => requirePerson(ctx, h.fromId),
    }),
    to: t.field({
      type: PersonRef,
      resolve: (h, _a, ctx) => requirePerson(ctx, h.toId),
    }),
    kind: t.string({
      description:
        'classmate, colleague, mentor, coauthor, friend, family, association or project.',
      resolve: (h) => h.tie.kind,
    }),
    derived: t.boolean({
      description: 'Derived from shared employers/schools/associations/projects, not asserted.',
      resolve: (h) => h.tie.type === 'DERIVED_TIE',
    }),
    strength: t.float({ nullable: true, resolve: (h) => h.tie.strength }),
    since: t.int({ nullable: true, resolve: (h) => h.tie.since }),
    startYear: t.int({ nullable: true, resolve: (h) => h.tie.from }),
    endYear: t.int({ nullable: true, resolve: (h) => h.tie.to }),
    via: t.string({
      nullable: true,
      description: 'Where a derived tie comes from.',
      resolve: (h) => h.tie.viaName,
    }),
    provenance: t.field({
      type: ProvenanceRef,
      resolve: (h) => ({
        sourceId: h.tie.sourceId,
        recordedAt: h.recordedAt,
        recordedBy: h.recordedBy,
        verified: h.tie.verified ?? false,
        confidence: null,
      }),
    }),
    explanation: t.string({
      args: { lang: t.arg({ type: LangEnum, required: false, defaultValue: 'zh' }) },
      resolve: async (h, args, ctx) => {
        const source = h.tie.sourceId ? await loadSource(ctx, h.tie.sourceId) : null;
        return explainHop(h.tie, source?.title ?? null, (args.lang ?? 'zh') as Lang);
      },
    }),
  }),
});

const IntroductionPathRef = builder.objectRef<IntroductionPath>('IntroductionPath').implement({
  fields: (t) => ({
    score: t.field({ type: PathScoreRef, resolve: (p) => p.score }),
    people: t.field({
      type: [PersonRef],
      description: 'From our side to the target, in order.',
      resolve: async (p, _a, ctx) =>
        (await Promise.all(p.personIds.map((id) => loadEntity(ctx, 'Person', id)))).filter(
          (x) => x !== null,
        ),
    }),
    hops: t.field({ type: [PathHopRef], resolve: (p) => p.hops }),
    consultants: t.field({
      type: [PersonRef],
      description:
        'The people on the path before the target who are our recruitment consultants (a current consultant membership), in path order. Said in the explanation; not part of the score.',
      resolve: async (p, _a, ctx) => {
        const ids = p.personIds.slice(0, -1);
        const flags = await Promise.all(ids.map((id) => consultantFlag(ctx, id)));
        const people = await Promise.all(
          ids.filter((_, i) => flags[i]).map((id) => loadEntity(ctx, 'Person', id)),
        );
        return people.filter((x) => x !== null);
      },
    }),
  }),
});

/** Whether a person holds a current consultant membership (batched per request). */
function consultantFlag(ctx: Context, id: string): Promise<boolean> {
  return loaderFor<boolean>(ctx, 'pathConsultant', async (ids) => {
    const rows = await ctx.db.read<{ id: string }>(
      `UNWIND $ids AS id MATCH (p:Person {id: id}) WHERE ${isConsultant('p')} RETURN id`,
      { ids },
    );
    const found = new Set(rows.map((r) => r.id));
    return ids.map((x) => found.has(x));
  }).load(id);
}

const IntroductionPathsRef = builder.objectRef<PathsResult>('IntroductionPaths').implement({
  fields: (t) => ({
    paths: t.field({ type: [IntroductionPathRef], resolve: (r) => r.paths }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why there is no path, when there is none.',
    }),
    maxHops: t.exposeInt('maxHops'),
  }),
});

const KnowsKindEnum = builder.enumType('KnowsKind', { values: knowsKinds });
const DerivedKindEnum = builder.enumType('DerivedKind', { values: derivedKindNames });

builder.queryField('introductionPaths', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: IntroductionPathsRef,
    description:
      'The warmest ways from our side (any set of people) to a target person, best first. Each hop says how the two know each other and from which source.',
    args: {
      from: t.arg.idList({
        required: true,
        description: 'Our side: staff, consultants, an organisation’s people …',
      }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ required: false, defaultValue: 4, description: '1-6' }),
      first: t.arg.int({ required: false, defaultValue: 3, description: 'Distinct paths, 1-10.' }),
      knowsKinds: t.arg({
        type: [KnowsKindEnum],
        required: false,
        description: 'Asserted tie kinds to use (all by default).',
      }),
      derived: t.arg.boolean({
        required: false,
        defaultValue: true,
        description: 'Use derived ties (colleagues, classmates … by overlapping years).',
      }),
      derivedKinds: t.arg({ type: [DerivedKindEnum], required: false }),
      minStrength: t.arg.float({ required: false, defaultValue: 0 }),
      avoid: t.arg.idList({ required: false, description: 'People the path must not go through.' }),
    },
    resolve: async (_root, args, ctx) => {
      const maxHops = args.maxHops ?? 4;
      const first = readFirst(args.first, { fallback: 3, max: 10 });
      if (maxHops < 1 || maxHops > 6)
        throw new ValidationError([
          {
            path: ['maxHops'],
            code: 'out_of_range',
            params: { min: 1, max: 6 },
            message: 'must be 1 to 6',
          },
        ]);
      if (!args.from.length || args.from.length > 500) {
        throw new ValidationError([
          {
            path: ['from'],
            code: 'count_range',
            params: { min: 1, max: 500 },
            message: 'must name 1 to 500 people',
          },
        ]);
      }
      const to = idOf(args.to, ['Person'], ['to']).id;
      const from = args.from
        .map((id, i) => idOf(id, ['Person'], ['from', String(i)]).id)
        .filter((id) => id !== to);
      const avoid = (args.avoid ?? []).map(
        (id, i) => idOf(id, ['Person'], ['avoid', String(i)]).id,
      );
      // "Not reachable" is an answer about people who exist: an unknown or deleted one is named.
      await Promise.all([
        locateEntities(ctx, [args.to], ['to']),
        locateEntities(ctx, args.from, ['from']),
        locateEntities(ctx, args.avoid ?? [], ['avoid']),
      ]);
      return findIntroductionPaths((cypher, params) => ctx.db.read(cypher, params), {
        from,
        to,
        avoid,
        maxHops,
        first,
        knowsKinds: args.knowsKinds ?? null,
        derived: args.derived ?? true,
        derivedKinds: args.derivedKinds ?? null,
        minStrength: args.minStrength ?? 0,
      });
    },
  }),
);
