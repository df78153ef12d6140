import type { Catalogue } from '../../app/i18n.ts';

/** My follow-ups. */
export const zh = {
  'followUps.title': '我的跟进',
  'followUps.due': '截至',
  'followUps.overdue': '已逾期',
  'followUps.dueToday': '今日到期',
  'followUps.markDone': '完成',
  'followUps.markDoneLabel': '把「{title}」标记为完成',
  'followUps.completed': '已完成：{title}',
  'followUps.none': '没有到期或逾期的跟进',
  'followUps.subject': '对象',
  'followUps.dueOn': '截止 {date}',
  'followUps.kind.Person': '人物',
  'followUps.kind.Event': '活动',
  'followUps.kind.Introduction': '引荐',
} satisfies Catalogue;

export const en: Catalogue<keyof typeof zh> = {
  'followUps.title': 'My follow-ups',
  'followUps.due': 'Due by',
  'followUps.overdue': 'Overdue',
  'followUps.dueToday': 'Due',
  'followUps.markDone': 'Done',
  'followUps.markDoneLabel': 'Mark "{title}" done',
  'followUps.completed': 'Done: {title}',
  'followUps.none': 'Nothing due or overdue',
  'followUps.subject': 'About',
  'followUps.dueOn': 'due {date}',
  'followUps.kind.Person': 'Person',
  'followUps.kind.Event': 'Event',
  'followUps.kind.Introduction': 'Introduction',
};
