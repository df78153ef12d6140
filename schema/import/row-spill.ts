/**
 * The valid rows of an import's check pass, kept in a temporary file (one JSON per line) so the write
 * pass reads them back instead of reading and checking the roster a second time. Streams both ways:
 * a million rows never sit in memory.
 */
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ParsedRow } from './parse-row.ts';

export class RowSpill<Row = ParsedRow> {
  private readonly dir = mkdtempSync(join(tmpdir(), 'talentgraph-import-'));
  private readonly path = join(this.dir, 'rows.jsonl');
  private readonly out: WriteStream = createWriteStream(this.path);
  private pending: string[] = [];
  count = 0;

  async write(row: Row): Promise<void> {
    this.pending.push(JSON.stringify(row));
    this.count++;
    if (this.pending.length >= 1000) await this.drain();
  }

  private async drain(): Promise<void> {
    if (!this.pending.length) return;
    const chunk = `${this.pending.join('\n')}\n`;
    this.pending = [];
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Flushes and closes the file (call before `rows`). */
  async close(): Promise<void> {
    await this.drain();
    if (this.out.writableFinished) return;
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
  }

  /** The rows in the order written. */
  async *rows(): AsyncGenerator<Row> {
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as Row;
  }

  /** Deletes the file; safe to call twice. */
  remove(): void {
    this.out.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
