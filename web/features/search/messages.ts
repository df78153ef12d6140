import type { Catalogue } from '../../app/i18n.ts';

/** The search box. */
export const zh = {
  'search.label': '搜索',
  'search.placeholder': '姓名、拼音、机构…',
  'search.noMatch':
    '没有与「{text}」相符的{kinds}：名称、拼音、首字母、简称和别名都查过了。请检查用字，或只输入名称的一部分。',
  'search.failed': '搜索失败',
  'search.hint': '搜索人物、机构、地点、领域或项目',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'search.label': 'Search',
  'search.placeholder': 'Name, pinyin, organisation…',
  'search.noMatch':
    'No {kinds} matches “{text}” by name, pinyin, initials, short form or alias. Check the spelling, or type part of the name.',
  'search.failed': 'Search failed',
  'search.hint': 'Search people, organisations, places, fields or projects',
};
