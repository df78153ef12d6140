/**
 * The check pass's look-up of rows imported before: parsed rows are collected into batches and each
 * batch's stored state is read by row key in one query, while the next batch is parsed (one look-up in
 * flight). Rows are handed on in the order they were added, each with its stored state, so a re-import
 * can drop the unchanged ones before resolving their names or writing anything.
 */
import type { Db } from '../../server/db/run.ts';
import type { ParsedRow } from './parse-row.ts';
import { type StoredRow, storedRows } from './write-batch.ts';

type OnRow = (row: ParsedRow, stored: StoredRow | undefined) => Promise<void>;

export class RowLookup {
  private batch: ParsedRow[] = [];
  private inFlight: { rows: ParsedRow[]; stored: Promise<Map<string, StoredRow>> } | null = null;

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
    const stored = this.db.readTx((tx) =>
      storedRows(
        tx,
        rows.map((r) => r.key),
      ),
    );
    // A failure is rethrown when this batch is settled; this only keeps it from being unhandled.
    stored.catch(() => {});
    await this.settle();
    this.inFlight = { rows, stored };
  }

  private async settle(): Promise<void> {
    const done = this.inFlight;
    if (!done) return;
    this.inFlight = null;
    const stored = await done.stored;
    for (const row of done.rows) await this.onRow(row, stored.get(row.key));
  }
}
