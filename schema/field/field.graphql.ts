import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import type { Field } from '../entity/entity.model.ts';
import { defineCreateUpdate } from '../entity/entity-crud.ts';
import { setSingleLink } from '../entity/entity-links.ts';
import { defineEntityList } from '../entity/entity-list.ts';
import { defineEntityNode } from '../entity/entity-node.ts';
import { idOf } from '../shared/global-id.ts';
import { loaderFor } from '../shared/loaders.ts';
import { names, provenance } from '../shared/rules.ts';
import { readRelatedFields } from './field.cypher.ts';

export const FieldRef = defineEntityNode(
  'Field',
  'A field of industry or expertise, in a taxonomy (光电子信息 > 激光 > 光纤激光器).',
);

/** Fields next to each of `ids` in the taxonomy, up (parent) or down (children); batched. */
function loadRelated(ctx: Context, id: string, way: 'parent' | 'children'): Promise<Field[]> {
  return loaderFor<Field[]>(ctx, `field:${way}`, (ids) => readRelatedFields(ctx.db, ids, way)).load(
    id,
  );
}

builder.objectFields(FieldRef, (t) => ({
  parent: t.field({
    type: FieldRef,
    nullable: true,
    resolve: async (f, _args, ctx) => (await loadRelated(ctx, f.id, 'parent'))[0] ?? null,
  }),
  children: t.field({
    type: [FieldRef],
    resolve: (f, _args, ctx) => loadRelated(ctx, f.id, 'children'),
  }),
}));

builder.queryField('field', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: FieldRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadEntity(ctx, 'Field', idOf(args.id, ['Field'], ['id']).id),
  }),
);

const FieldFilter = builder.inputType('FieldFilter', {
  fields: (t) => ({
    text: t.string({ required: false }),
    under: t.id({ required: false, description: 'Only fields below this one (at any depth).' }),
    topLevel: t.boolean({ required: false, description: 'Only the roots of the taxonomy.' }),
  }),
});

defineEntityList({
  kind: 'Field',
  field: 'fields',
  ref: FieldRef,
  filter: FieldFilter,
  description: 'Fields by name, optionally below a field or only the top level.',
  conditions: (f) => ({
    cypher: [
      f.under ? 'EXISTS { MATCH (n)-[:SUBFIELD_OF*1..6]->(:Field {id: $under}) }' : '',
      f.topLevel ? 'NOT EXISTS { MATCH (n)-[r:SUBFIELD_OF]->() WHERE NOT r.deleted }' : '',
    ]
      .filter(Boolean)
      .join(' AND '),
    params: { under: f.under ? idOf(f.under, ['Field'], ['filter', 'under']).id : null },
  }),
});

function fieldInput(create: boolean) {
  return builder.inputType(create ? 'FieldInput' : 'FieldPatch', {
    fields: (t) => ({
      name: t.string({ required: create }),
      latinName: t.string({ required: false }),
      aliases: t.stringList({ required: false }),
      parent: t.id({ required: false, description: 'The broader field; null makes it a root.' }),
      verified: t.boolean({ required: false }),
      confidence: t.float({ required: false }),
    }),
  });
}

defineCreateUpdate({
  kind: 'Field',
  ref: FieldRef,
  createInput: fieldInput(true),
  patchInput: fieldInput(false),
  rules: z.strictObject({ ...names, parent: z.string().nullish(), ...provenance }),
  links: ['parent'],
  writeLinks: (tx, id, links, ctx) =>
    setSingleLink(tx, {
      kind: 'Field',
      id,
      type: 'SUBFIELD_OF',
      targetKind: 'Field',
      target: links.parent as string | null | undefined,
      actor: ctx.actor,
      path: ['input', 'parent'],
      acyclic: true,
    }),
});
