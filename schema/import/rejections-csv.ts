import { toCsv } from '../shared/csv.ts';
import type { Rejection } from './parse-row.ts';

/** The rejected rows as CSV (schema/shared/csv.ts): line, column, name, reason. */
export function rejectionsCsv(rejections: readonly Rejection[]): string {
  return toCsv(
    ['line', 'column', 'name', 'reason'],
    rejections.map((r) => [r.line, r.column, r.name, r.reason]),
  );
}
