import { lang } from '../../app/i18n.ts';

/** Names of search match reasons (SearchHit.matchedBy): Chinese, and English. */
const matchLabels: Record<string, [string, string]> = {
  exact_name: ['名称完全一致', 'exact name'],
  exact_alias: ['别名完全一致', 'exact alias'],
  name: ['名称', 'name'],
  traditional_form: ['繁体', 'traditional'],
  alias: ['别名', 'alias'],
  latin_name: ['英文/拼音名', 'latin name'],
  pinyin: ['拼音', 'pinyin'],
  initials: ['拼音首字母', 'initials'],
  full_text: ['全文', 'full text'],
};

export function matchLabel(reason: string): string {
  const names = matchLabels[reason];
  if (!names) return reason;
  return lang.value === 'zh' ? names[0] : names[1];
}
