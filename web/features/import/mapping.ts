/**
 * The column mapping typed on the import screen: one "column = field" per line (a field left empty
 * ignores the column). Pure; the server checks the field names against its allow-list.
 */
export const importFieldNames = [
  'externalId',
  'name',
  'latinName',
  'gender',
  'birthYear',
  'hometown',
  'currentCity',
  'employer',
  'title',
  'almaMater',
  'degree',
  'major',
  'studyFrom',
  'studyTo',
  'fields',
  'categories',
  'tags',
  'phone',
  'email',
  'wechat',
  'idNumber',
] as const;

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
