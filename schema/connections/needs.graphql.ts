import { ulid } from 'ulid';
import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import { FieldRef } from '../field/field.graphql.ts';
import { OrganizationRef } from '../organization/organization.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { PlaceRef } from '../place/place.graphql.ts';
import { ProjectRef } from '../project/project.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { type EntityKind, personCategories, talentLevels } from '../shared/entity-kinds.ts';
import { PersonCategoryEnum, TalentLevelEnum } from '../shared/enums.graphql.ts';
import { mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { requiredText, text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { type MatchParts, matchScore, recencyOf } from './match-score.ts';
import { type PathTie, scorePath } from './path-ranking.ts';

const needStatuses = ['open', 'filled', 'closed'] as const;
const NeedStatusEnum = builder.enumType('NeedStatus', { values: needStatuses });

interface Need {
  id: string;
  title: string;
  description: string | null;
  levels: string[];
  categories: string[];
  status: string;
  ownerKind: EntityKind;
  ownerId: string;
  fieldIds: string[];
  placeIds: string[];
  createdAt: string;
}

const needQuery = `MATCH (owner)-[:HAS_NEED]->(n:Need) WHERE n.id IN $ids AND NOT n.deleted
WITH owner, n, COLLECT { MATCH (n)-[:NEEDS_FIELD]->(f:Field) RETURN f.id } AS fieldIds,
     COLLECT { MATCH (n)-[:PREFERS_PLACE]->(p:Place) RETURN p.id } AS placeIds
RETURN n {.id, .title, .description, .levels, .categories, .status, createdAt: toString(n.createdAt),
          ownerKind: [l IN labels(owner) WHERE l IN ['Organization', 'Project']][0], ownerId: owner.id,
          fieldIds: fieldIds, placeIds: placeIds} AS need`;

function loadNeed(ctx: Context, id: string): Promise<Need | null> {
  return loaderFor<Need | null>(ctx, 'need', async (ids) => {
    const rows = await ctx.db.read<{ need: Need }>(needQuery, { ids });
    const byId = new Map(
      rows.map((r) => [
        r.need.id,
        { ...r.need, levels: r.need.levels ?? [], categories: r.need.categories ?? [] },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }).load(id);
}

async function loadRefs<T extends Entity>(
  ctx: Context,
  kind: 'Field' | 'Place',
  ids: string[],
): Promise<T[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.read<{ e: Record<string, unknown> }>(
    `MATCH (n:${kind}) WHERE n.id IN $ids AND NOT n.deleted RETURN ${entityProjection} AS e ORDER BY n.name`,
    { ids },
  );
  return rows.map((r) => toEntity(kind, r.e) as T);
}

interface Match {
  person: Entity;
  score: number;
  parts: MatchParts;
  bestFieldDistance: number;
  reachHops: number | null;
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

/**
 * Candidates expert in a needed field, a narrower one (up to 3 steps down) or the one just above it,
 * with the fit of their best expertise: 1 for the field itself, 0.1 less per step down (at least 0.5),
 * 0.6 for the broader field; times 0.6 + 0.08 × expertise level (1-5).
 *
 * Affinity (born in, or studied in, one of the preferred places or below them) is the costly part:
 * the places below the preferred ones are listed first (`$home`, see `homePlaces`) instead of
 * climbing `PART_OF` from every candidate. A parameter, not a list built in the query: a list carried
 * on every row is counted on every row against the transaction's memory. (Computing affinity only for
 * candidates that can still reach the pool was faster at 100k, but collecting the candidates to find
 * the cut ran out of transaction memory at 1M.)
 */
const candidatesQuery = `MATCH (:Need {id: $id})-[:NEEDS_FIELD]->(g:Field)
CALL (g) {
  MATCH path = (f:Field)-[:SUBFIELD_OF*0..3]->(g)
  MATCH (f)<-[e:EXPERT_IN]-(p:Person) WHERE NOT e.deleted AND NOT p.deleted
  RETURN p, e, length(path) AS distance
  UNION
  MATCH (g)-[:SUBFIELD_OF]->(:Field)<-[e:EXPERT_IN]-(p:Person) WHERE NOT e.deleted AND NOT p.deleted
  RETURN p, e, -1 AS distance
}
WITH p, distance,
     CASE WHEN distance < 0 THEN 0.6 WHEN 1.0 - 0.1 * distance < 0.5 THEN 0.5 ELSE 1.0 - 0.1 * distance END
       * (0.6 + 0.08 * coalesce(e.level, 3)) AS fit
ORDER BY fit DESC
WITH p, head(collect(fit)) AS fit, head(collect(distance)) AS distance
WITH p, fit, distance,
     CASE WHEN size($levels) = 0 AND size($categories) = 0 THEN 1.0
          WHEN p.level IN $levels OR any(c IN p.categories WHERE c IN $categories) THEN 1.0 ELSE 0.3 END AS level
WITH p, fit, distance, level,
     CASE WHEN size($home) = 0 THEN 0.0
          WHEN EXISTS { MATCH (p)-[b:BORN_IN]->(h:Place) WHERE NOT b.deleted AND h.id IN $home } THEN 1.0
          WHEN EXISTS { MATCH (p)-[s:STUDIED_AT]->(:Organization)-[:LOCATED_IN]->(h:Place)
                        WHERE NOT s.deleted AND h.id IN $home } THEN 0.8
          ELSE 0.0 END AS affinity
ORDER BY 0.4 * fit + 0.15 * level + 0.15 * affinity DESC, p.id
LIMIT $pool
WITH p AS n, fit, distance, level, affinity
RETURN ${entityProjection} AS e, fit, distance, level, affinity, n.updatedAt.year AS updatedYear`;

/** The ids of the given places and every place below them (districts of a city, cities of a province). */
async function homePlaces(ctx: Context, places: readonly string[]): Promise<string[]> {
  if (places.length === 0) return [];
  const rows = await ctx.db.read<{ id: string }>(
    'MATCH (h:Place)-[:PART_OF*0..4]->(x:Place) WHERE x.id IN $places RETURN DISTINCT h.id AS id',
    { places },
  );
  return rows.map((r) => r.id);
}

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
        rankMatches(ctx, need, args.from ?? [], readFirst(args.first, { fallback: 20, max: 100 })),
    }),
  }),
});

const usableTie = (r: string) => `(type(${r}) = 'DERIVED_TIE' OR NOT ${r}.deleted)`;
const tieFields =
  'r {type: type(r), .kind, .strength, .since, .from, .to, .viaName, .sourceId, .verified, recordedAt: toString(r.recordedAt)}';

/**
 * Paths of 1-3 hops from our side to each target, met in the middle: 2 hops out from our side and
 * 1 hop out from the targets, joined on the node between (`USING JOIN`). One search per source and
 * target pair (`SHORTEST 1`) explored up to 3 hops from each source: 10-50× slower at 100k people.
 * The 5 paths per target with the best strengths and fewest hops are scored in full (scorePath).
 */
const reachQuery = `CALL () {
  MATCH (s:Person)-[r1:KNOWS|DERIVED_TIE]-(t:Person)
  WHERE s.id IN $from AND t.id IN $targets AND ${usableTie('r1')}
  RETURN t, [r1] AS rels
  UNION
  MATCH (s:Person)-[r1:KNOWS|DERIVED_TIE]-(a:Person)-[r2:KNOWS|DERIVED_TIE]-(t:Person)
  USING INDEX s:Person(id) USING INDEX t:Person(id) USING JOIN ON a
  WHERE s.id IN $from AND t.id IN $targets AND s <> t AND NOT a.deleted
    AND ${usableTie('r1')} AND ${usableTie('r2')}
  RETURN t, [r1, r2] AS rels
  UNION
  MATCH (s:Person)-[r1:KNOWS|DERIVED_TIE]-(a:Person)-[r2:KNOWS|DERIVED_TIE]-(b:Person)-[r3:KNOWS|DERIVED_TIE]-(t:Person)
  USING INDEX s:Person(id) USING INDEX t:Person(id) USING JOIN ON b
  WHERE s.id IN $from AND t.id IN $targets AND s <> t AND a <> t AND b <> s
    AND NOT a.deleted AND NOT b.deleted AND ${usableTie('r1')} AND ${usableTie('r2')} AND ${usableTie('r3')}
  RETURN t, [r1, r2, r3] AS rels
}
WITH t, rels, reduce(w = 1.0, r IN rels | w * coalesce(r.strength, 0.5)) * 0.8 ^ (size(rels) - 1) AS rough
ORDER BY rough DESC
WITH t, collect(rels)[..5] AS best
UNWIND best AS rels
RETURN t.id AS target, [r IN rels | ${tieFields}] AS ties`;

/** The best path score (and its hops) from our side to each target within 3 hops. */
async function bestReach(
  ctx: Context,
  from: readonly string[],
  targets: readonly string[],
): Promise<Map<string, { score: number; hops: number }>> {
  const reach = new Map<string, { score: number; hops: number }>();
  const paths = await ctx.db.read<{
    target: string;
    ties: (PathTie & { recordedAt: string | null })[];
  }>(reachQuery, { targets, from });
  for (const path of paths) {
    const ties = path.ties.map((t) => ({
      ...t,
      recordedYear: t.recordedAt ? Number(t.recordedAt.slice(0, 4)) : null,
    }));
    const score = scorePath(ties);
    const best = reach.get(path.target);
    if (!best || score.score > best.score)
      reach.set(path.target, { score: score.score, hops: ties.length });
  }
  return reach;
}

/** Ranks candidates in Cypher on fit, level and affinity, then adds reach and recency for the best pool. */
async function rankMatches(
  ctx: Context,
  need: Need,
  fromGlobal: readonly string[],
  first: number,
): Promise<Match[]> {
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
  const pool = Math.min(200, first * 5);
  const rows = await ctx.db.read<{
    e: Record<string, unknown>;
    fit: number;
    distance: number;
    level: number;
    affinity: number;
    updatedYear: number | null;
  }>(candidatesQuery, {
    id: need.id,
    levels: need.levels,
    categories: need.categories,
    home: await homePlaces(ctx, need.placeIds),
    pool,
  });
  const reach = from.length
    ? await bestReach(
        ctx,
        from,
        rows.map((r) => r.e.id as string),
      )
    : new Map();
  const matches = rows.map((row): Match => {
    const person = toEntity('Person', row.e);
    const r = reach.get(person.id);
    const parts: MatchParts = {
      fit: Math.min(1, row.fit),
      level: row.level,
      affinity: row.affinity,
      reach: r ? Math.min(1, r.score / 0.8) : 0,
      recency: recencyOf(row.updatedYear),
    };
    return {
      person,
      parts,
      score: matchScore(parts),
      bestFieldDistance: row.distance,
      reachHops: r?.hops ?? null,
    };
  });
  return matches
    .sort((a, b) => b.score - a.score || a.person.id.localeCompare(b.person.id))
    .slice(0, first);
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
        const rows = await tx.run<{ fields: number; places: number }>(
          `MATCH (o:${owner.kind} {id: $owner}) WHERE NOT o.deleted
           CREATE (o)-[:HAS_NEED]->(n:Need {id: $id, title: $title, description: $description, levels: $levels,
             categories: $categories, status: $status, deleted: false, createdAt: datetime(), createdBy: $actor})
           WITH n
           CALL (n) { MATCH (f:Field) WHERE f.id IN $fieldIds AND NOT f.deleted CREATE (n)-[:NEEDS_FIELD]->(f) RETURN count(f) AS fields }
           CALL (n) { MATCH (p:Place) WHERE p.id IN $placeIds AND NOT p.deleted CREATE (n)-[:PREFERS_PLACE]->(p) RETURN count(p) AS places }
           RETURN fields, places`,
          {
            owner: owner.id,
            id,
            title: input.title,
            description: input.description ?? null,
            levels: input.levels ?? [],
            categories: input.categories ?? [],
            status: input.status ?? 'open',
            fieldIds,
            placeIds,
            actor: ctx.actor,
          },
        );
        const row = rows[0];
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
        const rows = await tx.run(
          'MATCH (n:Need {id: $id}) WHERE NOT n.deleted SET n.status = $status RETURN n.id',
          { id, status: args.status },
        );
        if (!rows.length) throw new NotFoundError('Need', args.id, ['id']);
      });
      const need = await loadNeed(ctx, id);
      if (!need) throw new NotFoundError('Need', args.id, ['id']);
      return need;
    },
  }),
);

function needsOf(ctx: Context, kind: 'Organization' | 'Project', ownerId: string): Promise<Need[]> {
  return loaderFor<Need[]>(ctx, `needs:${kind}`, async (ids) => {
    const rows = await ctx.db.read<{ owner: string; id: string }>(
      `UNWIND $ids AS owner MATCH (:${kind} {id: owner})-[:HAS_NEED]->(n:Need) WHERE NOT n.deleted RETURN owner, n.id AS id ORDER BY n.createdAt DESC`,
      { ids },
    );
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
