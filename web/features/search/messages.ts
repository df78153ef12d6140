import type { Catalogue } from '../../app/i18n.ts';

/** The search box. */
export const zh = {
  'search.label': '搜索',
  'search.placeholder': '姓名、拼音、机构…',
  'search.noMatch': '没有找到',
  'search.failed': '搜索失败',
  'search.hint': '搜索人物、机构、地点、领域或项目',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'search.label': 'Search',
  'search.placeholder': 'Name, pinyin, organisation…',
  'search.noMatch': 'No match',
  'search.failed': 'Search failed',
  'search.hint': 'Search people, organisations, places, fields or projects',
};
