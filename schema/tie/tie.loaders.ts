import type { Context } from '../../server/context.ts';
import { entityProjection, toEntity } from '../entity/entity.model.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { type Tie, tieProjection } from './tie.model.ts';
import { type TieKind, tieKinds } from './tie-kinds.ts';

/**
 * How to follow a tie from an entity of `self` kind, as one pattern: the stored direction, or either
 * direction when both ends may be `self` (KNOWS), so a limit counts ties, not ties per direction.
 */
function patternFor(kind: TieKind, self: EntityKind): string | null {
  const spec = tieKinds[kind];
  const out = (spec.from as readonly string[]).includes(self);
  const into = (spec.to as readonly string[]).includes(self);
  if (out && into) return `(n)-[r:${kind}]-(o)`;
  if (out) return `(n)-[r:${kind}]->(o)`;
  if (into) return `(n)<-[r:${kind}]-(o)`;
  return null;
}

/** The documented order of each kind's list: acquaintances strongest then most recent; others current, then latest. */
function orderFor(kind: TieKind): string {
  return kind === 'KNOWS'
    ? 'coalesce(r.strength, 0) DESC, coalesce(r.since, 0) DESC, r.id'
    : 'coalesce(r.current, false) DESC, coalesce(r.to, 9999) DESC, r.id';
}

/**
 * A tie holds in `$asOf` when it had begun (its `from`, or a KNOWS tie's `since`, or a landing's `at`)
 * and had not ended (`to`). Ties with no start year are taken as always held.
 */
export const heldIn = (r: string) =>
  `coalesce(${r}.from, ${r}.since, ${r}.at, $asOf) <= $asOf AND coalesce(${r}.to, $asOf) >= $asOf`;

/**
 * The live ties of `kind` at an entity, with the entity at the other end, batched per request: one
 * query per tie kind, whatever the number of entities asked about. With `asOfYear`, only ties that
 * held in that year. At most `limit` per entity, in the kind's order (see `orderFor`).
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
    const pattern = patternFor(kind, self);
    if (!pattern) return ids.map(() => []);
    const rows = await ctx.db.read<{
      selfId: string;
      direction: 'OUT' | 'IN';
      r: Record<string, unknown>;
      otherKind: EntityKind;
      e: Record<string, unknown>;
    }>(
      `UNWIND $ids AS selfId
       MATCH (n:${self} {id: selfId})
       CALL (n) {
         MATCH ${pattern}
         WHERE NOT r.deleted AND NOT o.deleted AND ($asOf IS NULL OR (${heldIn('r')}))
         RETURN r, o, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction
         ORDER BY ${orderFor(kind)} LIMIT $limit
       }
       WITH selfId, r, direction, o AS n
       RETURN selfId, direction, ${tieProjection} AS r,
              [l IN labels(n) WHERE l IN $kinds][0] AS otherKind, ${entityProjection} AS e`,
      { ids, asOf: asOfYear, limit, kinds: entityKinds },
    );
    return groupInOrder(ids, rows, (row) => row.selfId).map((group) =>
      group.map((row) => ({
        kind,
        id: row.r.id as string,
        direction: row.direction,
        selfKind: self,
        selfId: row.selfId,
        other: toEntity(row.otherKind, row.e),
        props: row.r,
      })),
    );
  }).load(selfId);
}
