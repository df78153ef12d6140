import type { Context } from '../../server/context.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { loaderFor } from '../shared/loaders.ts';
import { type EntityOf, entityProjection, toEntity } from './entity.model.ts';

/**
 * Loads live (not deleted) entities of one kind by id, batched per request; a missing or deleted id
 * gives null. `kind` is from the allow-list, so it is safe as a label.
 */
export function loadEntity<K extends EntityKind>(
  ctx: Context,
  kind: K,
  id: string,
): Promise<EntityOf<K> | null> {
  return loaderFor<EntityOf<K> | null>(ctx, `entity:${kind}`, async (ids) => {
    const rows = await ctx.db.read<{ e: Record<string, unknown> }>(
      `UNWIND $ids AS id MATCH (n:${kind} {id: id}) WHERE NOT n.deleted RETURN ${entityProjection} AS e`,
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.e.id as string, toEntity(kind, r.e)]));
    return ids.map((id) => byId.get(id) ?? null);
  }).load(id);
}
