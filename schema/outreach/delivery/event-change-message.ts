/**
 * The e-mail telling people coming that their event changed (a new date, time zone or place) or was
 * cancelled, in their language: what it was, what it is now, and the updated calendar file.
 * Merge fields are the invitation's, plus `{changes}` (one line per changed fact) and `{was}`.
 */
import type { Language } from '../../shared/entity-kinds.ts';
import type { EventFacts } from './event-change.ts';
import type { InvitationData } from './invitation-data.ts';
import {
  formatWhen,
  type InvitationMessage,
  type MessageLinks,
  render,
  type Template,
} from './invitation-message.ts';

const templates: Record<Language, Record<'changed' | 'cancelled', Template>> = {
  zh: {
    changed: {
      subject: '活动变更：{event}',
      body: `尊敬的{name}{title}：

「{event}」有以下变更：
{changes}

时间：{when}
地点：{place}

更新后的日历文件（.ics）已附在本邮件中，导入后会替换原有日程。如需更改回复，请使用您的个人链接：
{rsvpLink}

{host}

如不希望再收到我们的邮件，请点击：{unsubscribeLink}`,
    },
    cancelled: {
      subject: '活动取消：{event}',
      body: `尊敬的{name}{title}：

很抱歉地通知您，原定于{was}举行的「{event}」已取消。

附件中的日历文件（.ics）会从您的日历中移除这项活动。

{host}

如不希望再收到我们的邮件，请点击：{unsubscribeLink}`,
    },
  },
  en: {
    changed: {
      subject: 'Changed: {event}',
      body: `Dear {name}{title},

{event} has changed:
{changes}

When: {when}
Where: {place}

The updated calendar file (.ics) is attached; it replaces the entry in your calendar. To change your answer, use your personal link:
{rsvpLink}

{host}

To stop receiving e-mails from us: {unsubscribeLink}`,
    },
    cancelled: {
      subject: 'Cancelled: {event}',
      body: `Dear {name}{title},

We are sorry to tell you that {event}, planned for {was}, has been cancelled.

The attached calendar file (.ics) removes it from your calendar.

{host}

To stop receiving e-mails from us: {unsubscribeLink}`,
    },
  },
};

const placeOf = (facts: Pick<EventFacts, 'venue' | 'city' | 'cityLatin'>, zh: boolean) =>
  [facts.venue, zh ? facts.city : (facts.cityLatin ?? facts.city)]
    .filter(Boolean)
    .join(zh ? '，' : ', ');

/** One line per fact that differs from what the person was told: "时间：原为 …，改为 …". */
function changeLines(data: InvitationData, before: EventFacts | null, language: Language) {
  const zh = language === 'zh';
  const { event } = data;
  const now = {
    when: formatWhen(event.startsAt, event.timeZone, language),
    place: placeOf(event, zh),
  };
  const was = before && {
    when: formatWhen(before.startsAt, before.timeZone, language),
    place: placeOf(before, zh),
  };
  const none = zh ? '（无）' : '(none)';
  const lines = (['when', 'place'] as const)
    .filter((k) => !was || was[k] !== now[k])
    .map((k) => {
      const label = zh ? { when: '时间', place: '地点' }[k] : { when: 'Time', place: 'Place' }[k];
      if (!was) return zh ? `- ${label}：${now[k] || none}` : `- ${label}: ${now[k] || none}`;
      return zh
        ? `- ${label}：原为 ${was[k] || none}，现为 ${now[k] || none}`
        : `- ${label}: was ${was[k] || none}, now ${now[k] || none}`;
    });
  return { changes: lines.join('\n'), was: was?.when ?? now.when };
}

/**
 * The change notice for one person: `before` is what was last announced (null when unknown: the
 * notice then lists the current time and place).
 */
export const renderChangeNotice = (
  data: InvitationData,
  links: MessageLinks,
  before: EventFacts | null,
): InvitationMessage =>
  render(
    data,
    links,
    (language) => templates[language][data.event.status === 'cancelled' ? 'cancelled' : 'changed'],
    (language) => changeLines(data, before, language),
  );
