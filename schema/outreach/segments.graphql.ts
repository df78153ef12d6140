import { ulid } from 'ulid';
import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { PersonFilterInput, readPersonFilter } from '../person/people.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { buildPersonFilter, type PersonFilter } from '../person/person-filter.ts';
import { PlaceRef } from '../place/place.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { isConsultant } from './attribution.ts';
import { requireNode } from './common.ts';
import { type FilterCondition, filterConditions } from './segment-conditions.ts';
import { teamOf, viewerParams, visibleTo } from './visibility.ts';

/** A saved people filter whose members are computed live. */
interface Segment {
  id: string;
  name: string;
  filter: string;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** A fixed list of people: frozen from a segment, then edited by hand. */
interface PersonList {
  id: string;
  name: string;
  segmentId: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** The name of the account behind an actor (`Account:<id>`), for "who made it". */
const actorName = (r: string) =>
  `COLLECT { MATCH (a:Account {id: substring(${r}.createdBy, 8)}) RETURN a.name }[0]`;
const segmentReturn = `s {.id, .name, .filter, .createdBy, createdByName: ${actorName('s')},
  createdAt: toString(s.createdAt)} AS segment`;
const listReturn = `l {.id, .name, .segmentId, .createdBy, createdByName: ${actorName('l')},
  createdAt: toString(l.createdAt)} AS list`;

/** The Cypher binding `n` to a segment's members now. */
export function segmentMembersPart(segment: { filter: string }) {
  return buildPersonFilter(JSON.parse(segment.filter) as PersonFilter);
}

/** Ids of people now in the segment (or in the list), capped at `limit`. */
export async function memberIds(
  ctx: Context,
  source: { segment?: Segment; listId?: string },
  limit = 200_000,
): Promise<string[]> {
  if (source.segment) {
    const part = segmentMembersPart(source.segment);
    const rows = await ctx.db.read<{ id: string }>(
      `${part.cypher}\nWITH DISTINCT n ORDER BY n.id LIMIT $limit RETURN n.id AS id`,
      { ...part.params, limit },
    );
    return rows.map((r) => r.id);
  }
  const rows = await ctx.db.read<{ id: string }>(
    `MATCH (:PersonList {id: $listId})-[:HAS_MEMBER]->(n:Person) WHERE NOT n.deleted
     WITH n ORDER BY n.id LIMIT $limit RETURN n.id AS id`,
    { listId: source.listId, limit },
  );
  return rows.map((r) => r.id);
}

export async function loadSegment(ctx: Context, globalId: string, path: string[]) {
  const { id } = idOf(globalId, ['Segment'], path);
  const rows = await ctx.db.read<{ segment: Segment }>(
    `MATCH (s:Segment {id: $id}) WHERE NOT s.deleted AND ${visibleTo('s')} RETURN ${segmentReturn}`,
    { id, ...viewerParams(ctx) },
  );
  if (!rows[0]) throw new NotFoundError('Segment', globalId, path);
  return rows[0].segment;
}

export async function loadList(ctx: Context, globalId: string, path: string[]) {
  const { id } = idOf(globalId, ['PersonList'], path);
  const rows = await ctx.db.read<{ list: PersonList }>(
    `MATCH (l:PersonList {id: $id}) WHERE NOT l.deleted AND ${visibleTo('l')} RETURN ${listReturn}`,
    { id, ...viewerParams(ctx) },
  );
  if (!rows[0]) throw new NotFoundError('PersonList', globalId, path);
  return rows[0].list;
}

interface CityCount {
  cityId: string;
  lives: number;
  works: number;
  total: number;
  reachable: number;
}

const CityCountRef = builder.objectRef<CityCount>('CityCount').implement({
  description: 'How many members of a segment live or work in a city.',
  fields: (t) => ({
    city: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (c, _a, ctx) => loadEntity(ctx, 'Place', c.cityId),
    }),
    lives: t.exposeInt('lives'),
    works: t.exposeInt('works'),
    total: t.exposeInt('total', { description: 'Members who live or work there (each once).' }),
    reachable: t.exposeInt('reachable', {
      description:
        'Of those, members our consultants can reach: within two acquaintance steps of a current consultant (招才顾问, 引才大使 …).',
    }),
  }),
});

/**
 * Where to hold a session: cities ranked by how many members living or (currently) working there our
 * consultants can reach (two KNOWS steps, as a consultant's reach counts them), then by members.
 */
async function rankCities(ctx: Context, segment: Segment, first: number): Promise<CityCount[]> {
  const part = segmentMembersPart(segment);
  return ctx.db.read<CityCount>(
    `${part.cypher}
     WITH DISTINCT n
     WITH n,
       COLLECT { MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(c:Place {kind: 'city'})
                 WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) RETURN DISTINCT c.id } AS lives,
       COLLECT { MATCH (n)-[w:WORKED_AT]->(:Organization)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..4]->(c:Place {kind: 'city'})
                 WHERE NOT w.deleted AND coalesce(w.current, w.to IS NULL) RETURN DISTINCT c.id } AS works
     WITH n, lives, works,
       EXISTS {
         MATCH (n)-[k:KNOWS WHERE NOT k.deleted]-{1,2}(c:Person WHERE NOT c.deleted)
         WHERE ${isConsultant('c')}
       } AS reachable
     UNWIND lives + works AS cityId
     WITH DISTINCT n, reachable, cityId, cityId IN lives AS lives, cityId IN works AS works
     RETURN cityId, sum(CASE WHEN lives THEN 1 ELSE 0 END) AS lives,
            sum(CASE WHEN works THEN 1 ELSE 0 END) AS works, count(n) AS total,
            sum(CASE WHEN reachable THEN 1 ELSE 0 END) AS reachable
     ORDER BY reachable DESC, total DESC, cityId LIMIT $first`,
    { ...part.params, first },
  );
}

const FilterConditionRef = builder.objectRef<FilterCondition>('FilterCondition').implement({
  description:
    'One condition of a segment’s filter, to show in words: its field, its values, the entities it names.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The PersonFilter field: categories, levels, fields, livesIn, hometown, near …',
    }),
    values: t.exposeStringList('values', {
      description: 'Coded values (see `enum`), the text, or a year or number.',
    }),
    enum: t.exposeString('enum', {
      nullable: true,
      description: 'The GraphQL enum the values are of (PersonCategory …), or null.',
    }),
    entities: t.field({
      type: [EntityRef],
      description:
        'What the condition’s ids name, in order (deleted ones left out: see `missing`).',
      resolve: async (c, _a, ctx) =>
        (await Promise.all(c.entities.map((e) => loadEntity(ctx, e.kind, e.id)))).filter(
          (e) => e !== null,
        ),
    }),
    missing: t.int({
      description: 'How many of its ids name nothing now (deleted or merged away).',
      resolve: async (c, _a, ctx) =>
        (await Promise.all(c.entities.map((e) => loadEntity(ctx, e.kind, e.id)))).filter(
          (e) => e === null,
        ).length,
    }),
  }),
});

const SegmentRef = builder.objectRef<Segment>('Segment').implement({
  description: 'A saved people filter; its members are computed live. Freeze it into a list.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalId('Segment', s.id) }),
    name: t.exposeString('name'),
    filter: t.exposeString('filter', { description: 'The stored filter, as JSON (our ids).' }),
    conditions: t.field({
      type: [FilterConditionRef],
      description: 'The filter as conditions to show: names instead of ids.',
      resolve: (s) => filterConditions(JSON.parse(s.filter) as PersonFilter),
    }),
    createdBy: t.exposeString('createdBy'),
    createdByName: t.exposeString('createdByName', {
      nullable: true,
      description: 'The name of the account that made it.',
    }),
    createdAt: t.exposeString('createdAt'),
    memberCount: t.int({
      resolve: async (s, _a, ctx) => {
        const part = segmentMembersPart(s);
        const rows = await ctx.db.read<{ n: number }>(
          `${part.cypher}\nRETURN count(DISTINCT n) AS n`,
          part.params,
        );
        return rows[0]?.n ?? 0;
      },
    }),
    members: t.field({
      type: [PersonRef],
      args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
      resolve: async (s, args, ctx) => {
        const ids = await memberIds(
          ctx,
          { segment: s },
          readFirst(args.first, { fallback: 50, max: 500 }),
        );
        return (await Promise.all(ids.map((id) => loadEntity(ctx, 'Person', id)))).filter(
          (p) => p !== null,
        );
      },
    }),
    cities: t.field({
      type: [CityCountRef],
      description:
        'Where to hold the next session: cities by how many members living or working there our consultants can reach, then by members.',
      args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
      resolve: (s, args, ctx) =>
        rankCities(ctx, s, readFirst(args.first, { fallback: 10, max: 100 })),
    }),
  }),
});

const PersonListRef = builder.objectRef<PersonList>('PersonList').implement({
  description: 'A fixed list of people (a frozen segment, edited by hand).',
  fields: (t) => ({
    id: t.id({ resolve: (l) => encodeGlobalId('PersonList', l.id) }),
    name: t.exposeString('name'),
    segmentId: t.id({
      nullable: true,
      resolve: (l) => (l.segmentId ? encodeGlobalId('Segment', l.segmentId) : null),
    }),
    segment: t.field({
      type: SegmentRef,
      nullable: true,
      description:
        'The segment it was frozen from, if it still exists and you may see it (`segmentId` says whether there was one).',
      resolve: (l, _a, ctx) =>
        l.segmentId
          ? loadSegment(ctx, encodeGlobalId('Segment', l.segmentId), ['segment']).catch(
              (error: unknown) => {
                if (error instanceof NotFoundError) return null;
                throw error;
              },
            )
          : null,
    }),
    createdBy: t.exposeString('createdBy'),
    createdByName: t.exposeString('createdByName', {
      nullable: true,
      description: 'The name of the account that made it.',
    }),
    createdAt: t.exposeString('createdAt'),
    memberCount: t.int({
      resolve: async (l, _a, ctx) => {
        const rows = await ctx.db.read<{ n: number }>(
          `MATCH (:PersonList {id: $id})-[:HAS_MEMBER]->(n:Person) WHERE NOT n.deleted RETURN count(n) AS n`,
          { id: l.id },
        );
        return rows[0]?.n ?? 0;
      },
    }),
    members: t.field({
      type: [PersonRef],
      args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
      resolve: async (l, args, ctx) => {
        const ids = await memberIds(
          ctx,
          { listId: l.id },
          readFirst(args.first, { fallback: 50, max: 500 }),
        );
        return (await Promise.all(ids.map((id) => loadEntity(ctx, 'Person', id)))).filter(
          (p) => p !== null,
        );
      },
    }),
  }),
});

builder.queryField('segment', (t) =>
  t.field({
    type: SegmentRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => loadSegment(ctx, args.id, ['id']),
  }),
);

builder.queryField('personList', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => loadList(ctx, args.id, ['id']),
  }),
);

builder.queryField('segments', (t) =>
  t.field({
    type: [SegmentRef],
    authScopes: { outreach: true },
    description: 'Segments you may see, newest first.',
    args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
    resolve: async (_r, args, ctx) => {
      const rows = await ctx.db.read<{ segment: Segment }>(
        `MATCH (s:Segment) WHERE NOT s.deleted AND ${visibleTo('s')}
         WITH s ORDER BY s.createdAt DESC, s.id DESC LIMIT $first RETURN ${segmentReturn}`,
        { first: readFirst(args.first, { fallback: 50, max: 200 }), ...viewerParams(ctx) },
      );
      return rows.map((r) => r.segment);
    },
  }),
);

builder.queryField('personLists', (t) =>
  t.field({
    type: [PersonListRef],
    authScopes: { outreach: true },
    description: 'Lists you may see, newest first.',
    args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
    resolve: async (_r, args, ctx) => {
      const rows = await ctx.db.read<{ list: PersonList }>(
        `MATCH (l:PersonList) WHERE NOT l.deleted AND ${visibleTo('l')}
         WITH l ORDER BY l.createdAt DESC, l.id DESC LIMIT $first RETURN ${listReturn}`,
        { first: readFirst(args.first, { fallback: 50, max: 200 }), ...viewerParams(ctx) },
      );
      return rows.map((r) => r.list);
    },
  }),
);

const nameRules = z.object({ name: requiredText(200) });

builder.mutationField('createSegment', (t) =>
  t.field({
    type: SegmentRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Saves a people filter as a segment of your team.',
    args: {
      name: t.arg.string({ required: true }),
      filter: t.arg({ type: PersonFilterInput, required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const { name } = parseInput(nameRules, { name: args.name }, []);
      const filter = await readPersonFilter(ctx, args.filter);
      const id = ulid();
      return ctx.db.writeTx(async (tx) => {
        const rows = await tx.run<{ segment: Segment }>(
          `CREATE (s:Segment {id: $id, name: $name, filter: $filter, teamId: $teamId, deleted: false,
                              createdBy: $actor, createdAt: datetime()})
           RETURN ${segmentReturn}`,
          { id, name, filter: JSON.stringify(filter), teamId: teamOf(ctx), actor: ctx.actor },
        );
        await recordChange(tx, {
          entityId: id,
          op: 'create',
          actor: ctx.actor,
          changes: { name: [null, name], filter: [null, filter] },
        });
        return rows[0]?.segment as Segment;
      });
    },
  }),
);

async function createList(
  tx: Tx,
  ctx: Context,
  name: string,
  segmentId: string | null,
  ids: string[],
): Promise<PersonList> {
  const id = ulid();
  const rows = await tx.run<{ list: PersonList }>(
    `CREATE (l:PersonList {id: $id, name: $name, segmentId: $segmentId, teamId: $teamId, deleted: false,
                           createdBy: $actor, createdAt: datetime()})
     WITH l CALL (l) {
       UNWIND $ids AS pid MATCH (p:Person {id: pid}) WHERE NOT p.deleted
       MERGE (l)-[m:HAS_MEMBER]->(p) ON CREATE SET m.addedAt = datetime(), m.addedBy = $actor
     }
     RETURN ${listReturn}`,
    { id, name, segmentId, ids, teamId: teamOf(ctx), actor: ctx.actor },
  );
  await recordChange(tx, {
    entityId: id,
    op: 'create',
    actor: ctx.actor,
    changes: { name: [null, name], segmentId: [null, segmentId], members: [0, ids.length] },
  });
  return rows[0]?.list as PersonList;
}

builder.mutationField('freezeSegment', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Snapshots the segment’s members now into a new list.',
    args: { segment: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { name } = parseInput(nameRules, { name: args.name }, []);
      const segment = await loadSegment(ctx, args.segment, ['segment']);
      return ctx.db.writeTx(async (tx) => {
        const part = segmentMembersPart(segment);
        const ids = await tx.run<{ id: string }>(
          `${part.cypher}\nRETURN DISTINCT n.id AS id`,
          part.params,
        );
        return createList(
          tx,
          ctx,
          name,
          segment.id,
          ids.map((r) => r.id),
        );
      });
    },
  }),
);

const peopleIds = (people: readonly string[], path: string[]) => [
  ...new Set(people.map((p, i) => idOf(p, ['Person'], [...path, String(i)]).id)),
];

builder.mutationField('createPersonList', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    args: {
      name: t.arg.string({ required: true }),
      people: t.arg.idList({ required: false }),
    },
    resolve: (_r, args, ctx) => {
      const { name } = parseInput(nameRules, { name: args.name }, []);
      const ids = peopleIds(args.people ?? [], ['people']);
      return ctx.db.writeTx((tx) => createList(tx, ctx, name, null, ids));
    },
  }),
);

builder.mutationField('editPersonList', (t) =>
  t.field({
    type: PersonListRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Adds and removes people by hand.',
    args: {
      list: t.arg.id({ required: true }),
      add: t.arg.idList({ required: false }),
      remove: t.arg.idList({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const list = await loadList(ctx, args.list, ['list']);
      const add = peopleIds(args.add ?? [], ['add']);
      const remove = peopleIds(args.remove ?? [], ['remove']);
      await ctx.db.writeTx(async (tx) => {
        for (const [i, id] of add.entries()) {
          await requireNode(tx, 'Person', id, encodeGlobalId('Person', id), ['add', String(i)]);
        }
        const rows = await tx.run<{ added: number; removed: number }>(
          `MATCH (l:PersonList {id: $id})
           CALL (l) { UNWIND $add AS pid MATCH (p:Person {id: pid})
                      MERGE (l)-[m:HAS_MEMBER]->(p) ON CREATE SET m.addedAt = datetime(), m.addedBy = $actor, m.new = true
                      WITH m WHERE m.new REMOVE m.new RETURN count(m) AS added }
           CALL (l) { OPTIONAL MATCH (l)-[m:HAS_MEMBER]->(p:Person) WHERE p.id IN $remove
                      DELETE m RETURN count(m) AS removed }
           RETURN added, removed`,
          { id: list.id, add, remove, actor: ctx.actor },
        );
        await recordChange(tx, {
          entityId: list.id,
          op: 'update',
          actor: ctx.actor,
          changes: { added: [null, rows[0]?.added ?? 0], removed: [null, rows[0]?.removed ?? 0] },
        });
      });
      return list;
    },
  }),
);
