import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { entityProjection, type Place, toEntity } from '../entity/entity.model.ts';
import { defineCreateUpdate } from '../entity/entity-crud.ts';
import { setSingleLink } from '../entity/entity-links.ts';
import { defineEntityList } from '../entity/entity-list.ts';
import { defineEntityNode } from '../entity/entity-node.ts';
import { placeKinds } from '../shared/entity-kinds.ts';
import { PlaceKindEnum } from '../shared/enums.graphql.ts';
import { idOf } from '../shared/global-id.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { names, provenance } from '../shared/rules.ts';

export const PlaceRef = defineEntityNode('Place', 'A place: country > province > city > district.');

/** Places directly below each of `ids` (batched per request). */
function loadChildren(ctx: Context, id: string): Promise<Place[]> {
  return loaderFor<Place[]>(ctx, 'place:children', async (ids) => {
    const rows = await ctx.db.read<{ parent: string; e: Record<string, unknown> }>(
      `UNWIND $ids AS parent MATCH (n:Place)-[r:PART_OF]->(:Place {id: parent})
       WHERE NOT n.deleted AND NOT r.deleted
       RETURN parent, ${entityProjection} AS e ORDER BY n.name`,
      { ids },
    );
    return groupInOrder(ids, rows, (r) => r.parent).map((g) =>
      g.map((r) => toEntity('Place', r.e)),
    );
  }).load(id);
}

/** The chain of places containing `id`, nearest first (district → city → province → country). */
function loadAncestors(ctx: Context, id: string): Promise<Place[]> {
  return loaderFor<Place[]>(ctx, 'place:ancestors', async (ids) => {
    const rows = await ctx.db.read<{ child: string; chain: Record<string, unknown>[] }>(
      `UNWIND $ids AS child MATCH (c:Place {id: child})
       OPTIONAL MATCH path = (c)-[:PART_OF*1..6]->(top:Place) WHERE NOT (top)-[:PART_OF]->()
       WITH child, path ORDER BY length(path) DESC
       WITH child, head(collect(path)) AS path
       RETURN child, [n IN CASE WHEN path IS NULL THEN [] ELSE tail(nodes(path)) END | ${entityProjection}] AS chain`,
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.child, r.chain.map((e) => toEntity('Place', e))]));
    return ids.map((i) => byId.get(i) ?? []);
  }).load(id);
}

builder.objectFields(PlaceRef, (t) => ({
  kind: t.field({ type: PlaceKindEnum, resolve: (p) => p.placeKind as never }),
  parent: t.field({
    type: PlaceRef,
    nullable: true,
    resolve: async (p, _args, ctx) => (await loadAncestors(ctx, p.id))[0] ?? null,
  }),
  ancestors: t.field({
    type: [PlaceRef],
    description: 'The places this one lies in, nearest first.',
    resolve: (p, _args, ctx) => loadAncestors(ctx, p.id),
  }),
  children: t.field({ type: [PlaceRef], resolve: (p, _args, ctx) => loadChildren(ctx, p.id) }),
}));

builder.queryField('place', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: PlaceRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadEntity(ctx, 'Place', idOf(args.id, ['Place'], ['id']).id),
  }),
);

const PlaceFilter = builder.inputType('PlaceFilter', {
  fields: (t) => ({
    text: t.string({ required: false }),
    kinds: t.field({ type: [PlaceKindEnum], required: false }),
    within: t.id({ required: false, description: 'Only places inside this one (at any depth).' }),
  }),
});

defineEntityList({
  kind: 'Place',
  field: 'places',
  ref: PlaceRef,
  filter: PlaceFilter,
  description: 'Places by name, optionally of some kinds and inside a place.',
  conditions: (f) => ({
    cypher: [
      f.kinds?.length ? 'n.kind IN $kinds' : '',
      f.within ? 'EXISTS { MATCH (n)-[:PART_OF*1..6]->(:Place {id: $within}) }' : '',
    ]
      .filter(Boolean)
      .join(' AND '),
    params: {
      kinds: f.kinds ?? null,
      within: f.within ? idOf(f.within, ['Place'], ['filter', 'within']).id : null,
    },
  }),
});

const placeRules = z.strictObject({
  ...names,
  kind: z.enum(placeKinds),
  parent: z.string().nullish(),
  ...provenance,
});

function placeInput(create: boolean) {
  return builder.inputType(create ? 'PlaceInput' : 'PlacePatch', {
    fields: (t) => ({
      name: t.string({ required: create }),
      latinName: t.string({ required: false }),
      aliases: t.stringList({ required: false }),
      kind: t.field({ type: PlaceKindEnum, required: create }),
      parent: t.id({
        required: false,
        description: 'The place this one lies in; null detaches it.',
      }),
      verified: t.boolean({ required: false }),
      confidence: t.float({ required: false }),
    }),
  });
}

defineCreateUpdate({
  kind: 'Place',
  ref: PlaceRef,
  createInput: placeInput(true),
  patchInput: placeInput(false),
  rules: placeRules,
  links: ['parent'],
  writeLinks: (tx, id, links, ctx) =>
    setSingleLink(tx, {
      kind: 'Place',
      id,
      type: 'PART_OF',
      targetKind: 'Place',
      target: links.parent as string | null | undefined,
      actor: ctx.actor,
      path: ['input', 'parent'],
      acyclic: true,
    }),
});
