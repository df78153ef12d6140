import { t } from '../../app/i18n.ts';
import { derivedKindLabels, knowsKindLabels, label, tieKindText } from '../details/labels.ts';

// The API says `knows:other` for an acquaintance recorded without a kind.
const knowsKinds = { ...knowsKindLabels, other: '其他' };

/**
 * A `Reach.byKind` kind in words: `knows:<kind>` (asserted), `derived:<kind>` (inferred from shared
 * employers, schools …), or a station's tie type (MEMBER_OF, WORKED_AT).
 */
export function reachKindText(kind: string): string {
  const [group, sub] = kind.split(':');
  if (sub === undefined) return tieKindText(kind);
  if (group === 'knows') return t('consultants.knows', { kind: label(knowsKinds, sub) });
  return t('consultants.derived', { kind: label(derivedKindLabels, sub) });
}
