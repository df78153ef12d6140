/**
 * Streams the rows of a roster file (CSV in UTF-8 with or without BOM, GB18030/GBK or UTF-16, or the
 * first sheet of an .xlsx workbook) without reading the file into memory. The first non-empty row is
 * the header. Rows that cannot be read faithfully carry `problems` (merged cells, wrong encoding).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as unzipper from 'unzipper';
import type { Cell, RawRow } from './parse-row.ts';

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le';

export interface RosterFile {
  format: FileFormat;
  /** The encoding a CSV was read in (detected unless given). */
  encoding: TextEncoding | null;
  headers: string[];
  /** The header's line number (rows before it were blank). */
  headerLine: number;
  rows: AsyncGenerator<RawRow>;
}

async function head(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The encoding of a CSV from its first 64 KB: a BOM decides; otherwise valid UTF-8 means UTF-8 and
 * anything else is taken as GB18030 (a superset of GBK and GB2312, what Chinese Excel writes).
 */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return 'utf8';
    } catch {
      // try a shorter sample
    }
  }
  return 'gb18030';
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && !c.trim()));
}

async function* csvRows(path: string, encoding: TextEncoding): AsyncGenerator<RawRow> {
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, relax_quotes: true, info: true, bom: true }));
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield { line: info.lines, cells: record };
  }
}

/** Rows of the first sheet covered by a merged range, with the range, from the sheet's XML. */
export async function mergedRows(path: string): Promise<Map<number, string>> {
  const zip = await unzipper.Open.file(path);
  const sheets = zip.files
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))
    .sort((a, b) => Number(/\d+/.exec(a.path)?.[0]) - Number(/\d+/.exec(b.path)?.[0]));
  const merged = new Map<number, string>();
  const sheet = sheets[0];
  if (!sheet) return merged;
  let tail = '';
  for await (const chunk of sheet.stream() as AsyncIterable<Buffer>) {
    const textChunk = tail + chunk.toString('utf8');
    for (const m of textChunk.matchAll(/<mergeCell ref="[A-Z]+(\d+):[A-Z]+(\d+)"/g)) {
      const ref = m[0].slice(m[0].indexOf('"') + 1);
      for (let r = Number(m[1]); r <= Number(m[2]); r++) merged.set(r, ref);
    }
    tail = textChunk.slice(-200);
  }
  return merged;
}

function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as Cell;
  if ('formula' in value || 'sharedFormula' in value) {
    const v = value as { formula?: string; sharedFormula?: string };
    return { formula: v.formula ?? v.sharedFormula ?? '' };
  }
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  return String(value);
}

async function* xlsxRows(path: string): AsyncGenerator<RawRow> {
  const merged = await mergedRows(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => xlsxCell(v as ExcelJS.CellValue));
      const range = merged.get(row.number);
      yield {
        line: row.number,
        cells,
        problems: range
          ? [
              `merged cells ${range} — unmerge and fill every row / 含合并单元格，请取消合并并逐行填写`,
            ]
          : [],
      };
    }
    return; // the first sheet only
  }
}

/** Opens a roster: detects the format and encoding, reads the header, returns the row stream. */
export async function openRoster(
  path: string,
  options: { encoding?: TextEncoding } = {},
): Promise<RosterFile> {
  const sample = await head(path, 65_536);
  const format: FileFormat =
    sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 ? 'xlsx' : 'csv';
  const encoding = format === 'csv' ? (options.encoding ?? detectEncoding(sample)) : null;
  const source = format === 'xlsx' ? xlsxRows(path) : csvRows(path, encoding as TextEncoding);
  let first = await source.next();
  while (!first.done && isBlank(first.value.cells)) first = await source.next();
  if (first.done) {
    return { format, encoding, headers: [], headerLine: 0, rows: source };
  }
  const headers = first.value.cells.map((c) => (c === null || c === undefined ? '' : String(c)));
  async function* body(): AsyncGenerator<RawRow> {
    for await (const row of source) if (!isBlank(row.cells)) yield row;
  }
  return { format, encoding, headers, headerLine: first.value.line, rows: body() };
}
