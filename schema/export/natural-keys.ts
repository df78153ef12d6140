/**
 * Nodes that every database's migrations write for themselves, each under ids of its own: the
 * reference places of migration 0060 (a unique `Place.code`) and the Source they cite. An import
 * matches these by their natural key, not by id: the target's node takes the export's id before the
 * export's nodes are MERGEd by id, so a restore neither collides on `Place.code` nor holds a
 * reference place (or its Source) twice. Ties between two such nodes are matched by their ends (the
 * target's migration made its own PART_OF ties between them, under other ids).
 */
import type { Db } from '../../server/db/run.ts';

interface NaturalKey {
  /** The properties that identify the node (trusted names, written into the Cypher). */
  props: readonly string[];
  /** Whether an exported row is such a node. */
  applies: (row: Record<string, unknown>) => boolean;
}

const naturalKeys: Readonly<Record<string, NaturalKey>> = {
  // GB/T 2260 and ISO 3166-1 codes: the reference places, and any place migration 0060 adopted.
  Place: { props: ['code'], applies: (row) => typeof row.code === 'string' },
  // A Source a migration wrote (0060: "reference places (…)"), known by its title.
  Source: {
    props: ['createdBy', 'title'],
    applies: (row) => row.createdBy === 'migration' && typeof row.title === 'string',
  },
};

/**
 * Gives the target's node with the same natural key each exported row's id (unless the export
 * holds that node under its own id too); returns the ids of the rows that have a natural key.
 */
export async function adoptByNaturalKey(
  db: Db,
  label: string,
  rows: readonly Record<string, unknown>[],
): Promise<string[]> {
  const key = naturalKeys[label];
  if (!key) return [];
  // One row per key: should an export hold two nodes with one key, the second keeps its own id.
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    if (typeof row.id !== 'string' || !key.applies(row)) continue;
    const k = JSON.stringify(key.props.map((p) => row[p]));
    if (!byKey.has(k))
      byKey.set(k, Object.fromEntries(['id', ...key.props].map((p) => [p, row[p]])));
  }
  const keyed = [...byKey.values()];
  const ids = rows.map((r) => r.id).filter((id) => typeof id === 'string');
  const pattern = key.props.map((p) => `${p}: row.${p}`).join(', ');
  for (let i = 0; i < keyed.length; i += 2000) {
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row
         CALL (row) {
           MATCH (n:${label} {${pattern}}) WHERE NOT n.id IN $ids
           RETURN n ORDER BY n.id LIMIT 1
         }
         SET n.id = row.id`,
        { rows: keyed.slice(i, i + 2000), ids },
      ),
    );
  }
  return keyed.map((r) => r.id as string);
}
