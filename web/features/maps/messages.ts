import type { Catalogue } from '../../app/i18n.ts';

/** Alumni and native maps. */
export const zh = {
  'maps.title': '分布图',
  'maps.alumni': '校友分布',
  'maps.natives': '乡贤分布',
  'maps.org': '机构',
  'maps.place': '地点',
  'maps.groupBy': '分组',
  'maps.total': '共 {n} 人',
  'maps.people': '{label}：{n} 人',
  'maps.more': '加载更多',
  'maps.pick': '请选择机构或地点',
  'maps.facets': '该组人员分布',
  'group.COUNTRY': '国家',
  'group.PROVINCE': '省份',
  'group.CITY': '城市',
  'group.EMPLOYER': '雇主',
  'group.FIELD': '领域',
  'group.DECADE': '年代',
  'group.CATEGORY': '类别',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'maps.title': 'Maps',
  'maps.alumni': 'Alumni map',
  'maps.natives': 'Natives map',
  'maps.org': 'Organisation',
  'maps.place': 'Place',
  'maps.groupBy': 'Group by',
  'maps.total': { count: 'n', one: '{n} person', other: '{n} people' },
  'maps.people': { count: 'n', one: '{label}: {n} person', other: '{label}: {n} people' },
  'maps.more': 'Load more',
  'maps.pick': 'Choose an organisation or a place',
  'maps.facets': 'This group by',
  'group.COUNTRY': 'Country',
  'group.PROVINCE': 'Province',
  'group.CITY': 'City',
  'group.EMPLOYER': 'Employer',
  'group.FIELD': 'Field',
  'group.DECADE': 'Decade',
  'group.CATEGORY': 'Category',
};
