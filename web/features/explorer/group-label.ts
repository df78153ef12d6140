import { t } from '../../app/i18n.ts';
import { nodeKindText } from '../details/labels.ts';
import type { GroupLabel } from './fan-outs.ts';

/** A group node's label in the current language ("武汉市 · 81", "其他 25 个城市 · 60"). */
export function groupLabel(g: GroupLabel): string {
  const n = g.count;
  if (g.by === 'pending') return t('group.pending', { type: nodeKindText(g.memberType), n });
  if (g.key === '?') return t(`group.unknown.${g.by}`, { n });
  if (g.key === '*') return t(`group.other.${g.by}`, { k: g.name, n });
  return t(g.by === 'decade' ? 'group.decade' : 'group.named', { name: g.name, n });
}
