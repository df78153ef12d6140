import type { Rejection } from './parse-row.ts';

function quote(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  // A leading = + - @ would run as a formula when the file is opened in Excel.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rejected rows as CSV (UTF-8 with BOM, so Excel reads the Chinese): line, column, name, reason. */
export function rejectionsCsv(rejections: readonly Rejection[]): string {
  const lines = ['line,column,name,reason'];
  for (const r of rejections) lines.push([r.line, r.column, r.name, r.reason].map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
