import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { EntityRef, TieRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import type { Organization } from '../entity/entity.model.ts';
import { defineCreateUpdate } from '../entity/entity-crud.ts';
import { setSingleLink } from '../entity/entity-links.ts';
import { defineEntityList } from '../entity/entity-list.ts';
import { defineEntityNode } from '../entity/entity-node.ts';
import { organizationTypes } from '../shared/entity-kinds.ts';
import { OrganizationTypeEnum } from '../shared/enums.graphql.ts';
import { idOf } from '../shared/global-id.ts';
import { names, provenance, text } from '../shared/rules.ts';
import { loadTies } from '../tie/tie.loaders.ts';

export const OrganizationRef = defineEntityNode(
  'Organization',
  'A university, institute, laboratory, enterprise, park, station, association, bureau or investor.',
);

const located = async (ctx: Context, o: Organization) =>
  (await loadTies(ctx, 'Organization', o.id, 'LOCATED_IN'))[0]?.other ?? null;

builder.objectFields(OrganizationRef, (t) => ({
  type: t.field({ type: OrganizationTypeEnum, resolve: (o) => o.type as never }),
  description: t.exposeString('description', { nullable: true }),
  place: t.field({
    type: EntityRef,
    nullable: true,
    description: 'Where it is (LOCATED_IN).',
    resolve: (o, _args, ctx) => located(ctx, o),
  }),
  fields: t.field({
    type: [TieRef],
    description: 'Its fields (IN_FIELD).',
    resolve: (o, _args, ctx) => loadTies(ctx, 'Organization', o.id, 'IN_FIELD'),
  }),
}));

builder.queryField('organization', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: OrganizationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      loadEntity(ctx, 'Organization', idOf(args.id, ['Organization'], ['id']).id),
  }),
);

const OrganizationFilter = builder.inputType('OrganizationFilter', {
  fields: (t) => ({
    text: t.string({ required: false }),
    types: t.field({ type: [OrganizationTypeEnum], required: false }),
    within: t.id({
      required: false,
      description: 'Only organisations located in this place (or a place inside it).',
    }),
  }),
});

defineEntityList({
  kind: 'Organization',
  field: 'organizations',
  ref: OrganizationRef,
  filter: OrganizationFilter,
  description: 'Organisations by name, optionally of some types and in a place.',
  conditions: (f) => ({
    cypher: [
      f.types?.length ? 'n.type IN $types' : '',
      f.within
        ? 'EXISTS { MATCH (n)-[r:LOCATED_IN]->(:Place)-[:PART_OF*0..5]->(:Place {id: $within}) WHERE NOT r.deleted }'
        : '',
    ]
      .filter(Boolean)
      .join(' AND '),
    params: {
      types: f.types ?? null,
      within: f.within ? idOf(f.within, ['Place'], ['filter', 'within']).id : null,
    },
  }),
});

function organizationInput(create: boolean) {
  return builder.inputType(create ? 'OrganizationInput' : 'OrganizationPatch', {
    fields: (t) => ({
      name: t.string({ required: create }),
      latinName: t.string({ required: false }),
      aliases: t.stringList({ required: false }),
      type: t.field({ type: OrganizationTypeEnum, required: create }),
      description: t.string({ required: false }),
      place: t.id({ required: false, description: 'Where it is; null clears it.' }),
      verified: t.boolean({ required: false }),
      confidence: t.float({ required: false }),
    }),
  });
}

defineCreateUpdate({
  kind: 'Organization',
  ref: OrganizationRef,
  createInput: organizationInput(true),
  patchInput: organizationInput(false),
  rules: z.strictObject({
    ...names,
    type: z.enum(organizationTypes),
    description: text(5000).nullish(),
    place: z.string().nullish(),
    ...provenance,
  }),
  links: ['place'],
  writeLinks: (tx, id, links, ctx) =>
    setSingleLink(tx, {
      kind: 'Organization',
      id,
      type: 'LOCATED_IN',
      targetKind: 'Place',
      target: links.place as string | null | undefined,
      actor: ctx.actor,
      path: ['input', 'place'],
    }),
});
