import { enumKinds } from '../../../schema/shared/words/enum-words.ts';
import { displayName, enumText, fieldText, t } from '../../app/i18n.ts';
import type { Condition } from './queries.ts';

/**
 * One condition of a segment in words, "field: values", with names instead of ids: 领域：合成生物学、
 * 功能蛋白 · 类别：院士 · 认识的人：张伟（2 步以内）.
 */
export function conditionText(c: Condition): string {
  const kind = c.enum ? enumKinds[c.enum] : undefined;
  const words =
    c.field === 'near'
      ? [
          t('segments.nearWithin', {
            names: c.entities.map(displayName).join(t('segments.and')),
            hops: c.values[0] ?? '',
          }),
        ]
      : c.field === 'text'
        ? c.values.map((v) => t('segments.quoted', { text: v }))
        : c.field === 'employerEver'
          ? [t('segments.yes')]
          : [
              ...c.entities.map(displayName),
              ...c.values.map((v) => (kind ? enumText(kind, v) : v)),
            ];
  if (c.missing > 0) words.push(t('segments.missing', { n: c.missing }));
  return `${fieldText(c.field)}${t('problem.colon')}${words.join(t('segments.or'))}`;
}
