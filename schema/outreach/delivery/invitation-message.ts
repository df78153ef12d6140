/**
 * The invitation e-mail in Chinese and English. A template is plain text with merge fields
 * (`{name}`, `{title}` (in brackets after the name), `{event}`, `{when}`, `{place}`, `{host}`, `{rsvpLink}`, `{unsubscribeLink}`);
 * a line whose field is empty is left out, so an online event has no "place" line. The HTML part is
 * the same text, escaped, with the links made clickable. Pure: previews and the sending job share it.
 */
import type { Language } from '../../shared/entity-kinds.ts';
import { escapeHtml } from './html.ts';
import { type InvitationData, languageOf } from './invitation-data.ts';

export interface InvitationMessage {
  language: Language;
  subject: string;
  text: string;
  html: string;
}

export interface MessageLinks {
  rsvpUrl: string;
  unsubscribeUrl: string;
}

const mergeFields = [
  'name',
  'title',
  'event',
  'when',
  'place',
  'host',
  'rsvpLink',
  'unsubscribeLink',
] as const;
type MergeField = (typeof mergeFields)[number];

export interface Template {
  subject: string;
  body: string;
}

const invitationTemplates: Record<Language, Template> = {
  zh: {
    subject: '邀请函：{event}',
    body: `尊敬的{name}{title}：

{host}诚挚邀请您参加「{event}」。

时间：{when}
地点：{place}

请点击下面的个人链接回复是否出席（无需注册或登录）：
{rsvpLink}

活动日历文件（.ics）已附在本邮件中，可导入手机或电脑日历。

{host}

如不希望再收到我们的邮件，请点击：{unsubscribeLink}`,
  },
  en: {
    subject: 'Invitation: {event}',
    body: `Dear {name}{title},

{host} warmly invites you to {event}.

When: {when}
Where: {place}

Please let us know whether you can come, with your personal link (no account needed):
{rsvpLink}

A calendar file (.ics) for the event is attached.

{host}

To stop receiving e-mails from us: {unsubscribeLink}`,
  },
};

/** The event's date and time in its own time zone, with the zone named. */
export function formatWhen(startsAt: string, timeZone: string, language: Language): string {
  const formatted = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(startsAt));
  return `${formatted} (${timeZone})`;
}

/** The merge field values for one invitation in `language`. */
function mergeValues(
  data: InvitationData,
  language: Language,
  links: MessageLinks,
): Record<MergeField, string> {
  const { person, event } = data;
  const zh = language === 'zh';
  const city = zh ? event.city : (event.cityLatin ?? event.city);
  return {
    name: zh ? person.name : (person.latinName ?? person.name),
    title: person.title ? (zh ? `（${person.title}）` : ` (${person.title})`) : '',
    event: event.name,
    when: formatWhen(event.startsAt, event.timeZone, language),
    place: [event.venue, city].filter(Boolean).join(zh ? '，' : ', '),
    host: (zh ? event.host : (event.hostLatin ?? event.host)) ?? (zh ? '主办方' : 'The organisers'),
    rsvpLink: links.rsvpUrl,
    unsubscribeLink: links.unsubscribeUrl,
  };
}

const field = /\{(\w+)\}/g;

/** Fills a template: unknown fields stay as written; a line whose only fields are empty is dropped. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template
    .split('\n')
    .filter((line) => {
      const used = [...line.matchAll(field)].map((m) => m[1] as string);
      return !used.length || used.some((name) => (values[name] ?? `{${name}}`) !== '');
    })
    .map((line) => line.replace(field, (whole, name: string) => values[name] ?? whole))
    .join('\n');
}

/** The text as simple HTML: escaped, paragraphs kept, http(s) links clickable. */
function toHtml(text: string, language: Language): string {
  const body = escapeHtml(text)
    .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
    .split('\n\n')
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><body style="font-family:sans-serif;line-height:1.6">\n${body}\n</body></html>`;
}

/** Fills the template `pick` gives for the person's language; `extra` adds merge fields. */
export function render(
  data: InvitationData,
  links: MessageLinks,
  pick: (l: Language) => Template,
  extra: (l: Language) => Record<string, string> = () => ({}),
): InvitationMessage {
  const language = languageOf(data.person);
  const template = pick(language);
  const values = { ...mergeValues(data, language, links), ...extra(language) };
  const text = fillTemplate(template.body, values);
  return {
    language,
    subject: fillTemplate(template.subject, values),
    text,
    html: toHtml(text, language),
  };
}

/** The invitation e-mail for one person, in their language. */
export const renderInvitation = (data: InvitationData, links: MessageLinks): InvitationMessage =>
  render(data, links, (language) => invitationTemplates[language]);

const confirmationTemplates: Record<Language, Record<'accepted' | 'waitlisted', Template>> = {
  zh: {
    accepted: {
      subject: '报名确认：{event}',
      body: `尊敬的{name}{title}：

感谢您确认出席「{event}」，期待与您见面。

时间：{when}
地点：{place}

活动日历文件（.ics）已附在本邮件中。如需更改回复，请使用您的个人链接：
{rsvpLink}

{host}

如不希望再收到我们的邮件，请点击：{unsubscribeLink}`,
    },
    waitlisted: {
      subject: '候补登记：{event}',
      body: `尊敬的{name}{title}：

「{event}」名额已满，您已进入候补名单；有空位时我们会按顺序为您保留并通知您。

时间：{when}
地点：{place}

您的个人链接：{rsvpLink}

{host}

如不希望再收到我们的邮件，请点击：{unsubscribeLink}`,
    },
  },
  en: {
    accepted: {
      subject: 'Confirmed: {event}',
      body: `Dear {name}{title},

Thank you for accepting our invitation to {event}. We look forward to meeting you.

When: {when}
Where: {place}

The calendar file (.ics) is attached. To change your answer, use your personal link:
{rsvpLink}

{host}

To stop receiving e-mails from us: {unsubscribeLink}`,
    },
    waitlisted: {
      subject: 'Waitlist: {event}',
      body: `Dear {name}{title},

{event} is full, so you are on the waitlist; when a seat frees up it goes to the waitlist in order, and we will tell you.

When: {when}
Where: {place}

Your personal link: {rsvpLink}

{host}

To stop receiving e-mails from us: {unsubscribeLink}`,
    },
  },
};

/** The confirmation after an invitee accepted (or was waitlisted) on their RSVP page. */
export const renderConfirmation = (
  data: InvitationData,
  links: MessageLinks,
  outcome: 'accepted' | 'waitlisted',
): InvitationMessage => render(data, links, (language) => confirmationTemplates[language][outcome]);
