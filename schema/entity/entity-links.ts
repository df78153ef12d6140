import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { refreshAfterTieWrite } from '../person/current-facts.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';

/**
 * Sets the one tie of `type` from an entity to a `target` of `targetKind` (a place's parent, an
 * organisation's location, a project's host): the old tie is soft-removed, the new one added, both in
 * the caller's transaction and history. `target` null removes it; undefined leaves it alone.
 * With `acyclic`, a target that lies below the entity (or is the entity) is refused.
 */
export async function setSingleLink(
  tx: Tx,
  options: {
    kind: EntityKind;
    id: string;
    type: string;
    targetKind: EntityKind;
    target: string | null | undefined;
    actor: string;
    path: string[];
    acyclic?: boolean;
  },
): Promise<void> {
  const { kind, id, type, targetKind, target, actor, path } = options;
  if (target === undefined) return;
  const targetId = target === null ? null : idOf(target, [targetKind], path).id;
  if (targetId) {
    const found = await tx.run(
      `MATCH (t:${targetKind} {id: $targetId}) WHERE NOT t.deleted RETURN t.id`,
      { targetId },
    );
    if (!found.length) throw new NotFoundError(targetKind, target as string, path);
    if (options.acyclic) {
      const loop = await tx.run(
        `MATCH (t:${targetKind} {id: $targetId})-[:${type}*0..20]->(x:${kind} {id: $id}) RETURN 1 AS loop LIMIT 1`,
        { targetId, id },
      );
      if (loop.length)
        throw new ConflictError(`a ${kind.toLowerCase()} cannot be inside itself`, path, {
          code: 'inside_itself',
        });
    }
  }
  const removed = await tx.run<{ old: string }>(
    `MATCH (n:${kind} {id: $id})-[r:${type}]->(o) WHERE NOT r.deleted AND o.id <> coalesce($targetId, '')
     SET r.deleted = true, r.deletedAt = datetime(), r.deletedBy = $actor RETURN o.id AS old`,
    { id, targetId, actor },
  );
  const existing = targetId
    ? await tx.run(
        `MATCH (:${kind} {id: $id})-[r:${type}]->({id: $targetId}) WHERE NOT r.deleted RETURN r.id`,
        { id, targetId },
      )
    : [];
  if (targetId && !existing.length) {
    await tx.run(
      `MATCH (n:${kind} {id: $id}), (t:${targetKind} {id: $targetId})
       CREATE (n)-[:${type} {id: $tieId, deleted: false, recordedAt: datetime(), recordedBy: $actor, verified: false}]->(t)`,
      { id, targetId, tieId: ulid(), actor },
    );
  }
  if (removed.length || (targetId && !existing.length)) {
    await recordChange(tx, {
      entityId: id,
      op: 'update',
      actor,
      changes: { [type]: [removed[0]?.old ?? null, targetId] },
    });
    await refreshAfterTieWrite(tx, type, [id]);
  }
}
