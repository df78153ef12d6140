import type { InputObjectRef, ObjectRef } from '@pothos/core';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import { builder } from '../builder.ts';
import type { CypherPart } from '../person/person-filter.ts';
import { toLuceneQuery } from '../search/lucene-query.ts';
import { type CursorKey, readPageArgs, toConnection } from '../shared/connection.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { type EntityOf, entityProjection, toEntity } from './entity.model.ts';

type Types = typeof builder.$inferSchemaTypes;

/** A sort order: the key expression over `n`, and the cursor key of a row. `id` breaks ties. */
export interface ListOrder<E> {
  key: string;
  keyOf: (entity: E) => CursorKey;
}

export const byName: ListOrder<{ name: string; id: string }> = {
  key: 'n.name',
  keyOf: (e) => [e.name, e.id],
};
export const byCreation: ListOrder<{ id: string }> = { key: 'n.id', keyOf: (e) => [e.id, e.id] };

/** Binds `n` to live entities of `kind`, from the full-text index when `text` is given. */
function matchEntities(kind: EntityKind, text: string | null | undefined): CypherPart {
  if (!text) return { cypher: `MATCH (n:${kind})\nWHERE NOT n.deleted`, params: {} };
  const lucene = toLuceneQuery(text);
  if (!lucene) return { cypher: `MATCH (n:${kind})\nWHERE false`, params: {} };
  return {
    cypher: `CALL db.index.fulltext.queryNodes('entity_names', $text, {limit: 10000}) YIELD node AS n
WITH n WHERE n:${kind} AND NOT n.deleted`,
    params: { text: lucene },
  };
}

/** One page after the keyset `after`, in `order`: the query for rows (limit + 1 tells "more"). */
export function pageQuery(
  part: CypherPart,
  orderKey: string,
  after: CursorKey | null,
  limit: number,
): CypherPart {
  // `key >= $afterKey` first, so the planner can seek the key's index instead of testing every row.
  const keyset = after
    ? `\nWITH n WHERE ${orderKey} >= $afterKey AND (${orderKey} > $afterKey OR n.id > $afterId)`
    : '';
  return {
    cypher: `${part.cypher}${keyset}
WITH n ORDER BY ${orderKey}, n.id LIMIT $limit
RETURN ${entityProjection} AS e`,
    params: { ...part.params, afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null, limit },
  };
}

/** True when the query asks for `totalCount` on this connection (counting costs a full pass). */
export function asksForTotal(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some(
      (s) => s.kind !== Kind.FIELD || s.name.value === 'totalCount',
    ),
  );
}

/**
 * Runs a filtered, ordered, keyset-paged list, and its total when asked for (`info`): two queries,
 * side by side. An unasked total is never computed (it would be a full pass over the filter).
 */
export async function listPage<K extends EntityKind>(
  ctx: Types['Context'],
  kind: K,
  part: CypherPart,
  order: ListOrder<EntityOf<K>>,
  args: {
    first?: number | null;
    after?: string | null;
    last?: number | null;
    before?: string | null;
  },
  info?: GraphQLResolveInfo,
  /** Where the total comes from when not from a count of its own (a shared summary). */
  countFrom?: () => Promise<number>,
) {
  const { size, after } = readPageArgs(args);
  const page = pageQuery(part, order.key, after, size + 1);
  const [rows, total] = await Promise.all([
    ctx.db.read<{ e: Record<string, unknown> }>(page.cypher, page.params),
    info && !asksForTotal(info)
      ? Promise.resolve([{ c: -1 }])
      : countFrom
        ? countFrom().then((c) => [{ c }])
        : ctx.db.read<{ c: number }>(`${part.cypher}\nRETURN count(n) AS c`, part.params),
  ]);
  const entities = rows.map((r) => toEntity(kind, r.e));
  return toConnection(entities, size, total[0]?.c ?? 0, order.keyOf);
}

/**
 * Registers a list query (`organizations`, `places` …) over one kind: a filter input turned into
 * WHERE conditions by `conditions`, ordered by name, keyset-paged with totals.
 */
export function defineEntityList<
  K extends EntityKind,
  F extends { text?: string | null },
>(options: {
  kind: K;
  field: string;
  ref: ObjectRef<Types, EntityOf<K>>;
  filter: InputObjectRef<Types, F>;
  description: string;
  conditions: (filter: F) => CypherPart;
}): void {
  builder.queryField(options.field, (t) =>
    t.connection({
      authScopes: { signedIn: true },
      type: options.ref,
      description: options.description,
      args: { filter: t.arg({ type: options.filter, required: false }) },
      resolve: (_root, args, ctx, info) => {
        const filter = ((args as { filter?: F | null }).filter ?? {}) as F;
        const base = matchEntities(options.kind, filter.text);
        const extra = options.conditions(filter);
        const part = {
          cypher: extra.cypher ? `${base.cypher}\n  AND ${extra.cypher}` : base.cypher,
          params: { ...base.params, ...extra.params },
        };
        return listPage(
          ctx,
          options.kind,
          part,
          byName as ListOrder<EntityOf<K>>,
          args,
          info,
        ) as never;
      },
    }),
  );
}
