import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A throwaway folder for one test file's generated rosters. */
export function rosterDir(): string {
  return mkdtempSync(join(tmpdir(), 'talentgraph-roster-'));
}

function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map((r) =>
      r
        .map((v) => {
          const s = String(v);
          return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(','),
    )
    .join('\r\n');
}

/** Writes rows as CSV in `encoding` (UTF-8 optionally with BOM, or GB18030); returns the path. */
export function writeCsv(
  dir: string,
  name: string,
  rows: readonly (readonly (string | number)[])[],
  options: { encoding?: 'utf8' | 'gb18030'; bom?: boolean } = {},
): string {
  const path = join(dir, name);
  const text = csvText(rows);
  const body =
    options.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  writeFileSync(path, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return path;
}

/** Writes raw bytes (for files that mix encodings). */
export function writeBytes(dir: string, name: string, parts: readonly Buffer[]): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Writes rows to the first sheet of an .xlsx; `edit` may merge cells or add formulas. */
export async function writeXlsx(
  dir: string,
  name: string,
  rows: readonly (readonly (string | number)[])[],
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<string> {
  const path = join(dir, name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow([...row]);
  edit?.(sheet);
  await workbook.xlsx.writeFile(path);
  return path;
}
