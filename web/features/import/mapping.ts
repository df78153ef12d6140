import { importFields } from '../../../schema/import/columns.ts';
import { fieldWords } from '../../../schema/shared/words/field-words.ts';

/**
 * The column mapping typed on the import screen: one "column = field" per line (a field left empty
 * ignores the column). A field is named in words, Chinese or English (工作单位, Employer), or by its
 * code (employer). Pure; the server checks the field names against its allow-list.
 */
/** The fields a column can map to: the server's own allow-list (pure code, shared). */
export const importFieldNames = importFields;

const byWord = new Map<string, string>();
for (const field of importFields) {
  const words = (fieldWords as Record<string, readonly [string, string]>)[field] ?? [];
  for (const word of [field, ...words]) byWord.set(word.trim().toLowerCase(), field);
}

/** The import field a word names (its code, or its Chinese or English name), or the word as typed. */
function importFieldOf(word: string): string {
  return byWord.get(word.trim().toLowerCase()) ?? word.trim();
}

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
    const field = line.slice(at + 1).trim();
    rows.push({ column: line.slice(0, at).trim(), field: field && importFieldOf(field) });
  }
  return { rows };
}
