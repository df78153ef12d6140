/**
 * Reads one field of a row by its mapping (schema/dataset/mapping.ts): a column, or a transform of
 * columns. Pure. A value that cannot be read is an error naming the column and the value.
 */
import type { Cell } from '../import/parse-row.ts';
import { readYear } from '../import/parse-row.ts';
import type { IssueCode, Params } from '../shared/words/words.ts';
import type { FieldSpec } from './mapping.ts';

export type Value = string | number | boolean | null;

/** Header -> column index (first occurrence); numbers are 1-based column numbers. */
export type Columns = ReadonlyMap<string, number>;

export function columnsOf(headers: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.trim();
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}

/** The index of a column reference, or an error message. */
export function columnIndex(columns: Columns, ref: string | number): number | string {
  if (typeof ref === 'number') return ref - 1;
  const index = columns.get(ref);
  return index === undefined ? `no column "${ref}"` : index;
}

function text(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  if (typeof cell === 'object') return null;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

/** A year from an epoch-ms number, an ISO date, or what readYear knows (2019, 2019年3月, 2019.03). */
export function yearOf(value: string, format: 'year' | 'epoch-ms' | 'iso'): number | null {
  if (format === 'epoch-ms') {
    const ms = Number(value);
    return Number.isFinite(ms) && /^-?\d+$/.test(value) ? new Date(ms).getUTCFullYear() : null;
  }
  if (format === 'iso') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : new Date(t).getUTCFullYear();
  }
  return readYear(value) ?? null;
}

/** Why a field cannot be read: in English, and as a code with its values. */
export interface FieldError {
  error: string;
  code: IssueCode;
  params: Params;
}

const noColumn = (ref: string | number, message: string): FieldError => ({
  error: message,
  code: 'no_column',
  params: { column: String(ref) },
});

/** Reads `spec` from `cells`: the value, or `{ error }`. */
export function readField(
  spec: FieldSpec,
  cells: readonly Cell[],
  columns: Columns,
): { value: Value } | FieldError {
  if (typeof spec === 'string' || typeof spec === 'number') {
    const index = columnIndex(columns, spec);
    if (typeof index === 'string') return noColumn(spec, index);
    return { value: text(cells[index]) };
  }
  let value: Value = null;
  if (spec.value !== undefined) value = spec.value;
  else if (spec.concat) {
    const parts: string[] = [];
    for (const ref of spec.concat) {
      const index = columnIndex(columns, ref);
      if (typeof index === 'string') return noColumn(ref, index);
      const t = text(cells[index]);
      if (t) parts.push(t);
    }
    value = parts.length ? parts.join(spec.separator ?? ' ') : null;
  } else if (spec.column !== undefined) {
    const index = columnIndex(columns, spec.column);
    if (typeof index === 'string') return noColumn(spec.column, index);
    value = text(cells[index]);
  }
  const name = String(spec.column ?? spec.concat?.join('+') ?? 'value');
  if (typeof value === 'string' && spec.split !== undefined) {
    value = value.split(spec.split)[spec.index ?? 0]?.trim() || null;
  }
  if (typeof value === 'string' && spec.replace) {
    value = value.replaceAll(spec.replace[0], spec.replace[1]);
  }
  if (typeof value === 'string' && spec.lookup) {
    if (!(value in spec.lookup) && !(value.toLowerCase() in spec.lookup)) {
      return {
        error: `${name}: "${value.slice(0, 40)}" is not one of ${Object.keys(spec.lookup).join(', ')}`,
        code: 'not_in_lookup',
        params: { value: value.slice(0, 40) },
      };
    }
    value = spec.lookup[value] ?? spec.lookup[value.toLowerCase()] ?? null;
  }
  if (typeof value === 'string' && spec.date) {
    const year = yearOf(value, spec.date);
    if (year === null) {
      return {
        error: `${name}: "${value.slice(0, 40)}" is not a date (${spec.date})`,
        code: 'not_a_date',
        params: { value: value.slice(0, 40) },
      };
    }
    value = year;
  }
  if (typeof value === 'string' && spec.prefix) value = `${spec.prefix}${value}`;
  if ((value === null || value === '') && spec.default !== undefined) value = spec.default;
  return { value };
}
