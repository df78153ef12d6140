import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadSource, ProvenanceRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { knowsKinds } from '../tie/tie-kinds.ts';
import { derivedKindNames } from './derived-ties.ts';
import { locateEntities } from './element-ids.ts';
import {
  adjustForOutreach,
  explainHop,
  type Lang,
  type OutreachSignals,
  type PathScore,
  type PathTie,
  scorePath,
} from './path-ranking.ts';

interface Hop {
  fromId: string;
  toId: string;
  tie: PathTie;
  recordedAt: string | null;
  recordedBy: string | null;
}

interface IntroductionPath {
  personIds: string[];
  hops: Hop[];
  score: PathScore;
}

interface PathsResult {
  paths: IntroductionPath[];
  reason: string | null;
  maxHops: number;
}

/** A person on a path (found live a moment ago by the path query itself). */
async function requirePerson(ctx: Context, id: string) {
  const person = await loadEntity(ctx, 'Person', id);
  if (!person) throw new Error(`person ${id} on a path could not be read`);
  return person;
}

/**
 * Introducer load (introductions asked in 90 days) and interactions (last 365 days) of the people
 * paths go through: counts across all teams, no details, like `Person.introducerLoad`.
 */
async function outreachSignals(
  ctx: Context,
  ids: readonly string[],
): Promise<Map<string, OutreachSignals>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.read<OutreachSignals & { id: string }>(
    `UNWIND $ids AS id MATCH (p:Person {id: id})
     RETURN id,
       COUNT { (p)<-[:INTRODUCER]-(i:Introduction)
               WHERE NOT coalesce(i.deleted, false) AND i.createdAt >= datetime() - duration('P90D') } AS load,
       COUNT { (p)<-[:ON]-(n:Interaction) WHERE n.at >= datetime() - duration('P365D') } AS interactions`,
    { ids },
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export const LangEnum = builder.enumType('Lang', {
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
  }),
});

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

interface RawPath {
  ids: string[];
  ties: (Omit<PathTie, 'recordedYear'> & {
    recordedAt: string | null;
    recordedBy: string | null;
    startId: string;
  })[];
}

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
        throw new ValidationError([{ path: ['maxHops'], message: 'must be 1 to 6' }]);
      if (!args.from.length || args.from.length > 500) {
        throw new ValidationError([{ path: ['from'], message: 'must name 1 to 500 people' }]);
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
      // Property checks inside the path pattern cost several times the search itself, so only the
      // restrictions the caller asked for are written into it (all of them fixed text, no user values).
      const knows = args.knowsKinds?.length ? args.knowsKinds : knowsKinds;
      const derivedAllowed = args.derivedKinds?.length ? args.derivedKinds : derivedKindNames;
      const minStrength = args.minStrength ?? 0;
      const knowsChecks = ['NOT r.deleted'];
      if (knows.length < knowsKinds.length) knowsChecks.push('r.kind IN $knowsKinds');
      if (minStrength > 0) knowsChecks.push('coalesce(r.strength, 0.5) >= $minStrength');
      const derivedChecks = ['true'];
      if (derivedAllowed.length < derivedKindNames.length)
        derivedChecks.push('r.kind IN $derivedKinds');
      if (minStrength > 0) derivedChecks.push('r.strength >= $minStrength');
      const useDerived = args.derived ?? true;
      const tiePredicate = useDerived
        ? `(type(r) = 'KNOWS' AND ${knowsChecks.join(' AND ')}) OR (type(r) = 'DERIVED_TIE' AND ${derivedChecks.join(' AND ')})`
        : knowsChecks.join(' AND ');
      // SHORTEST k ranks by hops only; a wider pool of candidates lets a warmer, longer path win.
      const candidates = Math.min(Math.max(first * 3, 10), 30);
      const nodePredicate = avoid.length ? 'NOT x.deleted AND NOT x.id IN $avoid' : 'NOT x.deleted';
      const rows = await ctx.db.read<RawPath>(
        `MATCH (t:Person {id: $to}) WHERE NOT t.deleted
         MATCH (s:Person) WHERE s.id IN $from AND NOT s.deleted AND NOT s.id IN $avoid
         MATCH p = SHORTEST ${candidates} (s)(()-[r:${useDerived ? 'KNOWS|DERIVED_TIE' : 'KNOWS'} WHERE ${tiePredicate}]-(x:Person WHERE ${nodePredicate})){1,${maxHops}}(t)
         RETURN [n IN nodes(p) | n.id] AS ids,
                [r IN relationships(p) | r {type: type(r), .kind, .strength, .since, .from, .to, .viaName, .sourceId,
                  .verified, .recordedBy, recordedAt: toString(r.recordedAt), startId: startNode(r).id}] AS ties`,
        { to, from, avoid, knowsKinds: knows, derivedKinds: derivedAllowed, minStrength },
      );
      const seen = new Set<string>();
      const paths: IntroductionPath[] = [];
      for (const row of rows) {
        const key = row.ids.join('>');
        // A trail may pass a person twice (A-B-C-B-T); an introduction never should.
        if (seen.has(key) || new Set(row.ids).size !== row.ids.length) continue;
        seen.add(key);
        const ties: PathTie[] = row.ties.map((r) => ({
          ...r,
          recordedYear: r.recordedAt ? Number(r.recordedAt.slice(0, 4)) : null,
        }));
        paths.push({
          personIds: row.ids,
          score: scorePath(ties),
          hops: ties.map((tie, i) => ({
            fromId: row.ids[i] as string,
            toId: row.ids[i + 1] as string,
            tie,
            recordedAt: row.ties[i]?.recordedAt ?? null,
            recordedBy: row.ties[i]?.recordedBy ?? null,
          })),
        });
      }
      const signals = await outreachSignals(ctx, [
        ...new Set(paths.flatMap((p) => p.personIds.slice(1, -1))),
      ]);
      for (const path of paths)
        path.score = adjustForOutreach(path.score, path.personIds.slice(1, -1), signals);
      paths.sort(
        (a, b) =>
          b.score.score - a.score.score ||
          a.score.hops - b.score.hops ||
          a.personIds.join().localeCompare(b.personIds.join()),
      );
      const best = paths.slice(0, first);
      return {
        paths: best,
        maxHops,
        reason: best.length ? null : `not reachable within ${maxHops} hops with the ties allowed`,
      };
    },
  }),
);
