/** The Cypher of the field taxonomy (see field.graphql.ts for the model). */
import type { Db } from '../../server/db/run.ts';
import { entityProjection, type Field, toEntity } from '../entity/entity.model.ts';
import { groupInOrder } from '../shared/loaders.ts';

/** The fields next to each of `ids` in the taxonomy, up (parent) or down (children), by name. */
export async function readRelatedFields(
  db: Db,
  ids: readonly string[],
  way: 'parent' | 'children',
): Promise<Field[][]> {
  const pattern =
    way === 'parent'
      ? '(:Field {id: key})-[r:SUBFIELD_OF]->(n:Field)'
      : '(n:Field)-[r:SUBFIELD_OF]->(:Field {id: key})';
  const rows = await db.read<{ key: string; e: Record<string, unknown> }>(
    `UNWIND $ids AS key MATCH ${pattern} WHERE NOT n.deleted AND NOT r.deleted
       RETURN key, ${entityProjection} AS e ORDER BY n.name`,
    { ids },
  );
  return groupInOrder(ids, rows, (r) => r.key).map((g) => g.map((r) => toEntity('Field', r.e)));
}
