/**
 * Recruitment consultants (招才顾问, 引才大使) and talent service stations as first-class views.
 * A consultant is a person with a current consultant membership (MEMBER_OF with a role from
 * `consultantRoles`) or an introducer, or an account with the consultant role; a station is an
 * organisation of type `talent_station`. What is credited to each is defined once in `attribution.ts`
 * and reused here through the outcome report's scope.
 */
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { OrganizationRef } from '../organization/organization.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { ProjectRef } from '../project/project.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { parseInput } from '../shared/validate.ts';
import { consultantOf, consultantRoles, isConsultant } from './attribution.ts';
import { type Introduction, introductionReturn } from './introductions.cypher.ts';
import { IntroductionRef } from './introductions.graphql.ts';
import {
  emptyScope,
  OutcomeReportRef,
  outcomeReport,
  periodRules,
  type ReportScope,
  scopedIntroductions,
} from './reports.graphql.ts';
import { viewerParams } from './visibility.ts';

/** A consultant or a station: what its views are computed for. */
interface Credited {
  kind: 'Person' | 'Account' | 'Organization';
  id: string;
  name: string;
  scope: ReportScope;
}

/** "Ever": the default period of the views (introductions are dated by creation). */
const ever = { from: '2000-01-01', to: '2999-12-31' };

interface ReachCount {
  kind: string;
  count: number;
}

interface Reach {
  oneHop: number;
  twoHops: number;
  byKind: ReachCount[];
}

const ReachCountRef = builder.objectRef<ReachCount>('ReachCount').implement({
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'knows:<kind> (asserted KNOWS), derived:<kind> (colleague, classmate …), or MEMBER_OF / WORKED_AT (a station’s people).',
    }),
    count: t.exposeInt('count'),
  }),
});

const ReachRef = builder.objectRef<Reach>('Reach').implement({
  description:
    'Whom they know: people one hop away by tie kind, and how many more are two hops away.',
  fields: (t) => ({
    oneHop: t.exposeInt('oneHop'),
    twoHops: t.exposeInt('twoHops', { description: 'People two hops away and not one hop away.' }),
    byKind: t.field({ type: [ReachCountRef], resolve: (r) => r.byKind }),
  }),
});

/** Persons one hop from `s`, as {kind, q} maps: a person's acquaintances, or a station's people. */
const firstHop = {
  Person: `COLLECT { MATCH (s)-[k:KNOWS]-(q:Person) WHERE NOT k.deleted AND NOT q.deleted
                     RETURN {kind: 'knows:' + coalesce(k.kind, 'other'), q: q} }
         + COLLECT { MATCH (s)-[d:DERIVED_TIE]-(q:Person) WHERE NOT q.deleted
                     RETURN {kind: 'derived:' + d.kind, q: q} }`,
  Organization: `COLLECT { MATCH (s)<-[r:MEMBER_OF|WORKED_AT]-(q:Person)
                           WHERE NOT r.deleted AND coalesce(r.current, r.to IS NULL) AND NOT q.deleted
                           RETURN {kind: type(r), q: q} }`,
} as const;

async function loadReach(ctx: Context, kind: 'Person' | 'Organization', id: string) {
  const rows = await ctx.db.read<Reach>(
    `MATCH (s:${kind} {id: $id})
     WITH s, ${firstHop[kind]} AS hop1
     WITH s, hop1, [x IN hop1 | x.q] AS firsts
     CALL (hop1) {
       UNWIND hop1 AS x WITH x.kind AS kind, count(DISTINCT x.q) AS n ORDER BY n DESC, kind
       RETURN collect({kind: kind, count: n}) AS byKind
     }
     CALL (firsts) { UNWIND firsts AS q RETURN count(DISTINCT q) AS oneHop }
     CALL (s, firsts) {
       UNWIND firsts AS q
       MATCH (q)-[r:KNOWS|DERIVED_TIE]-(z:Person)
       WHERE NOT coalesce(r.deleted, false) AND NOT z.deleted AND z <> s AND NOT z IN firsts
       RETURN count(DISTINCT z) AS twoHops
     }
     RETURN oneHop, twoHops, byKind`,
    { id },
  );
  return rows[0] ?? { oneHop: 0, twoHops: 0, byKind: [] };
}

interface LandedProject {
  projectId: string;
  landedAt: string;
}

const LandedProjectRef = builder.objectRef<LandedProject>('LandedProject').implement({
  fields: (t) => ({
    project: t.field({
      type: ProjectRef,
      nullable: true,
      resolve: (l, _a, ctx) => loadEntity(ctx, 'Project', l.projectId),
    }),
    landedAt: t.exposeString('landedAt'),
  }),
});

const periodArgs = {
  from: { required: false, description: 'YYYY-MM-DD; default: all time.' },
  to: { required: false },
} as const;

/** The fields consultants and stations share: introductions, funnel, landed projects. */
function addCreditedFields(ref: typeof ConsultantRef) {
  builder.objectFields(ref, (t) => ({
    introductions: t.field({
      type: [IntroductionRef],
      description: 'Introductions credited to them that you may see, newest first.',
      args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
      resolve: async (c, args, ctx) => {
        const rows = await ctx.db.read<{ intro: Introduction }>(
          `${scopedIntroductions(c.scope)}
           WITH i ORDER BY i.createdAt DESC, i.id DESC LIMIT $first RETURN ${introductionReturn}`,
          {
            ...ever,
            scope: c.scope,
            first: readFirst(args.first, { fallback: 50, max: 500 }),
            ...viewerParams(ctx),
          },
        );
        return rows.map((r) => r.intro);
      },
    }),
    report: t.field({
      type: OutcomeReportRef,
      description: 'Conversion through the stages and days per stage of their introductions.',
      args: { from: t.arg.string(periodArgs.from), to: t.arg.string(periodArgs.to) },
      resolve: (c, args, ctx) => {
        const period = parseInput(
          periodRules,
          { from: args.from ?? ever.from, to: args.to ?? ever.to },
          [],
        );
        return outcomeReport(ctx, period, c.scope);
      },
    }),
    projectsLanded: t.field({
      type: [LandedProjectRef],
      description: 'Projects their introductions landed, latest first.',
      resolve: (c, _a, ctx) =>
        ctx.db.read<LandedProject>(
          `${scopedIntroductions(c.scope)} AND i.stage = 'landed'
           MATCH (i)-[:TARGET]->(p:Project) WHERE NOT p.deleted
           WITH p.id AS projectId, max(coalesce(i.stageAt, i.createdAt)) AS at
           RETURN projectId, toString(at) AS landedAt ORDER BY at DESC, projectId`,
          { ...ever, scope: c.scope, ...viewerParams(ctx) },
        ),
    }),
  }));
}

const ConsultantRef = builder.objectRef<Credited>('Consultant').implement({
  description:
    'A recruitment consultant (招才顾问 / 引才大使): a person with a consultant membership or who introduces talents, or an account with the consultant role.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeGlobalId(c.kind, c.id) }),
    name: t.exposeString('name'),
    person: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (c, _a, ctx) => (c.kind === 'Person' ? loadEntity(ctx, 'Person', c.id) : null),
    }),
    roles: t.stringList({
      description: 'Current consultant memberships, as "role · organisation".',
      resolve: async (c, _a, ctx) => {
        if (c.kind !== 'Person') return ['consultant account'];
        const rows = await ctx.db.read<{ role: string }>(
          `MATCH (:Person {id: $id})-[r:MEMBER_OF]->(o:Organization)
           WHERE NOT r.deleted AND coalesce(r.current, r.to IS NULL) AND r.role IN $roles
           RETURN r.role + ' · ' + o.name AS role ORDER BY role`,
          { id: c.id, roles: consultantRoles },
        );
        return rows.map((r) => r.role);
      },
    }),
    reach: t.field({
      type: ReachRef,
      nullable: true,
      description: 'Whom the person knows (null for an account).',
      resolve: (c, _a, ctx) => (c.kind === 'Person' ? loadReach(ctx, 'Person', c.id) : null),
    }),
  }),
});

const StationRef = builder.objectRef<Credited>('TalentStation').implement({
  description:
    'A talent service station (人才服务站): its people, their reach, and the introductions credited to it (its events, or introducers working at or belonging to it).',
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeGlobalId('Organization', c.id) }),
    name: t.exposeString('name'),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (c, _a, ctx) => loadEntity(ctx, 'Organization', c.id),
    }),
    reach: t.field({
      type: ReachRef,
      description: 'One hop: its staff and members (by tie); two hops: the people they know.',
      resolve: (c, _a, ctx) => loadReach(ctx, 'Organization', c.id),
    }),
  }),
});

addCreditedFields(ConsultantRef);
addCreditedFields(StationRef);

async function loadConsultant(ctx: Context, globalId: string): Promise<Credited> {
  const { kind, id } = idOf(globalId, ['Person', 'Account'], ['id']);
  const rows = await ctx.db.read<{ name: string }>(
    kind === 'Person'
      ? `MATCH (p:Person {id: $id}) WHERE NOT p.deleted
           AND (${isConsultant('p')} OR EXISTS { (p)<-[:INTRODUCER]-(:Introduction) })
         RETURN p.name AS name`
      : `MATCH (a:Account {id: $id, role: 'consultant'}) RETURN a.name AS name`,
    { id },
  );
  if (!rows[0]) throw new NotFoundError('Consultant', globalId, ['id']);
  const key = encodeGlobalId(kind, id);
  return { kind, id, name: rows[0].name, scope: { ...emptyScope, consultant: key } };
}

builder.queryField('consultant', (t) =>
  t.field({
    type: ConsultantRef,
    nullable: true,
    authScopes: { outreach: true },
    description: 'A consultant by the global id of the person or account.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => loadConsultant(ctx, args.id).catch(() => null),
  }),
);

const stationOf = (row: { id: string; name: string }): Credited => ({
  kind: 'Organization',
  id: row.id,
  name: row.name,
  scope: { ...emptyScope, stationId: row.id },
});

builder.queryField('talentStation', (t) =>
  t.field({
    type: StationRef,
    nullable: true,
    authScopes: { outreach: true },
    description: 'A talent service station by the global id of its organisation.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['Organization'], ['id']);
      const rows = await ctx.db.read<{ id: string; name: string }>(
        `MATCH (o:Organization {id: $id, type: 'talent_station'}) WHERE NOT o.deleted RETURN o.id AS id, o.name AS name`,
        { id },
      );
      return rows[0] ? stationOf(rows[0]) : null;
    },
  }),
);

builder.queryField('talentStations', (t) =>
  t.field({
    type: [StationRef],
    authScopes: { outreach: true },
    description: 'Every talent service station (organisations of type talent_station), by name.',
    args: { first: t.arg.int({ required: false, defaultValue: 100, description: '1-500' }) },
    resolve: async (_r, args, ctx) => {
      const rows = await ctx.db.read<{ id: string; name: string }>(
        `MATCH (o:Organization {type: 'talent_station'}) WHERE NOT o.deleted
         RETURN o.id AS id, o.name AS name ORDER BY o.name, o.id LIMIT $first`,
        { first: readFirst(args.first, { fallback: 100, max: 500 }) },
      );
      return rows.map(stationOf);
    },
  }),
);

interface ConsultantRank {
  key: string;
  name: string;
  introductions: number;
  signed: number;
  landed: number;
}

const ConsultantRankRef = builder.objectRef<ConsultantRank>('ConsultantRank').implement({
  fields: (t) => ({
    consultant: t.field({
      type: ConsultantRef,
      resolve: (r) => {
        const { kind, id } = idOf(r.key, ['Person', 'Account'], ['key']);
        return { kind, id, name: r.name, scope: { ...emptyScope, consultant: r.key } };
      },
    }),
    introductions: t.exposeInt('introductions'),
    signed: t.exposeInt('signed', { description: 'Introductions now signed.' }),
    landed: t.exposeInt('landed'),
    conversion: t.float({
      description: '(signed + landed) / introductions',
      resolve: (r) => (r.introductions ? (r.signed + r.landed) / r.introductions : 0),
    }),
  }),
});

builder.queryField('consultants', (t) =>
  t.field({
    type: [ConsultantRankRef],
    authScopes: { outreach: true },
    description:
      'Consultants credited with introductions created in the period (that you may see), ranked by landed, then signed.',
    args: {
      from: t.arg.string(periodArgs.from),
      to: t.arg.string(periodArgs.to),
      first: t.arg.int({ required: false, defaultValue: 50 }),
    },
    resolve: (_r, args, ctx) => {
      const period = parseInput(
        periodRules,
        { from: args.from ?? ever.from, to: args.to ?? ever.to },
        [],
      );
      return ctx.db.read<ConsultantRank>(
        `${scopedIntroductions(emptyScope)}
         WITH i, ${consultantOf('i')} AS c WHERE c IS NOT NULL
         WITH c.key AS key, c.name AS name, count(i) AS introductions,
              sum(CASE i.stage WHEN 'signed' THEN 1 ELSE 0 END) AS signed,
              sum(CASE i.stage WHEN 'landed' THEN 1 ELSE 0 END) AS landed
         RETURN key, name, introductions, signed, landed
         ORDER BY landed DESC, signed DESC, introductions DESC, key LIMIT $first`,
        {
          ...period,
          scope: emptyScope,
          first: readFirst(args.first, { fallback: 50, max: 500 }),
          ...viewerParams(ctx),
        },
      );
    },
  }),
);
