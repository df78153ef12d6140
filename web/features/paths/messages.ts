import type { Catalogue } from '../../app/i18n.ts';

/** The introduction-path finder. */
export const zh = {
  'paths.title': '引荐路径',
  'paths.target': '目标人物',
  'paths.ourSide': '我方',
  'paths.ourSideHint': '添加人物，或一个机构（取其人员）',
  'paths.add': '添加',
  'paths.remove': '移除 {name}',
  'paths.find': '查找路径',
  'paths.none': '没有找到路径',
  'paths.unreachable': '：在所允许的关系和步数内无法到达',
  'paths.score': '得分 {score} · {hops} 跳',
  'paths.pickTarget': '请选择目标人物和我方',
  'paths.orgPeople': '{name} 的人员 ({n})',
  'paths.searching': '正在查找…',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'paths.title': 'Introduction paths',
  'paths.target': 'Target person',
  'paths.ourSide': 'Our side',
  'paths.ourSideHint': 'Add people, or an organisation (its people)',
  'paths.add': 'Add',
  'paths.remove': 'Remove {name}',
  'paths.find': 'Find paths',
  'paths.none': 'No path found',
  'paths.unreachable': ': not reachable within the hops and ties allowed',
  'paths.score': 'Score {score} · {hops} hops',
  'paths.pickTarget': 'Choose a target person and our side',
  'paths.orgPeople': 'People of {name} ({n})',
  'paths.searching': 'Searching…',
};
