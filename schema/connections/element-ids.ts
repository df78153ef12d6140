import type { Context } from '../../server/context.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';

export interface Located {
  globalId: string;
  kind: EntityKind;
  id: string;
  /** Neo4j's element id: only for lookups within this request, never stored or returned. */
  elementId: string;
}

/**
 * Finds live entities of any kind by global id, one indexed query per kind present. Later queries of
 * the same request start from the element ids, which needs no label.
 */
export async function locateEntities(
  ctx: Context,
  globalIds: readonly string[],
  path: string[],
): Promise<Located[]> {
  const wanted = globalIds.map((g, i) => ({
    globalId: g,
    ...idOf(g, entityKinds, [...path, String(i)]),
  }));
  const byKind = new Map<EntityKind, string[]>();
  for (const w of wanted) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w.id]);
  const found = new Map<string, string>();
  await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      const rows = await ctx.db.read<{ id: string; eid: string }>(
        `MATCH (n:${kind}) WHERE n.id IN $ids AND NOT n.deleted RETURN n.id AS id, elementId(n) AS eid`,
        { ids },
      );
      for (const r of rows) found.set(r.id, r.eid);
    }),
  );
  return wanted.map((w, i) => {
    const elementId = found.get(w.id);
    if (!elementId) throw new NotFoundError(w.kind, w.globalId, [...path, String(i)]);
    return { ...w, elementId };
  });
}
