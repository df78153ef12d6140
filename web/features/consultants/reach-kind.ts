import { enumText, t } from '../../app/i18n.ts';
import { tieKindText } from '../details/labels.ts';

/**
 * A `Reach.byKind` kind in words: `knows:<kind>` (asserted), `derived:<kind>` (inferred from shared
 * employers, schools …), or a station's tie type (MEMBER_OF, WORKED_AT).
 */
export function reachKindText(kind: string): string {
  const [group, sub] = kind.split(':');
  if (sub === undefined) return tieKindText(kind);
  if (group === 'knows') {
    // The API says `knows:other` for an acquaintance recorded without a kind.
    const words = sub === 'other' ? t('consultants.otherKind') : enumText('knowsKind', sub);
    return t('consultants.knows', { kind: words });
  }
  return t('consultants.derived', { kind: enumText('derivedKind', sub) });
}
