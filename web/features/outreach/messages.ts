import type { Catalogue } from '../../app/i18n.ts';

/** Words every outreach screen shares: loading, refusals, exports (enum values: schema/shared/words/). */
export const zh = {
  'outreach.loading': '加载中…',
  'outreach.failed': '加载失败：{message}',
  'outreach.refused': '未执行：{message}',
  'outreach.exportXlsx': '导出 Excel',
  'outreach.exported': '已导出 {rows} 行：{file}',
  'outreach.more': '加载更多',
  'outreach.name': '名称',
  'outreach.save': '保存',
  'outreach.people': '{n} 人',
  'outreach.madeBy': '{name} 创建于 {date}',
  'outreach.someone': '未知账号',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'outreach.loading': 'Loading…',
  'outreach.failed': 'Loading failed: {message}',
  'outreach.refused': 'Not done: {message}',
  'outreach.exportXlsx': 'Export Excel',
  'outreach.exported': {
    count: 'rows',
    one: 'Exported {rows} row: {file}',
    other: 'Exported {rows} rows: {file}',
  },
  'outreach.more': 'Load more',
  'outreach.name': 'Name',
  'outreach.save': 'Save',
  'outreach.people': { count: 'n', one: '{n} person', other: '{n} people' },
  'outreach.madeBy': 'Made by {name} on {date}',
  'outreach.someone': 'unknown account',
};
