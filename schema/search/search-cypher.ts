import { entityProjection } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';

/** Live entities of `kinds` whose name is exactly one of `$variants` (range index on name). */
export function exactNameCypher(kinds: readonly EntityKind[]): string {
  return kinds
    .map(
      (kind) => `MATCH (n:${kind}) WHERE n.name IN $variants AND NOT n.deleted
RETURN '${kind}' AS kind, ${entityProjection} AS e, 0.0 AS score`,
    )
    .join('\nUNION ALL\n');
}

/** Full-text hits for `$lucene` among `$kinds`, at most `$limit`, with Lucene's score. */
export const fullTextCypher = `CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit}) YIELD node AS n, score
WITH n, score, [l IN labels(n) WHERE l IN $kinds][0] AS kind
WHERE kind IS NOT NULL AND NOT n.deleted
RETURN kind, ${entityProjection} AS e, score`;
