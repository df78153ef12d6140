import { toCsv } from '../shared/csv.ts';
import { fieldWord, issueText, type Lang } from '../shared/words/words.ts';
import type { Rejection } from './parse-row.ts';

const header = {
  zh: ['行', '列', '姓名', '原因'],
  en: ['line', 'column', 'name', 'reason'],
};

/**
 * The rejected rows as CSV (schema/shared/csv.ts): line, column, name, reason, in `lang` (the
 * requester's; the CLI writes English). Each reason is said from its code; a row kept before codes
 * keeps its reason as written.
 */
export function rejectionsCsv(rejections: readonly Rejection[], lang: Lang = 'en'): string {
  return toCsv(
    header[lang],
    rejections.map((r) => [
      r.line,
      r.column && fieldWord(lang, r.column),
      r.name,
      r.code === 'invalid' ? r.reason : issueText(lang, r),
    ]),
  );
}
