/**
 * Streams the rows of a roster file (CSV in UTF-8 with or without BOM, GB18030/GBK or UTF-16, or the
 * first sheet of an .xlsx workbook) without reading the file into memory. The first non-empty row is
 * the header. Rows that cannot be read faithfully carry `problems` (merged cells, wrong encoding).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell, RawRow } from './parse-row.ts';

type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

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
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
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

/** Delimiters we guess between; any other one-character delimiter can be given. */
const likelyDelimiters = [',', '\t', '|', ';'];

/**
 * The delimiter of a delimited text file from its first line: the likely delimiter found most often
 * outside quotes (a comma when none is).
 */
function detectDelimiter(firstLine: string): string {
  const counts = new Map(likelyDelimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

async function* csvRows(
  path: string,
  encoding: TextEncoding,
  delimiter: string,
): AsyncGenerator<RawRow> {
  // The readers of each format are loaded when a file of that format comes (not at the server's start).
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, bom: true }));
  // The line a record starts on, counted here: csv-parse's `info` option builds an object per record
  // (a tenth of a re-import's time), gives the line a record ends on, and counts a quoted CRLF twice.
  let next = 1;
  for await (const record of parser as AsyncIterable<string[]>) {
    yield { line: next, cells: record };
    next += 1 + lineBreaksIn(record);
  }
}

/** Line breaks inside a record's cells (quoted): LF, CRLF and a lone CR each count once. */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
    for (let i = cell.indexOf('\r'); i >= 0; i = cell.indexOf('\r', i + 1)) {
      if (cell.charCodeAt(i + 1) !== 10) breaks++;
    }
  }
  return breaks;
}

/** Rows of a sheet (1-based, default the first) covered by a merged range, from the sheet's XML. */
async function mergedRows(path: string, sheetNumber = 1): Promise<Map<number, string>> {
  const { Open } = await import('unzipper');
  const zip = await Open.file(path);
  const sheets = zip.files
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))
    .sort((a, b) => Number(/\d+/.exec(a.path)?.[0]) - Number(/\d+/.exec(b.path)?.[0]));
  const merged = new Map<number, string>();
  const sheet = sheets[sheetNumber - 1];
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

/**
 * The rows of one sheet (by name, or 1-based number; the first by default). Every sheet is read to
 * its end, the others skipped: leaving the workbook reader part-way (as the first version did after
 * the first sheet) left its zip stream to fail after we had stopped listening, which crashed a dry
 * run now and then.
 */
async function* xlsxRows(path: string, wanted: string | number = 1): AsyncGenerator<RawRow> {
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let number = 0;
  let merged: Map<number, string> | null = null;
  for await (const sheet of reader) {
    number++;
    const name = (sheet as unknown as { name?: string }).name;
    const chosen = typeof wanted === 'number' ? number === wanted : name === wanted;
    if (chosen) merged = await mergedRows(path, number);
    for await (const row of sheet) {
      if (!chosen || !merged) continue;
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => xlsxCell(v as ExcelJS.CellValue));
      const range = merged.get(row.number);
      yield {
        line: row.number,
        cells,
        problems: range
          ? [
              {
                code: 'merged_cells',
                params: { range },
                reason: `merged cells ${range} — unmerge and fill every row / 含合并单元格，请取消合并并逐行填写`,
              },
            ]
          : [],
      };
    }
  }
}

/** Opens a roster: detects the format and encoding, reads the header, returns the row stream. */
export async function openRoster(
  path: string,
  options: {
    encoding?: TextEncoding;
    /** One character; detected from the first line when not given. */
    delimiter?: string;
    /** An .xlsx sheet by name or 1-based number (the first by default). */
    sheet?: string | number;
  } = {},
): Promise<RosterFile> {
  const sample = await head(path, 65_536);
  const format: FileFormat =
    sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 ? 'xlsx' : 'csv';
  const encoding = format === 'csv' ? (options.encoding ?? detectEncoding(sample)) : null;
  const delimiter =
    options.delimiter ??
    detectDelimiter(
      iconv
        .decode(sample, encoding === 'utf16be' ? 'utf16-be' : (encoding ?? 'utf8'))
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '',
    );
  const source =
    format === 'xlsx'
      ? xlsxRows(path, options.sheet)
      : csvRows(
          path,
          encoding === 'utf16be' ? ('utf16-be' as TextEncoding) : (encoding as TextEncoding),
          delimiter,
        );
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
