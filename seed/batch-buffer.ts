/**
 * Collects generated rows per label / tie type and hands them out as full batches.
 *
 * The loader MATCHes both ends of a tie, so a tie must never reach it before its nodes. Generators add
 * a node before any tie that uses it, and this buffer flushes every pending node batch before it
 * releases any tie batch; together that keeps the order right while still producing full batches.
 */
import type { NodeLabel, SeedBatch, TieType } from './model.ts';
import type { Row, TieRow } from './rows.ts';

type TieBatch = Extract<SeedBatch, { kind: 'tie' }>;
type NodeBatch = Extract<SeedBatch, { kind: 'node' }>;

export class BatchBuffer {
  private readonly nodes = new Map<NodeLabel, Row[]>();
  private readonly ties = new Map<string, TieBatch>();
  private readonly ready: SeedBatch[] = [];

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
      this.flushNodes();
      this.ready.push(batch);
      this.ties.delete(key);
    }
  }

  /** Batches that are complete (all of them with `all`), in a safe order; empties the queue. */
  *take(all = false): Generator<SeedBatch> {
    if (all) {
      this.flushNodes();
      for (const batch of this.ties.values()) this.ready.push(batch);
      this.ties.clear();
    }
    const out = this.ready.splice(0);
    yield* out;
  }

  private flushNodes(): void {
    for (const [label, rows] of this.nodes) {
      const batch: NodeBatch = { kind: 'node', label, rows };
      this.ready.push(batch);
    }
    this.nodes.clear();
  }
}
