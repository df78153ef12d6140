import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { because, parseInput } from '../shared/validate.ts';
import { consultantVia, isConsultant, stationOf, stationVia } from './attribution.ts';
import { isoDate } from './common.ts';
import {
  type Attribution,
  assembleFunnel,
  type FunnelAggregates,
  type FunnelReport,
  type StageStat,
} from './funnel.ts';
import { readFunnelDays } from './funnel-days.ts';
import { ChannelEnum, IntroductionStageEnum } from './introductions.graphql.ts';
import { invitedAtOf } from './invitations.cypher.ts';
import { viewerParams, visibleTo } from './visibility.ts';

export const ReportScopeInput = builder.inputType('OutcomeScope', {
  description: 'Narrows the report; every condition given must hold.',
  fields: (t) => ({
    event: t.id({ required: false, description: 'Introductions that came from this event.' }),
    introducer: t.id({ required: false }),
    field: t.id({ required: false, description: 'Talents expert in this field or below it.' }),
    city: t.id({ required: false, description: 'Talents living in this place or inside it.' }),
    channel: t.field({ type: ChannelEnum, required: false }),
    station: t.id({
      required: false,
      description:
        'A talent service station (Organization): its events, or introducers who work at or belong to it.',
    }),
    consultant: t.id({
      required: false,
      description:
        'A consultant: a Person (introducer with a 招才顾问/引才大使 membership) or an Account with the consultant role.',
    }),
  }),
});

export const periodRules = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, {
  ...because('period_order', 'must not be before from'),
  path: ['to'],
});

export interface ReportScope {
  eventId: string | null;
  introducerId: string | null;
  fieldId: string | null;
  cityId: string | null;
  channel: string | null;
  stationId: string | null;
  /** A global id: `Person:…` or `Account:…`. */
  consultant: string | null;
}

export const emptyScope: ReportScope = {
  eventId: null,
  introducerId: null,
  fieldId: null,
  cityId: null,
  channel: null,
  stationId: null,
  consultant: null,
};

export function toScope(
  scope: typeof ReportScopeInput.$inferInput | null | undefined,
): ReportScope {
  const one = (id: string | null | undefined, kinds: string[], key: string) =>
    id ? idOf(id, kinds, ['scope', key]) : null;
  const consultant = one(scope?.consultant, ['Person', 'Account'], 'consultant');
  return {
    eventId: one(scope?.event, ['Event'], 'event')?.id ?? null,
    introducerId: one(scope?.introducer, ['Person'], 'introducer')?.id ?? null,
    fieldId: one(scope?.field, ['Field'], 'field')?.id ?? null,
    cityId: one(scope?.city, ['Place'], 'city')?.id ?? null,
    channel: scope?.channel ?? null,
    stationId: one(scope?.station, ['Organization'], 'station')?.id ?? null,
    consultant: consultant ? encodeGlobalId(consultant.kind, consultant.id) : null,
  };
}

/**
 * The introductions created in the period (from ≤ day ≤ to) in `scope` that the caller may see, binding
 * `i`. Only the conditions of the scope given are written, so an unscoped report pays for none.
 */
export function scopedIntroductions(scope: ReportScope, stages?: readonly string[]): string {
  const when = (given: unknown, condition: string) => (given ? [condition] : []);
  return [
    `MATCH (i:Introduction)
WHERE ${stages ? `i.stage IN ${JSON.stringify(stages)} AND ` : ''}i.createdAt >= datetime($from) AND i.createdAt < datetime($to) + duration('P1D')
  AND NOT coalesce(i.deleted, false)`,
    ...when(scope.channel, 'i.channel = $scope.channel'),
    ...when(scope.eventId, 'EXISTS { (i)-[:VIA_EVENT]->(:Event {id: $scope.eventId}) }'),
    ...when(
      scope.introducerId,
      'EXISTS { (i)-[:INTRODUCER]->(:Person {id: $scope.introducerId}) }',
    ),
    ...when(
      scope.fieldId,
      `EXISTS {
    (i)-[:TALENT]->(:Person)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(:Field {id: $scope.fieldId})
    WHERE NOT e.deleted }`,
    ),
    ...when(
      scope.cityId,
      `EXISTS {
    (i)-[:TALENT]->(:Person)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(:Place {id: $scope.cityId})
    WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) }`,
    ),
    ...when(scope.stationId, `${stationOf('i')}.id = $scope.stationId`),
    // A person's introductions; an account's, unless a consultant introduced them (then theirs).
    ...when(
      scope.consultant?.startsWith('Person:'),
      'EXISTS { (i)-[:INTRODUCER]->(:Person {id: substring($scope.consultant, 7)}) }',
    ),
    ...when(
      scope.consultant?.startsWith('Account:'),
      `i.createdBy = $scope.consultant
    AND NOT EXISTS { MATCH (i)-[:INTRODUCER]->(cp:Person) WHERE ${isConsultant('cp')} }`,
    ),
    visibleTo('i', true),
  ].join('\n  AND ');
}

/**
 * The report in two statements run side by side, over the introductions of the period in scope (found
 * by their createdAt index), reading only what each introduction keeps (funnel-facts.ts): one pass for
 * the counts per current and furthest stage and the stays between moves (an unscoped report reads
 * them from the funnel days instead, funnel-days.ts), and one over the signed and landed ones alone
 * (the stage and createdAt index) for the credits, with introducer, event, station and consultant
 * looked up once per distinct introducer, event, channel and recorder. Node gets a few dozen rows.
 */
const funnelQuery = (scope: ReportScope) => `${scopedIntroductions(scope)}
WITH i.stage AS stage, coalesce(i.furthest, 0) AS furthest,
     coalesce(i.stayStages, []) AS stayStages, coalesce(i.stayMillis, []) AS stayMillis
UNWIND [['count', stage, furthest, null]]
       + [k IN range(0, size(stayStages) - 1) | ['stay', stayStages[k], null, stayMillis[k] / 86400000.0]] AS row
WITH row[0] AS kind, row[1] AS stage, row[2] AS furthest, count(*) AS n,
     avg(row[3]) AS meanDays, percentileCont(row[3], 0.5) AS medianDays
RETURN [r IN collect({kind: kind, stage: stage, furthest: furthest, n: n}) WHERE r.kind = 'count'
        | r {.stage, .furthest, .n}] AS counts,
       [r IN collect({kind: kind, stage: stage, n: n, meanDays: meanDays, medianDays: medianDays})
        WHERE r.kind = 'stay' | r {.stage, .n, .meanDays, .medianDays}] AS stays`;

const creditsQuery = (scope: ReportScope) => `${scopedIntroductions(scope, ['signed', 'landed'])}
WITH i.stage AS stage, i.channel AS channel, i.createdBy AS createdBy,
     i.introducerId AS introducerId, i.eventId AS eventId, count(*) AS n
OPTIONAL MATCH (p:Person {id: introducerId})
OPTIONAL MATCH (e:Event {id: eventId})
WITH stage, n, p, e, channel, ${stationVia('e', 'p')} AS station,
     ${consultantVia('p', 'createdBy')} AS consultant
UNWIND [
  CASE WHEN p IS NULL THEN null ELSE {cut: 'introducer', key: p.id, name: p.name} END,
  CASE WHEN e IS NULL THEN null ELSE {cut: 'event', key: e.id, name: e.name} END,
  CASE WHEN channel IS NULL THEN null ELSE {cut: 'channel', key: channel, name: channel} END,
  CASE WHEN station IS NULL THEN null ELSE {cut: 'station', key: station.id, name: station.name} END,
  CASE WHEN consultant IS NULL THEN null ELSE {cut: 'consultant', key: consultant.key, name: consultant.name} END
] AS credit
WITH stage, n, credit WHERE credit IS NOT NULL
WITH credit.cut AS cut, credit.key AS key, credit.name AS name,
     sum(CASE stage WHEN 'signed' THEN n ELSE 0 END) AS signed,
     sum(CASE stage WHEN 'landed' THEN n ELSE 0 END) AS landed
RETURN collect({cut: cut, key: key, name: name, signed: signed, landed: landed}) AS credits`;

/** Who was reached, invited and came in a period: people, each counted once per count. */
interface OutreachCounts {
  reached: number;
  invited: number;
  attended: number;
}

/** The funnel, and the people counts behind it (asked for lazily). */
type OutcomeReport = FunnelReport & { readonly outreach: Promise<OutreachCounts> };

/**
 * The people side of the report: invitations sent in the period (to events the caller may see),
 * those who attended, and everyone reached at all (invited, an interaction logged, or introduced).
 * The scope's field and city narrow all three; its event and station the invitations; its
 * introducer, channel and consultant the introductions (the channel also the interactions). An
 * interaction belongs to no event, introducer or consultant, so a scope naming one leaves them out.
 */
async function outreachCounts(
  ctx: Context,
  period: { from: string; to: string },
  scope: ReportScope,
): Promise<OutreachCounts> {
  const when = (given: unknown, condition: string) => (given ? [condition] : []);
  const person = [
    ...when(
      scope.fieldId,
      `EXISTS { (p)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(:Field {id: $scope.fieldId}) WHERE NOT e.deleted }`,
    ),
    ...when(
      scope.cityId,
      `EXISTS { (p)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(:Place {id: $scope.cityId})
                WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) }`,
    ),
  ];
  const event = [
    ...when(scope.eventId, 'ev.id = $scope.eventId'),
    ...when(
      scope.stationId,
      'EXISTS { (ev)-[:ORGANIZED_BY]->(:Organization {id: $scope.stationId}) }',
    ),
  ];
  const noInteractions = !!(
    scope.introducerId ||
    scope.consultant ||
    scope.eventId ||
    scope.stationId
  );
  const rows = await ctx.db.read<OutreachCounts>(
    `CALL () {
       MATCH (p:Person)-[r:INVITED_TO]->(ev:Event)
       WITH p, r, ev, ${invitedAtOf('r')} AS invitedAt
       WHERE invitedAt >= datetime($from) AND invitedAt < datetime($to) + duration('P1D')
         AND NOT coalesce(r.deleted, false) AND NOT p.deleted AND ${visibleTo('ev')}
         ${[...event, ...person].map((c) => ` AND ${c}`).join('')}
       RETURN collect(DISTINCT p.id) AS invited,
              collect(DISTINCT CASE WHEN r.status = 'attended' THEN p.id END) AS attended
     }
     CALL () {
       MATCH (x:Interaction)-[:ON]->(p:Person)
       WHERE ${noInteractions ? 'false' : 'true'}
         AND x.at >= datetime($from) AND x.at < datetime($to) + duration('P1D')
         AND NOT p.deleted AND ${visibleTo('x')}
         ${[...when(scope.channel, 'x.channel = $scope.channel'), ...person].map((c) => ` AND ${c}`).join('')}
       RETURN collect(DISTINCT p.id) AS interacted
     }
     CALL () {
       ${scopedIntroductions(scope)}
       MATCH (i)-[:TALENT]->(p:Person)
       RETURN collect(DISTINCT p.id) AS introduced
     }
     CALL (invited, interacted, introduced) {
       UNWIND invited + interacted + introduced AS id
       RETURN count(DISTINCT id) AS reached
     }
     RETURN size(invited) AS invited, size(attended) AS attended, reached`,
    { ...period, scope, ...viewerParams(ctx) },
  );
  return rows[0] ?? { reached: 0, invited: 0, attended: 0 };
}

/** The outcome report of the introductions created in `period` in `scope` that the caller may see. */
export async function outcomeReport(
  ctx: Context,
  period: { from: string; to: string },
  scope: ReportScope,
): Promise<OutcomeReport> {
  const viewer = viewerParams(ctx);
  const params = { ...period, scope, ...viewer };
  // Unscoped, and seen team by team (a consultant sees only their own introductions): the funnel days
  // hold the counts and stays (funnel-days.ts). Otherwise the introductions are walked.
  const kept = Object.values(scope).every((v) => v === null) && !viewer.viewer.consultant;
  const [funnel, credits] = await Promise.all([
    kept
      ? readFunnelDays((cypher, p) => ctx.db.read(cypher, p), period, viewer)
      : ctx.db
          .read<Pick<FunnelAggregates, 'counts' | 'stays'>>(funnelQuery(scope), params)
          .then((rows) => rows[0] ?? { counts: [], stays: [] }),
    ctx.db.read<Pick<FunnelAggregates, 'credits'>>(creditsQuery(scope), params),
  ]);
  // The people counts cost a query of their own: run only when one of them is selected.
  let outreach: Promise<OutreachCounts> | undefined;
  return Object.defineProperty(
    assembleFunnel({
      counts: funnel.counts,
      stays: funnel.stays,
      credits: credits[0]?.credits ?? [],
    }),
    'outreach',
    {
      get: () => {
        outreach ??= outreachCounts(ctx, period, scope);
        return outreach;
      },
    },
  ) as OutcomeReport;
}

const StageStatRef = builder.objectRef<StageStat>('StageStat').implement({
  fields: (t) => ({
    stage: t.field({ type: IntroductionStageEnum, resolve: (s) => s.stage }),
    current: t.exposeInt('current', { description: 'In this stage now.' }),
    reached: t.exposeInt('reached', {
      nullable: true,
      description: 'Reached this funnel stage or a later one (null for declined and dormant).',
    }),
    conversion: t.exposeFloat('conversion', { nullable: true, description: 'reached / total' }),
    stays: t.exposeInt('stays', {
      description: 'Stays in this stage that ended with a recorded move.',
    }),
    meanDays: t.exposeFloat('meanDays', {
      nullable: true,
      description: 'Mean days spent in this stage (stays that ended with a recorded move).',
    }),
    medianDays: t.exposeFloat('medianDays', {
      nullable: true,
      description: 'Median days spent in this stage (stays that ended with a recorded move).',
    }),
  }),
});

const AttributionRef = builder.objectRef<Attribution>('Attribution').implement({
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Our id of the introducer, event or station; the channel; the global id of the consultant (Person:… or Account:…).',
    }),
    name: t.exposeString('name'),
    signed: t.exposeInt('signed'),
    landed: t.exposeInt('landed'),
  }),
});

export const OutcomeReportRef = builder
  .objectRef<FunnelReport & { outreach: Promise<OutreachCounts> }>('OutcomeReport')
  .implement({
    description:
      'The outcome funnel of introductions created in a period, with signed and landed credited along the chain.',
    fields: (t) => ({
      reached: t.int({
        description:
          'People reached in the period: invited to an event, an interaction logged, or introduced (each once).',
        resolve: async (r) => (await r.outreach).reached,
      }),
      invited: t.int({
        description: 'People invited to an event in the period (each once).',
        resolve: async (r) => (await r.outreach).invited,
      }),
      attended: t.int({
        description: 'Of those invited in the period, the people who attended.',
        resolve: async (r) => (await r.outreach).attended,
      }),
      total: t.exposeInt('total', { description: 'Introductions created in the period.' }),
      stages: t.field({ type: [StageStatRef], resolve: (r) => r.stages }),
      byIntroducer: t.field({ type: [AttributionRef], resolve: (r) => r.byIntroducer }),
      byEvent: t.field({ type: [AttributionRef], resolve: (r) => r.byEvent }),
      byChannel: t.field({ type: [AttributionRef], resolve: (r) => r.byChannel }),
      byStation: t.field({
        type: [AttributionRef],
        description: 'Talent service stations (event organiser, else the introducer’s station).',
        resolve: (r) => r.byStation,
      }),
      byConsultant: t.field({
        type: [AttributionRef],
        description:
          'Consultants: the introducer if a consultant, else the consultant account that recorded it.',
        resolve: (r) => r.byConsultant,
      }),
    }),
  });

builder.queryField('outcomeReport', (t) =>
  t.field({
    type: OutcomeReportRef,
    authScopes: { outreach: true },
    description:
      'Counts per stage, conversion, days per stage, and which introducer, event, channel, station and consultant brought the signed and landed ones, for introductions created from `from` to `to` (dates, inclusive) that you may see.',
    args: {
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
      scope: t.arg({ type: ReportScopeInput, required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const period = parseInput(periodRules, { from: args.from, to: args.to }, []);
      return outcomeReport(ctx, period, toScope(args.scope));
    },
  }),
);
