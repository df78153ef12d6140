import { importFields } from '../../../schema/import/columns.ts';

/**
 * The column mapping typed on the import screen: one "column = field" per line (a field left empty
 * ignores the column). Pure; the server checks the field names against its allow-list.
 */
/** The fields a column can map to: the server's own allow-list (pure code, shared). */
export const importFieldNames = importFields;

export function parseMapping(
  text: string,
): { rows: { column: string; field: string }[] } | { badLine: number } {
  const rows: { column: string; field: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.search(/[=＝]/);
    if (at <= 0) return { badLine: i + 1 };
    rows.push({ column: line.slice(0, at).trim(), field: line.slice(at + 1).trim() });
  }
  return { rows };
}
