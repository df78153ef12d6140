import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { refreshAfterEntityWrite } from '../person/current-facts.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId } from '../shared/global-id.ts';
import { diff, recordChange } from '../shared/history.ts';
import { type EntityNames, searchKeys } from '../shared/search-keys.ts';

/** Stored properties of an entity, already validated; undefined = leave as is, null = clear. */
export type EntityProps = Record<string, unknown>;

export interface WriteMeta {
  actor: string;
  sourceId: string | null;
}

const nameProps = ['name', 'latinName', 'aliases'] as const;

/** Derived search keys: stored, never shown in history. */
const derivedProps = ['searchText', 'namePinyin', 'nameInitials'] as const;

/**
 * A new entity's `props` with the search keys of `kind` (schema/shared/search-keys.ts): its aliases
 * with the generated short forms, and the derived keys.
 */
function withSearchKeys(kind: EntityKind, props: EntityProps): EntityProps {
  return { ...props, ...searchKeys(kind, props as unknown as EntityNames) };
}

function withoutDerived(props: EntityProps): EntityProps {
  return Object.fromEntries(
    Object.entries(props).filter(([k]) => !(derivedProps as readonly string[]).includes(k)),
  );
}

function defined(props: EntityProps): EntityProps {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/** Creates an entity of `kind` in `tx` and records the change; returns its new id. */
export async function createEntity(
  tx: Tx,
  kind: EntityKind,
  props: EntityProps,
  meta: WriteMeta,
): Promise<string> {
  const id = ulid();
  const stored = withSearchKeys(kind, defined(props));
  await tx.run(
    `CREATE (n:${kind}) SET n = $props, n.id = $id, n.deleted = false, n.createdAt = datetime(),
       n.updatedAt = datetime(), n.createdBy = $actor, n.sourceId = $sourceId,
       n.verified = coalesce($props.verified, false)`,
    { props: stored, id, actor: meta.actor, sourceId: meta.sourceId },
  );
  await recordChange(tx, {
    entityId: id,
    op: 'create',
    actor: meta.actor,
    sourceId: meta.sourceId,
    changes: diff({}, { ...withoutDerived(stored), sourceId: meta.sourceId }),
  });
  await refreshAfterEntityWrite(tx, kind, id, {});
  return id;
}

/** The stored properties of a live entity (for diffs), or NotFoundError naming `path`. */
async function readLive(
  tx: Tx,
  kind: EntityKind,
  id: string,
  path: string[] = ['id'],
): Promise<EntityProps> {
  const rows = await tx.run<{ props: EntityProps }>(
    `MATCH (n:${kind} {id: $id}) WHERE NOT n.deleted
     RETURN n {.*, createdAt: null, updatedAt: null, searchText: null, namePinyin: null,
               nameInitials: null} AS props`,
    { id },
  );
  if (!rows[0]) throw new NotFoundError(kind, encodeGlobalId(kind, id), path);
  return rows[0].props;
}

/** Applies a patch to a live entity and records what changed; NotFoundError when it is missing. */
export async function updateEntity(
  tx: Tx,
  kind: EntityKind,
  id: string,
  patch: EntityProps,
  meta: WriteMeta,
): Promise<void> {
  const before = await readLive(tx, kind, id);
  // The record keeps the source it was created from; this change's source goes on its Change record,
  // so only the fields it changes are attributed to it (schema/shared/field-provenance.ts).
  const changes = defined(patch);
  const touchesNames = nameProps.some((p) => p in changes);
  // Only the changes and the keys derived from the names are written (before's createdAt is a
  // placeholder null, which SET += would remove).
  const keys = touchesNames
    ? searchKeys(kind, { ...before, ...changes } as unknown as EntityNames, before as never)
    : {};
  const stored = { ...changes, ...keys };
  const after = { ...before, ...withoutDerived(stored) };
  await tx.run(
    `MATCH (n:${kind} {id: $id}) SET n += $changes, n.updatedAt = datetime(), n.updatedBy = $actor`,
    { id, changes: stored, actor: meta.actor },
  );
  const changed = diff(before, after);
  if (Object.keys(changed).length) {
    await recordChange(tx, {
      entityId: id,
      op: 'update',
      actor: meta.actor,
      sourceId: meta.sourceId,
      changes: changed,
    });
    await refreshAfterEntityWrite(tx, kind, id, { keys: Object.keys(changed) });
  }
}

/**
 * Soft-deletes (or restores) an entity. A deleted entity and its ties disappear from every query but
 * stay in the store with their history, so a restore brings everything back.
 */
export async function setDeleted(
  tx: Tx,
  kind: EntityKind,
  id: string,
  deleted: boolean,
  actor: string,
): Promise<void> {
  const rows = await tx.run<{ deleted: boolean }>(
    `MATCH (n:${kind} {id: $id}) RETURN n.deleted AS deleted`,
    { id },
  );
  if (!rows[0]) throw new NotFoundError(kind, encodeGlobalId(kind, id), ['id']);
  if (rows[0].deleted === deleted) {
    throw new ConflictError(`${kind} is ${deleted ? 'already deleted' : 'not deleted'}`, ['id'], {
      code: deleted ? 'already_deleted' : 'not_deleted',
    });
  }
  await tx.run(
    `MATCH (n:${kind} {id: $id})
     SET n.deleted = $deleted, n.deletedAt = CASE WHEN $deleted THEN datetime() END,
         n.deletedBy = CASE WHEN $deleted THEN $actor END, n.updatedAt = datetime()`,
    { id, deleted, actor },
  );
  await recordChange(tx, {
    entityId: id,
    op: deleted ? 'delete' : 'restore',
    actor,
    changes: { deleted: [!deleted, deleted] },
  });
  await refreshAfterEntityWrite(tx, kind, id, { deleted });
}
