// The browser build (it carries its own Buffer): the web app writes CSV with this module too.
import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * The one CSV writer of the product (graph exports, list and pipeline exports, the audit log, import
 * rejections, the explorer's node list). Pure, so the web app uses it too.
 * - UTF-8 with a BOM, so Excel reads Chinese; CRLF line ends; quoted where needed.
 * - Text a spreadsheet would run as a formula (starting with = + - @, a tab or CR, or their full-width
 *   forms) gets a leading apostrophe, as do such texts that already start with apostrophes, so
 *   `fromCsvCell` restores every value exactly.
 */
export type CsvCell = string | number | boolean | null | undefined;

const formulaStart = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const text = stringify([header, ...rows] as CsvCell[][], {
    record_delimiter: '\r\n',
    cast: {
      string: (value) => (formulaStart.test(value) ? `'${value}` : value),
      boolean: (value) => String(value),
    },
  });
  return `\uFEFF${text}`;
}

/** A cell of a CSV written by `toCsv`, as it was before writing (undoes the formula apostrophe). */
export function fromCsvCell(value: string): string {
  return /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? value.slice(1) : value;
}
