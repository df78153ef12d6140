/**
 * The check pass's look-up of rows imported before: parsed rows are collected into batches and each
 * batch's stored state is read by row key in one query, while the next batch is parsed (one look-up in
 * flight). Rows are handed on in the order they were added, each with its state, so a re-import can
 * drop the unchanged ones before resolving their names or writing anything.
 */
import type { Db, Tx } from '../../server/db/run.ts';
import type { ParsedRow } from './parse-row.ts';

export interface RowState {
  /** Imported before with the same values, and describing a person (write-batch.ts `isUnchanged`). */
  unchanged: boolean;
  /** Its row source describes a person who is not deleted (a changed row updates them). */
  live: boolean;
}

/**
 * The states of a batch of rows, as one record of two index lists (a record per row would cost the
 * driver more than the look-up itself). The rule is `isUnchanged` of write-batch.ts.
 */
async function rowStates(tx: Tx, rows: readonly ParsedRow[]): Promise<RowState[]> {
  const [found] = await tx.run<{ unchanged: number[]; live: number[] }>(
    `UNWIND range(0, size($keys) - 1) AS i
     MATCH (s:Source {rowKey: $keys[i]})
     WITH i, s.hash = $hashes[i] AS same, [(s)-[:DESCRIBES]->(p:Person) | p.deleted] AS people
     RETURN collect(CASE WHEN same AND people <> [] THEN i END) AS unchanged,
            collect(CASE WHEN false IN people THEN i END) AS live`,
    { keys: rows.map((r) => r.key), hashes: rows.map((r) => r.hash) },
  );
  const states = rows.map(() => ({ unchanged: false, live: false }));
  for (const i of found?.unchanged ?? []) (states[i] as RowState).unchanged = true;
  for (const i of found?.live ?? []) (states[i] as RowState).live = true;
  return states;
}

type OnRow = (row: ParsedRow, state: RowState) => Promise<void>;

export class RowLookup {
  private batch: ParsedRow[] = [];
  private inFlight: { rows: ParsedRow[]; states: Promise<RowState[]> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly batchSize: number,
    private readonly onRow: OnRow,
  ) {}

  async add(row: ParsedRow): Promise<void> {
    this.batch.push(row);
    if (this.batch.length >= this.batchSize) await this.send();
  }

  /** Looks up what is left and hands on every row; call once, after the last `add`. */
  async finish(): Promise<void> {
    if (this.batch.length) await this.send();
    await this.settle();
  }

  /** Starts the look-up of the current batch, then hands on the previous one while it runs. */
  private async send(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    const states = this.db.readTx((tx) => rowStates(tx, rows));
    // A failure is rethrown when this batch is settled; this only keeps it from being unhandled.
    states.catch(() => {});
    await this.settle();
    this.inFlight = { rows, states };
  }

  private async settle(): Promise<void> {
    const done = this.inFlight;
    if (!done) return;
    this.inFlight = null;
    const states = await done.states;
    for (const [i, row] of done.rows.entries()) await this.onRow(row, states[i] as RowState);
  }
}
