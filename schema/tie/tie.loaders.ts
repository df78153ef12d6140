import type { Context } from '../../server/context.ts';
import { entityProjection, toEntity } from '../entity/entity.model.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { type Tie, tieProjection } from './tie.model.ts';
import { type TieKind, tieKinds } from './tie-kinds.ts';

/** Which way to follow a tie from an entity of `self` kind: stored direction, or both for KNOWS. */
function patternFor(
  kind: TieKind,
  self: EntityKind,
): { pattern: string; direction: 'OUT' | 'IN' }[] {
  const spec = tieKinds[kind];
  const ways: { pattern: string; direction: 'OUT' | 'IN' }[] = [];
  if ((spec.from as readonly string[]).includes(self)) {
    ways.push({ pattern: `(n)-[r:${kind}]->(o)`, direction: 'OUT' });
  }
  if ((spec.to as readonly string[]).includes(self)) {
    ways.push({ pattern: `(n)<-[r:${kind}]-(o)`, direction: 'IN' });
  }
  return ways;
}

/**
 * The live ties of `kind` at an entity, with the entity at the other end, batched per request: one
 * query per tie kind and direction, whatever the number of entities asked about. With `asOfYear`, only
 * ties that held in that year. At most `limit` per entity (most recent first).
 */
export function loadTies(
  ctx: Context,
  self: EntityKind,
  selfId: string,
  kind: TieKind,
  options: { asOfYear?: number | null; limit?: number } = {},
): Promise<Tie[]> {
  const { asOfYear = null, limit = 200 } = options;
  return loaderFor<Tie[]>(ctx, `ties:${self}:${kind}:${asOfYear}:${limit}`, async (ids) => {
    const results: Tie[][] = ids.map(() => []);
    for (const { pattern, direction } of patternFor(kind, self)) {
      const rows = await ctx.db.read<{
        selfId: string;
        r: Record<string, unknown>;
        otherKind: EntityKind;
        e: Record<string, unknown>;
      }>(
        `UNWIND $ids AS selfId
         MATCH (n:${self} {id: selfId})
         CALL (n) {
           MATCH ${pattern}
           WHERE NOT r.deleted AND NOT o.deleted
             AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
           RETURN r, o ORDER BY coalesce(r.current, false) DESC, coalesce(r.to, 9999) DESC, r.id LIMIT $limit
         }
         WITH selfId, r, o AS n
         RETURN selfId, ${tieProjection} AS r,
                [l IN labels(n) WHERE l IN $kinds][0] AS otherKind, ${entityProjection} AS e`,
        { ids, asOf: asOfYear, limit, kinds: entityKinds },
      );
      const grouped = groupInOrder(ids, rows, (row) => row.selfId);
      grouped.forEach((group, i) => {
        for (const row of group) {
          results[i]?.push({
            kind,
            id: row.r.id as string,
            direction,
            selfKind: self,
            selfId: row.selfId,
            other: toEntity(row.otherKind, row.e),
            props: row.r,
          });
        }
      });
    }
    return results;
  }).load(selfId);
}
