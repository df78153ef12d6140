/**
 * Collects generated rows per label / tie type and hands them out as full batches.
 *
 * The loader MATCHes both ends of a tie, so a tie must never reach it before its nodes. Generators add
 * a node before any tie that uses it; full tie batches then wait until the next `barrier()`, which
 * first releases every pending node batch. Calling the barrier once per chunk of people keeps node
 * batches full (a partial node batch is only released at a barrier) and memory bounded by a chunk.
 */
import type { NodeLabel, SeedBatch, TieType } from './model.ts';
import type { Row, TieRow } from './rows.ts';

type TieBatch = Extract<SeedBatch, { kind: 'tie' }>;
type NodeBatch = Extract<SeedBatch, { kind: 'node' }>;

/** Per-label row buffers that release full batches in a load-safe order. */
export class BatchBuffer {
  private readonly nodes = new Map<NodeLabel, Row[]>();
  private readonly ties = new Map<string, TieBatch>();
  private readonly ready: SeedBatch[] = [];
  private readonly waiting: TieBatch[] = [];

  constructor(readonly batchSize: number) {}

  node(label: NodeLabel, row: Row): void {
    let rows = this.nodes.get(label);
    if (!rows) {
      rows = [];
      this.nodes.set(label, rows);
    }
    rows.push(row);
    if (rows.length >= this.batchSize) {
      this.ready.push({ kind: 'node', label, rows });
      this.nodes.delete(label);
    }
  }

  tie(type: TieType, from: NodeLabel, to: NodeLabel, row: TieRow): void {
    const key = `${type}|${from}|${to}`;
    let batch = this.ties.get(key);
    if (!batch) {
      batch = { kind: 'tie', type, from, to, rows: [] };
      this.ties.set(key, batch);
    }
    batch.rows.push(row);
    if (batch.rows.length >= this.batchSize) {
      this.waiting.push(batch);
      this.ties.delete(key);
    }
  }

  /** Releases all pending nodes (even partial batches), then the full tie batches waiting for them. */
  barrier(): void {
    this.flushNodes();
    this.ready.push(...this.waiting.splice(0));
  }

  /** The released batches, in a safe order; with `all`, everything pending (end of the run). */
  *take(all = false): Generator<SeedBatch> {
    if (all) {
      this.barrier();
      for (const batch of this.ties.values()) this.ready.push(batch);
      this.ties.clear();
    }
    yield* this.ready.splice(0);
  }

  private flushNodes(): void {
    for (const [label, rows] of this.nodes) {
      const batch: NodeBatch = { kind: 'node', label, rows };
      this.ready.push(batch);
    }
    this.nodes.clear();
  }
}
