import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { EntityRef } from './entity.graphql.ts';
import { loadEntity } from './entity.loaders.ts';
import type { EntityOf } from './entity.model.ts';

/**
 * Registers the GraphQL object for an entity kind: a relay Node (global id `Kind:ULID`, loadable by
 * `node(id)`) that implements Entity. Kind-specific fields are added by the domain's own file.
 */
export function defineEntityNode<K extends EntityKind>(
  kind: K,
  description: string,
): ObjectRef<typeof builder.$inferSchemaTypes, EntityOf<K>> {
  const ref = builder.objectRef<EntityOf<K>>(kind);
  builder.node(ref, {
    description,
    interfaces: [EntityRef],
    isTypeOf: (value) => (value as { kind?: string }).kind === kind,
    id: { resolve: (entity) => entity.id },
    loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadEntity(ctx, kind, id))),
    fields: () => ({}),
  });
  return ref;
}
