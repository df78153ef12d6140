import { computed, signal } from '@preact/signals';

/**
 * Chinese and English UI. Chinese by default; the choice is remembered in localStorage.
 * Every user-facing string goes through `t(key)`; dates and numbers through Intl (`fmtNumber`, `fmtDate`).
 */
export type Lang = 'zh' | 'en';

const storageKey = 'talentgraph.lang';

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked; Chinese then.
  }
  return 'zh';
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not remembered, still switched.
  }
  if (typeof document !== 'undefined')
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

const zh = {
  brand: '人才图谱',
  'nav.explore': '探索',
  'nav.paths': '引荐路径',
  'nav.maps': '分布图',
  'nav.views': '已存视图',
  'nav.signIn': '登录',
  'nav.main': '主导航',
  'lang.toggle': 'English',
  'lang.toggleLabel': '切换到英文界面',
  'role.label': '角色',
  'role.staff': '工作人员',
  'role.viewer': '访客',
  'role.admin': '管理员',
  'role.consultant': '招才顾问',
  'signIn.email': '邮箱',
  'signIn.password': '密码',
  'signIn.failed': '登录失败',
  'signIn.out': '退出',
  'search.label': '搜索',
  'search.placeholder': '姓名、拼音、机构…',
  'search.noMatch': '没有找到',
  'search.failed': '搜索失败',
  'search.hint': '搜索人物、机构、地点、领域或项目',
  'graph.label': '关系图',
  'graph.empty': '在左侧搜索并选择一项，查看它的关系网络',
  'graph.loading': '加载 {name} 的关系…',
  'graph.loaded': '{name}：{nodes} 个节点，{edges} 条关系 · 双击或右键节点展开',
  'graph.expanding': '展开 {name}…',
  'graph.added': '{name}：新增 {n} 个节点 · 共 {total} 个',
  'graph.nothingNew': '{name}：没有新的节点',
  'graph.failed': '加载失败',
  'graph.truncated': '已截断：省略 {n} 个',
  'graph.truncatedHow': '右键节点按关系类型展开，或用筛选缩小范围，可看到更多',
  'graph.keys': '键盘：方向键逐个选择节点，回车展开，菜单键或 Shift+F10 打开节点操作',
  'legend.title': '图例',
  'filters.title': '筛选',
  'filters.types': '类型',
  'filters.ties': '关系',
  'filters.category': '类别',
  'filters.field': '领域',
  'filters.place': '地点',
  'filters.any': '不限',
  'filters.reset': '重置筛选',
  'layout.label': '布局',
  'layout.fcose': '力导向 (探索)',
  'layout.concentric': '同心圆 (个人圈子)',
  'layout.breadthfirst': '层次 (路径)',
  'menu.label': '节点操作',
  'menu.expandAll': '展开全部关系',
  'menu.expandKind': '展开：{kind}',
  'menu.collapse': '收起邻居',
  'menu.hide': '隐藏',
  'menu.pin': '固定位置',
  'menu.unpin': '取消固定',
  'menu.pathTo': '寻找引荐路径',
  'menu.details': '查看详情',
  'toolbar.common': '共同联系',
  'toolbar.commonHint': '按住 Shift 点选两个节点后查看共同联系',
  'toolbar.commonFound': '共同联系：{n} 个',
  'toolbar.showHidden': '显示隐藏的 {n} 个',
  'toolbar.fit': '适应窗口',
  'export.png': '导出 PNG',
  'export.svg': '导出 SVG',
  'export.csv': '导出 CSV',
  'views.save': '保存视图',
  'views.title': '标题',
  'views.notes': '备注',
  'views.saved': '已保存',
  'views.local': '视图仅保存在本浏览器 (localStorage)，不会同步到服务器。',
  'views.none': '还没有保存的视图',
  'views.open': '打开',
  'views.delete': '删除',
  'views.nodes': '{n} 个节点',
  'details.label': '详情',
  'details.empty': '点击图中的节点查看详情',
  'details.gone': '已不存在',
  'details.failed': '加载失败',
  'details.title': '职称',
  'details.categories': '类别',
  'details.level': '人才级别',
  'details.hometown': '籍贯',
  'details.location': '现居',
  'details.birthYear': '出生年份',
  'details.honours': '荣誉',
  'details.type': '类型',
  'details.place': '所在地',
  'details.kind': '级别',
  'details.parent': '上级领域',
  'details.status': '状态',
  'details.timeline': '履历',
  'details.ties': '关系',
  'details.contacts': '联系方式',
  'details.contactsHidden': '联系方式不可见',
  'details.noContacts': '没有记录联系方式',
  'details.source': '来源',
  'details.unsourced': '无来源',
  'details.verified': '已核实',
  'details.current': '现任',
  'details.updated': '更新于 {date}',
  'details.present': '至今',
  'paths.title': '引荐路径',
  'paths.target': '目标人物',
  'paths.ourSide': '我方',
  'paths.ourSideHint': '添加人物，或一个机构（取其人员）',
  'paths.add': '添加',
  'paths.remove': '移除 {name}',
  'paths.find': '查找路径',
  'paths.none': '没有找到路径',
  'paths.score': '得分 {score} · {hops} 跳',
  'paths.pickTarget': '请选择目标人物和我方',
  'paths.orgPeople': '{name} 的人员 ({n})',
  'paths.searching': '正在查找…',
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
  close: '关闭',
  cancel: '取消',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  brand: 'TalentGraph',
  'nav.explore': 'Explore',
  'nav.paths': 'Introductions',
  'nav.maps': 'Maps',
  'nav.views': 'Saved views',
  'nav.signIn': 'Sign in',
  'nav.main': 'Main navigation',
  'lang.toggle': '中文',
  'lang.toggleLabel': 'Switch to Chinese',
  'role.label': 'Role',
  'role.staff': 'Staff',
  'role.viewer': 'Viewer',
  'role.admin': 'Admin',
  'role.consultant': 'Consultant',
  'signIn.email': 'E-mail',
  'signIn.password': 'Password',
  'signIn.failed': 'Sign-in failed',
  'signIn.out': 'Sign out',
  'search.label': 'Search',
  'search.placeholder': 'Name, pinyin, organisation…',
  'search.noMatch': 'No match',
  'search.failed': 'Search failed',
  'search.hint': 'Search people, organisations, places, fields or projects',
  'graph.label': 'Graph',
  'graph.empty': 'Search and choose an entity on the left to see its network',
  'graph.loading': 'Loading the ties of {name}…',
  'graph.loaded':
    '{name}: {nodes} nodes, {edges} ties · double-click or right-click a node to expand',
  'graph.expanding': 'Expanding {name}…',
  'graph.added': '{name}: {n} nodes added · {total} in all',
  'graph.nothingNew': '{name}: nothing new',
  'graph.failed': 'Loading failed',
  'graph.truncated': 'Capped: {n} left out',
  'graph.truncatedHow':
    'Right-click a node to expand one tie kind, or narrow with filters, to see more',
  'graph.keys':
    'Keyboard: arrow keys step through the nodes, Enter expands, the menu key or Shift+F10 opens the node actions',
  'legend.title': 'Legend',
  'filters.title': 'Filters',
  'filters.types': 'Types',
  'filters.ties': 'Ties',
  'filters.category': 'Category',
  'filters.field': 'Field',
  'filters.place': 'Place',
  'filters.any': 'Any',
  'filters.reset': 'Reset filters',
  'layout.label': 'Layout',
  'layout.fcose': 'Force (explore)',
  'layout.concentric': 'Concentric (one circle)',
  'layout.breadthfirst': 'Tree (paths)',
  'menu.label': 'Node actions',
  'menu.expandAll': 'Expand all ties',
  'menu.expandKind': 'Expand: {kind}',
  'menu.collapse': 'Collapse neighbours',
  'menu.hide': 'Hide',
  'menu.pin': 'Pin position',
  'menu.unpin': 'Unpin',
  'menu.pathTo': 'Find introduction paths',
  'menu.details': 'Show details',
  'toolbar.common': 'Common connections',
  'toolbar.commonHint': 'Shift-click two nodes, then show their common connections',
  'toolbar.commonFound': 'Common connections: {n}',
  'toolbar.showHidden': 'Show {n} hidden',
  'toolbar.fit': 'Fit',
  'export.png': 'Export PNG',
  'export.svg': 'Export SVG',
  'export.csv': 'Export CSV',
  'views.save': 'Save view',
  'views.title': 'Title',
  'views.notes': 'Notes',
  'views.saved': 'Saved',
  'views.local': 'Views are kept in this browser only (localStorage), not on the server.',
  'views.none': 'No saved views yet',
  'views.open': 'Open',
  'views.delete': 'Delete',
  'views.nodes': '{n} nodes',
  'details.label': 'Details',
  'details.empty': 'Click a node to see its details',
  'details.gone': 'No longer exists',
  'details.failed': 'Loading failed',
  'details.title': 'Title',
  'details.categories': 'Categories',
  'details.level': 'Talent level',
  'details.hometown': 'Hometown',
  'details.location': 'Lives in',
  'details.birthYear': 'Born',
  'details.honours': 'Honours',
  'details.type': 'Type',
  'details.place': 'Place',
  'details.kind': 'Kind',
  'details.parent': 'Parent field',
  'details.status': 'Status',
  'details.timeline': 'Career',
  'details.ties': 'Ties',
  'details.contacts': 'Contact details',
  'details.contactsHidden': 'Contact details hidden',
  'details.noContacts': 'No contact details recorded',
  'details.source': 'Source',
  'details.unsourced': 'unsourced',
  'details.verified': 'verified',
  'details.current': 'current',
  'details.updated': 'Updated {date}',
  'details.present': 'present',
  'paths.title': 'Introduction paths',
  'paths.target': 'Target person',
  'paths.ourSide': 'Our side',
  'paths.ourSideHint': 'Add people, or an organisation (its people)',
  'paths.add': 'Add',
  'paths.remove': 'Remove {name}',
  'paths.find': 'Find paths',
  'paths.none': 'No path found',
  'paths.score': 'Score {score} · {hops} hops',
  'paths.pickTarget': 'Choose a target person and our side',
  'paths.orgPeople': 'People of {name} ({n})',
  'paths.searching': 'Searching…',
  'maps.title': 'Maps',
  'maps.alumni': 'Alumni map',
  'maps.natives': 'Natives map',
  'maps.org': 'Organisation',
  'maps.place': 'Place',
  'maps.groupBy': 'Group by',
  'maps.total': '{n} people',
  'maps.people': '{label}: {n} people',
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
  close: 'Close',
  cancel: 'Cancel',
};

export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The message in the current language, with {name} placeholders filled in. Reading it subscribes. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[lang.value][key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? `{${name}}` : typeof value === 'number' ? fmtNumber(value) : value;
  });
}

export const locale = computed(() => (lang.value === 'zh' ? 'zh-CN' : 'en-GB'));

export function fmtNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale.value, options).format(n);
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(date);
}

/** Chinese name from a table in Chinese mode; the enum value made readable in English mode. */
export function enumLabel(table: Record<string, string>, value: string): string {
  if (lang.value === 'zh') return table[value] ?? value;
  return value.replace(/_/g, ' ');
}

/** The name of a thing in the current language: the Latin name in English when there is one. */
export function displayName(entity: { name: string; latinName?: string | null }): string {
  return lang.value === 'en' && entity.latinName ? entity.latinName : entity.name;
}
