import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import { PersonFilterInput, readPersonFilter } from '../person/people.graphql.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { buildPersonFilter } from '../person/person-filter.ts';
import { readFirst } from '../shared/connection.ts';
import { ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { loaderFor } from '../shared/loaders.ts';
import { locateEntities } from './element-ids.ts';

interface KeyConnector {
  person: Entity;
  bridges: number;
  degree: number;
  groups: string[];
}

const KeyConnectorRef = builder.objectRef<KeyConnector>('KeyConnector').implement({
  description:
    'Someone who links many otherwise separate groups: a candidate recruitment consultant (招才顾问).',
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (k) => k.person as never }),
    bridges: t.exposeInt('bridges', {
      description: 'Distinct current employers among the people they know.',
    }),
    degree: t.exposeInt('degree', { description: 'People they know (asserted ties).' }),
    groups: t.exposeStringList('groups', { description: 'Up to five of those employers.' }),
  }),
});

/** Most people a scope is read in one call; a larger scope is narrowed with a filter first. */
const scopeLimit = 20_000;

builder.queryField('keyConnectors', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: [KeyConnectorRef],
    description:
      'Within a scope (any people filter: an organisation’s alumni, a field, a place), the people whose acquaintances span the most different employers — brokers between groups (Burt’s structural holes, counted simply), then by how many people they know.',
    args: {
      scope: t.arg({ type: PersonFilterInput, required: true }),
      first: t.arg.int({ required: false, defaultValue: 20, description: '1-100' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = readFirst(args.first, { fallback: 20, max: 100 });
      const part = buildPersonFilter(await readPersonFilter(ctx, args.scope));
      const rows = await ctx.db.read<{
        e: Record<string, unknown>;
        degree: number;
        bridges: number;
        groups: string[];
      }>(
        `${part.cypher}
         WITH n LIMIT ${scopeLimit}
         CALL (n) {
           MATCH (n)-[k:KNOWS]-(m:Person) WHERE NOT k.deleted AND NOT m.deleted
           WITH DISTINCT m
           OPTIONAL MATCH (m)-[w:WORKED_AT]->(o:Organization)
             WHERE NOT w.deleted AND NOT o.deleted AND coalesce(w.current, w.to IS NULL)
           WITH count(DISTINCT m) AS degree, collect(DISTINCT o.name) AS names
           RETURN degree, size(names) AS bridges, names
         }
         WITH n, degree, bridges, names WHERE degree > 0
         ORDER BY bridges DESC, degree DESC, n.id LIMIT $first
         RETURN ${entityProjection} AS e, degree, bridges, names[0..5] AS groups`,
        { ...part.params, first },
      );
      return rows.map((r) => ({
        person: toEntity('Person', r.e),
        degree: r.degree,
        bridges: r.bridges,
        groups: r.groups,
      }));
    },
  }),
);

/** KNOWS distance (1-3) from any of `from` to each person, batched; null beyond 3, 0 for `from` itself. */
function loadDegree(
  ctx: Context,
  from: readonly string[],
  personId: string,
): Promise<number | null> {
  const key = `degree:${[...from].sort().join(',')}`;
  return loaderFor<number | null>(ctx, key, async (ids) => {
    const rows = await ctx.db.read<{ id: string; hops: number | null }>(
      `UNWIND $ids AS id MATCH (t:Person {id: id})
       OPTIONAL CALL (t) {
         MATCH p = SHORTEST 1 (s:Person WHERE s.id IN $from AND s <> t)(()-[k:KNOWS WHERE NOT k.deleted]-(x:Person WHERE NOT x.deleted)){1,3}(t)
         RETURN length(p) AS hops ORDER BY hops LIMIT 1
       }
       RETURN id, CASE WHEN id IN $from THEN 0 ELSE hops END AS hops`,
      { ids, from },
    );
    const byId = new Map(rows.map((r) => [r.id, r.hops]));
    return ids.map((id) => byId.get(id) ?? null);
  }).load(personId);
}

builder.objectField(PersonRef, 'degreeFrom', (t) =>
  t.int({
    nullable: true,
    description:
      'Degree of connection from our side over asserted ties: 1st, 2nd, 3rd; null when further (3rd+).',
    args: { people: t.arg.idList({ required: true, description: 'Our side (1-500 people).' }) },
    resolve: async (person, args, ctx) => {
      if (!args.people.length || args.people.length > 500) {
        throw new ValidationError([
          {
            path: ['people'],
            code: 'count_range',
            params: { min: 1, max: 500 },
            message: 'must name 1 to 500 people',
          },
        ]);
      }
      const from = args.people.map((g, i) => idOf(g, ['Person'], ['people', String(i)]).id);
      // null means "further than 3 hops", so an unknown or deleted person on our side is named.
      await locateEntities(ctx, args.people, ['people']);
      return loadDegree(ctx, from, person.id);
    },
  }),
);
