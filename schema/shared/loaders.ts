import DataLoader from 'dataloader';
import type { Context } from '../../server/context.ts';

/**
 * The request's DataLoader for `key`, made on first use: every resolver that asks for the same kind of
 * thing in one request shares one batch, so a page of 100 people costs one query per relation, not 100.
 * `batch` must return one value per key, in the order of the keys.
 */
export function loaderFor<V>(
  ctx: Context,
  key: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let loader = ctx.loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
    ctx.loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups rows by `keyOf` into one list per key, in the order of `keys` (empty list when none). */
export function groupInOrder<R>(
  keys: readonly string[],
  rows: R[],
  keyOf: (row: R) => string,
): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}
