/**
 * Writes generated batches into Neo4j: one write transaction per batch (UNWIND over its rows), nodes
 * by CREATE, ties by MATCHing both ends by id. Expects uniqueness constraints on `:Label(id)` (the
 * migrations create them); without an index every tie batch would scan all nodes.
 */
import type { Driver } from 'neo4j-driver';
import { createNodesCypher, createTiesCypher } from './cypher.ts';
import type { SeedBatch } from './model.ts';

export interface LoadProgress {
  /** Node label or tie type of the batch just written. */
  label: string;
  /** Rows of that label or type written so far. */
  done: number;
  /** Rows per second for that label or type, over the time spent writing it. */
  rate: number;
}

export interface LoadResult {
  nodes: number;
  ties: number;
  ms: number;
}

/**
 * Loads `batches` in order and returns how many nodes and ties were created. Throws if a batch
 * creates fewer nodes or ties than it has rows (a tie with a missing end node), naming the type.
 *
 * With `concurrency` > 1, that many batches are written at once (the generator keeps producing while
 * the database writes); a tie batch still waits until every node batch before it has committed.
 */
export async function loadGraph(
  driver: Driver,
  batches: Iterable<SeedBatch>,
  opts: { database?: string; concurrency?: number; onProgress?: (p: LoadProgress) => void } = {},
): Promise<LoadResult> {
  const started = performance.now();
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const perLabel = new Map<string, { done: number; ms: number }>();
  const cypherCache = new Map<string, string>();
  const totals = { nodes: 0, ties: 0 };
  const inFlight = new Set<Promise<void>>();
  const nodeWrites = new Set<Promise<void>>();
  let failure: unknown;

  const write = async (batch: SeedBatch): Promise<void> => {
    const key = batch.kind === 'node' ? batch.label : `${batch.type}|${batch.from}|${batch.to}`;
    let query = cypherCache.get(key);
    if (query === undefined) {
      query =
        batch.kind === 'node'
          ? createNodesCypher(batch.label)
          : createTiesCypher(batch.type, batch.from, batch.to);
      cypherCache.set(key, query);
    }
    const t0 = performance.now();
    const { summary } = await driver.executeQuery(
      query,
      { rows: batch.rows },
      { database: opts.database, routing: 'WRITE' },
    );
    const ms = performance.now() - t0;
    const counters = summary.counters.updates();
    const label = batch.kind === 'node' ? batch.label : batch.type;
    const created = batch.kind === 'node' ? counters.nodesCreated : counters.relationshipsCreated;
    if (created !== batch.rows.length) {
      const what =
        batch.kind === 'node'
          ? `${label}: created ${created} of ${batch.rows.length} nodes`
          : `${label} (${batch.from} -> ${batch.to}): created ${created} of ${batch.rows.length} ties; some end nodes are missing`;
      throw new Error(what);
    }
    if (batch.kind === 'node') totals.nodes += created;
    else totals.ties += created;
    const stats = perLabel.get(label) ?? { done: 0, ms: 0 };
    stats.done += created;
    stats.ms += ms;
    perLabel.set(label, stats);
    opts.onProgress?.({
      label,
      done: stats.done,
      rate: stats.ms > 0 ? (stats.done * 1000) / stats.ms : 0,
    });
  };

  for (const batch of batches) {
    if (failure !== undefined) break;
    if (batch.rows.length === 0) continue;
    // The ties MATCH their end nodes, which must have committed.
    if (batch.kind === 'tie' && nodeWrites.size > 0) await Promise.all(nodeWrites);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const pending: Promise<void> = write(batch)
      .catch((e: unknown) => {
        failure ??= e;
      })
      .finally(() => {
        inFlight.delete(pending);
        nodeWrites.delete(pending);
      });
    inFlight.add(pending);
    if (batch.kind === 'node') nodeWrites.add(pending);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return { ...totals, ms: Math.round(performance.now() - started) };
}
