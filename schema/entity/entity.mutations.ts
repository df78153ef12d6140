import { builder } from '../builder.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { mutationErrors } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { EntityKindEnum, EntityRef } from './entity.graphql.ts';
import { loadEntity } from './entity.loaders.ts';
import { setDeleted } from './entity-write.ts';

const DeletedRef = builder.objectRef<{ id: string; kind: EntityKind }>('DeletedEntity').implement({
  description: 'What deleteEntity removed from view.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The global id; pass it to restoreEntity to undo.' }),
    kind: t.field({ type: EntityKindEnum, resolve: (d) => d.kind }),
  }),
});

builder.mutationField('deleteEntity', (t) =>
  t.field({
    type: DeletedRef,
    description:
      'Soft-deletes an entity: it and its ties vanish from every query; restoreEntity brings them back.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { kind, id } = idOf<EntityKind>(args.id, entityKinds, ['id']);
      await ctx.db.writeTx((tx) => setDeleted(tx, kind, id, true, ctx.actor));
      return { id: args.id, kind };
    },
  }),
);

builder.mutationField('restoreEntity', (t) =>
  t.field({
    type: EntityRef,
    description: 'Brings back a soft-deleted entity with its ties and history.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { kind, id } = idOf<EntityKind>(args.id, entityKinds, ['id']);
      await ctx.db.writeTx((tx) => setDeleted(tx, kind, id, false, ctx.actor));
      const entity = await loadEntity(ctx, kind, id);
      if (!entity) throw new Error(`restored ${kind} ${id} could not be read back`);
      return entity;
    },
  }),
);
