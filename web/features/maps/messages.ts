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
  'maps.scope': '地图范围',
  'maps.world': '世界地图',
  'maps.china': '中国地图',
  'maps.clickRegion': '点击有颜色的地区，查看那里的人。',
  'maps.noRegion': '这些人的所在地都不在这张地图上。',
  'maps.offWorld': '另有 {n} 人所在地不详。',
  'maps.offChina': '另有 {n} 人在国外或所在地不详。',
  'maps.noAlumni':
    '图谱中还没有{name}的校友记录（没有人的学习经历指向它）。可以导入校友名录，或换一个机构。',
  'maps.noNatives':
    '图谱中没有籍贯在{name}、现居外地的人（籍贯或现居地未录入的人不计）。可以换一个地点。',
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
  'maps.scope': 'Map',
  'maps.world': 'World map',
  'maps.china': 'China map',
  'maps.clickRegion': 'Click a coloured region to see its people.',
  'maps.noRegion': 'None of these people is in a place on this map.',
  'maps.offWorld': {
    count: 'n',
    one: '{n} more person’s whereabouts are unknown.',
    other: '{n} more people’s whereabouts are unknown.',
  },
  'maps.offChina': {
    count: 'n',
    one: '{n} more person is abroad or their whereabouts are unknown.',
    other: '{n} more people are abroad or their whereabouts are unknown.',
  },
  'maps.noAlumni':
    'No alumni of {name} in the graph yet (nobody’s studies point to it). Import an alumni roster, or choose another organisation.',
  'maps.noNatives':
    'Nobody in the graph was born in {name} and lives elsewhere (people without a recorded hometown or home are not counted). Choose another place.',
  'group.COUNTRY': 'Country',
  'group.PROVINCE': 'Province',
  'group.CITY': 'City',
  'group.EMPLOYER': 'Employer',
  'group.FIELD': 'Field',
  'group.DECADE': 'Decade',
  'group.CATEGORY': 'Category',
};
