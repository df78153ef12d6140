import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { idOf } from '../shared/global-id.ts';
import { parseInput } from '../shared/validate.ts';
import { isoDate } from './common.ts';
import { type Attribution, type FunnelRow, type StageStat, summariseFunnel } from './funnel.ts';
import { IntroductionStageEnum } from './introductions.graphql.ts';
import { viewerParams, visibleTo } from './visibility.ts';

export const ReportScopeInput = builder.inputType('OutcomeScope', {
  description: 'Narrows the report; every condition given must hold.',
  fields: (t) => ({
    event: t.id({ required: false, description: 'Introductions that came from this event.' }),
    introducer: t.id({ required: false }),
    field: t.id({ required: false, description: 'Talents expert in this field or below it.' }),
    city: t.id({ required: false, description: 'Talents living in this place or inside it.' }),
  }),
});

const periodRules = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, {
  message: 'must not be before from',
  path: ['to'],
});

export interface ReportScope {
  eventId: string | null;
  introducerId: string | null;
  fieldId: string | null;
  cityId: string | null;
}

export function toScope(
  scope: typeof ReportScopeInput.$inferInput | null | undefined,
): ReportScope {
  const one = (
    id: string | null | undefined,
    kind: 'Event' | 'Person' | 'Field' | 'Place',
    key: string,
  ) => (id ? idOf(id, [kind], ['scope', key]).id : null);
  return {
    eventId: one(scope?.event, 'Event', 'event'),
    introducerId: one(scope?.introducer, 'Person', 'introducer'),
    fieldId: one(scope?.field, 'Field', 'field'),
    cityId: one(scope?.city, 'Place', 'city'),
  };
}

/** The introductions created in the period (from ≤ day ≤ to) in scope that the caller may see. */
export const scopedIntroductions = `MATCH (i:Introduction)
WHERE i.createdAt >= datetime($from) AND i.createdAt < datetime($to) + duration('P1D')
  AND NOT coalesce(i.deleted, false)
  AND ($scope.eventId IS NULL OR EXISTS { (i)-[:VIA_EVENT]->(:Event {id: $scope.eventId}) })
  AND ($scope.introducerId IS NULL OR EXISTS { (i)-[:INTRODUCER]->(:Person {id: $scope.introducerId}) })
  AND ($scope.fieldId IS NULL OR EXISTS {
    (i)-[:TALENT]->(:Person)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(:Field {id: $scope.fieldId})
    WHERE NOT e.deleted })
  AND ($scope.cityId IS NULL OR EXISTS {
    (i)-[:TALENT]->(:Person)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(:Place {id: $scope.cityId})
    WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) })
  AND ${visibleTo('i', true)}`;

async function loadFunnelRows(
  ctx: Context,
  period: { from: string; to: string },
  scope: ReportScope,
): Promise<FunnelRow[]> {
  return ctx.db.read<FunnelRow>(
    `${scopedIntroductions}
     RETURN i.stage AS stage, i.channel AS channel,
       COLLECT { MATCH (i)-[:MOVED]->(m:StageMove) WITH m ORDER BY m.at, m.id
                 RETURN {to: m.to, at: m.at.epochMillis} } AS moves,
       COLLECT { MATCH (i)-[:INTRODUCER]->(p:Person) RETURN {id: p.id, name: p.name} }[0] AS introducer,
       COLLECT { MATCH (i)-[:VIA_EVENT]->(e:Event) RETURN {id: e.id, name: e.name} }[0] AS event`,
    { ...period, scope, ...viewerParams(ctx) },
  );
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
    meanDays: t.exposeFloat('meanDays', {
      nullable: true,
      description: 'Mean days spent in this stage (stays that ended with a recorded move).',
    }),
  }),
});

const AttributionRef = builder.objectRef<Attribution>('Attribution').implement({
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'Our id of the introducer or event, or the channel.',
    }),
    name: t.exposeString('name'),
    signed: t.exposeInt('signed'),
    landed: t.exposeInt('landed'),
  }),
});

const OutcomeReportRef = builder
  .objectRef<ReturnType<typeof summariseFunnel>>('OutcomeReport')
  .implement({
    description: 'The outcome funnel of introductions created in a period.',
    fields: (t) => ({
      total: t.exposeInt('total'),
      stages: t.field({ type: [StageStatRef], resolve: (r) => r.stages }),
      byIntroducer: t.field({ type: [AttributionRef], resolve: (r) => r.byIntroducer }),
      byEvent: t.field({ type: [AttributionRef], resolve: (r) => r.byEvent }),
      byChannel: t.field({ type: [AttributionRef], resolve: (r) => r.byChannel }),
    }),
  });

builder.queryField('outcomeReport', (t) =>
  t.field({
    type: OutcomeReportRef,
    authScopes: { outreach: true },
    description:
      'Counts per stage, conversion, mean days per stage, and who/what/which channel brought the signed and landed ones, for introductions created from `from` to `to` (dates, inclusive) that you may see.',
    args: {
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
      scope: t.arg({ type: ReportScopeInput, required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const period = parseInput(periodRules, { from: args.from, to: args.to }, []);
      return summariseFunnel(await loadFunnelRows(ctx, period, toScope(args.scope)));
    },
  }),
);
