import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import { readFirst } from '../shared/connection.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { ValidationError } from '../shared/errors.ts';
import { tieKindNames } from '../tie/tie-kinds.ts';
import { locateEntities } from './element-ids.ts';

interface CommonTie {
  of: string;
  kind: string;
  label: string | null;
  startYear: number | null;
  endYear: number | null;
}

interface CommonConnection {
  entity: Entity;
  count: number;
  ties: CommonTie[];
}

const CommonTieRef = builder.objectRef<CommonTie>('CommonTie').implement({
  fields: (t) => ({
    of: t.exposeID('of', { description: 'Which of the given entities this tie belongs to.' }),
    kind: t.exposeString('kind'),
    label: t.exposeString('label', { nullable: true }),
    startYear: t.exposeInt('startYear', { nullable: true }),
    endYear: t.exposeInt('endYear', { nullable: true }),
  }),
});

const CommonConnectionRef = builder.objectRef<CommonConnection>('CommonConnection').implement({
  description:
    'Something two or more of the given entities are all tied to (an interlock), and how.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (c) => c.entity }),
    count: t.exposeInt('count', { description: 'How many of the given entities it ties to.' }),
    ties: t.field({ type: [CommonTieRef], resolve: (c) => c.ties }),
  }),
});

builder.queryField('commonConnections', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: [CommonConnectionRef],
    description:
      'The people and organisations (and places, fields, projects) that two or more of the given entities are tied to, most shared first. People and organisations may be mixed.',
    args: {
      ids: t.arg.idList({ required: true, description: '2 to 50 entities.' }),
      minShared: t.arg.int({ required: false, defaultValue: 2 }),
      first: t.arg.int({ required: false, defaultValue: 50, description: '1-200' }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.ids.length < 2 || args.ids.length > 50) {
        throw new ValidationError([
          {
            path: ['ids'],
            code: 'count_range',
            params: { min: 2, max: 50 },
            message: 'must name 2 to 50 entities',
          },
        ]);
      }
      const first = readFirst(args.first, { fallback: 50, max: 200 });
      const minShared = Math.max(2, args.minShared ?? 2);
      const given = await locateEntities(ctx, args.ids, ['ids']);
      const rows = await ctx.db.read<{
        kind: EntityKind;
        e: Record<string, unknown>;
        count: number;
        ties: (Omit<CommonTie, 'of'> & { ofEid: string })[];
      }>(
        `UNWIND $eids AS eid
         MATCH (a) WHERE elementId(a) = eid
         MATCH (a)-[r]-(n)
         WHERE type(r) IN $types AND NOT coalesce(r.deleted, false) AND NOT coalesce(n.deleted, false)
           AND any(l IN labels(n) WHERE l IN $kinds) AND NOT elementId(n) IN $eids
         WITH n, collect({ofEid: eid, kind: type(r), label: coalesce(r.kind, r.title, r.degree, r.role),
                          startYear: r.from, endYear: r.to}) AS ties, count(DISTINCT eid) AS count
         WHERE count >= $minShared
         RETURN [l IN labels(n) WHERE l IN $kinds][0] AS kind, ${entityProjection} AS e, count, ties
         ORDER BY count DESC, size(ties) DESC, n.name LIMIT $first`,
        {
          eids: given.map((g) => g.elementId),
          types: [...tieKindNames, 'PART_OF', 'SUBFIELD_OF'],
          kinds: entityKinds,
          minShared,
          first,
        },
      );
      const globalOf = new Map(given.map((g) => [g.elementId, g.globalId]));
      return rows.map((row) => ({
        entity: toEntity(row.kind, row.e),
        count: row.count,
        ties: row.ties.map(({ ofEid, ...tie }) => ({ of: globalOf.get(ofEid) ?? '', ...tie })),
      }));
    },
  }),
);
