/**
 * Provenance per fact: the source of each field's current value, derived from the entity's Change
 * records. A field keeps the record's own source (the one it was created from) until a change sets
 * it; from then on it carries that change's source, or none: an unsourced edit leaves that field
 * unsourced however well sourced the rest of the record is, and a sourced edit relabels only the
 * fields it changed.
 */

/** What a field of an entity is: bookkeeping fields have no provenance of their own. */
const bookkeeping: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'sourceId',
  'verified',
  'confidence',
  'deleted',
  'deletedAt',
  'deletedBy',
  'searchText',
  'mergedInto',
]);

export interface FieldSource {
  field: string;
  sourceId: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
}

export interface ChangeFacts {
  at: string;
  actor: string;
  op: string;
  /** The change's own source (imports and API writes since per-field provenance). */
  sourceId: string | null;
  /** JSON: field -> [before, after]. */
  changes: string;
}

/**
 * The source of each field the entity holds now. `entity` is its stored properties; `changes` its
 * Change records of entity ops (not ties), oldest first.
 */
export function fieldSources(
  entity: Record<string, unknown>,
  changes: ChangeFacts[],
): FieldSource[] {
  const base = (field: string): FieldSource => ({
    field,
    sourceId: (entity.sourceId as string | null | undefined) ?? null,
    recordedAt: entity.createdAt == null ? null : String(entity.createdAt),
    recordedBy: (entity.createdBy as string | null | undefined) ?? null,
  });
  const byField = new Map<string, FieldSource>();
  for (const change of changes) {
    const fields = JSON.parse(change.changes) as Record<string, [unknown, unknown]>;
    // Older records name the source as a changed "field" instead of a property of the change.
    const sourceId =
      change.sourceId ??
      (change.op === 'create' ? base('').sourceId : ((fields.sourceId?.[1] as string) ?? null));
    for (const field of Object.keys(fields)) {
      if (bookkeeping.has(field)) continue;
      byField.set(field, { field, sourceId, recordedAt: change.at, recordedBy: change.actor });
    }
  }
  return Object.keys(entity)
    .filter((field) => !bookkeeping.has(field) && entity[field] != null)
    .sort()
    .map((field) => byField.get(field) ?? base(field));
}
