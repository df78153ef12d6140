/**
 * The public pages behind the personal links, in Chinese and English and readable on a phone: the
 * RSVP page (the event, the current answer, buttons to accept, decline or bring a colleague), the
 * unsubscribe page, and a clear page for a link that is not valid or has closed. Plain HTML with
 * forms, no script: it works on any phone browser. Pure: server/public-pages.ts serves it.
 */
import type { Language } from '../../shared/entity-kinds.ts';
import type { InvitationStatus } from '../stages.ts';
import { escapeHtml } from './html.ts';
import type { InvitationData } from './invitation-data.ts';
import { formatWhen } from './invitation-message.ts';
import type { RsvpOutcome } from './rsvp-answer.ts';

const text = {
  zh: {
    other: 'English',
    title: '活动邀请',
    greeting: (name: string) => `${name}，您好：`,
    when: '时间',
    where: '地点',
    host: '主办',
    online: '线上',
    accept: '接受邀请',
    acceptWithColleague: '接受，并带一位同事',
    decline: '婉拒',
    calendar: '加入日历（.ics）',
    unsubscribe: '不再接收我们的邮件',
    status: {
      invited: '您尚未回复。',
      accepted: '您已接受邀请，期待与您见面。',
      waitlisted: '名额已满，您在候补名单上；有空位时会按顺序通知您。',
      declined: '您已婉拒本次邀请。如需更改，请联系主办方。',
      attended: '感谢您出席。',
      no_show: '本次活动已结束。',
      cancelled: '本邀请已取消。',
    } satisfies Record<InvitationStatus, string>,
    withColleague: '（含一位同事）',
    thanks: '已收到您的回复，谢谢！',
    unchanged: '您的回复没有变化。',
    closed: '本次活动已不再接受回复。',
    cancelledEvent: '本次活动已取消。',
    invalidTitle: '链接无效',
    invalid:
      '这个链接无效：可能复制不完整或已被修改。请使用邮件中的原始链接，或联系邀请您的主办方。您的回复没有任何改变。',
    expiredTitle: '邀请已结束',
    expired: '这个邀请链接已过期（活动已结束或已取消）。您的回复没有任何改变。',
    unsubscribeTitle: '退订邮件',
    unsubscribeAsk: '确认后，我们将不再给您发送任何邮件或邀请。',
    unsubscribeButton: '确认退订',
    unsubscribed: '您已退订，我们不会再给您发送邮件。',
  },
  en: {
    other: '中文',
    title: 'Invitation',
    greeting: (name: string) => `Dear ${name},`,
    when: 'When',
    where: 'Where',
    host: 'Host',
    online: 'Online',
    accept: 'Accept',
    acceptWithColleague: 'Accept, and bring a colleague',
    decline: 'Decline',
    calendar: 'Add to calendar (.ics)',
    unsubscribe: 'Stop e-mails from us',
    status: {
      invited: 'You have not answered yet.',
      accepted: 'You have accepted. We look forward to meeting you.',
      waitlisted:
        'The event is full and you are on the waitlist; we will tell you when a seat frees up.',
      declined: 'You have declined. To change this, please contact the organisers.',
      attended: 'Thank you for coming.',
      no_show: 'The event is over.',
      cancelled: 'This invitation was cancelled.',
    } satisfies Record<InvitationStatus, string>,
    withColleague: ' (with a colleague)',
    thanks: 'Thank you, we have your answer.',
    unchanged: 'Your answer is unchanged.',
    closed: 'This event no longer takes answers.',
    cancelledEvent: 'This event has been cancelled.',
    invalidTitle: 'Link not valid',
    invalid:
      'This link is not valid: it may be incomplete or altered. Please use the link in your e-mail, or contact the organisers who invited you. Nothing has been changed.',
    expiredTitle: 'Invitation closed',
    expired:
      'This invitation link has expired (the event is over or cancelled). Nothing has been changed.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk: 'Once you confirm, we will send you no more e-mails or invitations.',
    unsubscribeButton: 'Unsubscribe',
    unsubscribed: 'You are unsubscribed: we will not e-mail you again.',
  },
};

const style = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;
background:#f4f5f7;color:#1d2330;line-height:1.6}main{max-width:32rem;margin:0 auto;padding:1rem}
nav{text-align:right}h1{font-size:1.4rem;margin:.5rem 0}dl{display:grid;grid-template-columns:auto 1fr;
gap:.25rem .75rem;background:#fff;padding:1rem;border-radius:.5rem}dt{color:#5b6475}dd{margin:0}
.status{background:#fff;border-left:4px solid #2b6cb0;padding:.75rem 1rem;border-radius:.25rem}
.notice{background:#fff8e1;border-left-color:#b7791f}form{display:flex;flex-direction:column;gap:.5rem;margin:1rem 0}
button{font-size:1.05rem;padding:.8rem;border-radius:.5rem;border:1px solid #2b6cb0;background:#2b6cb0;color:#fff}
button.secondary{background:#fff;color:#2b6cb0}a{color:#2b6cb0}footer{margin-top:2rem;font-size:.9rem}`;

function page(language: Language, title: string, body: string, otherHref: string | null): string {
  const other = otherHref
    ? `<nav><a href="${escapeHtml(otherHref)}" lang="${language === 'zh' ? 'en' : 'zh-CN'}">${text[language].other}</a></nav>`
    : '';
  return `<!doctype html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main>${other}${body}</main></body></html>`;
}

export interface RsvpPageInput {
  data: InvitationData;
  language: Language;
  /** Path of this page (the form posts back to it). */
  path: string;
  unsubscribePath: string;
  open: boolean;
  /** The answer just given, if any. */
  outcome?: RsvpOutcome | null;
}

export function rsvpPage({
  data,
  language,
  path,
  unsubscribePath,
  open,
  outcome,
}: RsvpPageInput): string {
  const t = text[language];
  const { event, person } = data;
  const zh = language === 'zh';
  const name = zh ? person.name : (person.latinName ?? person.name);
  const city = zh ? event.city : (event.cityLatin ?? event.city);
  const host = zh ? event.host : (event.hostLatin ?? event.host);
  const place = [event.venue, city].filter(Boolean).join(zh ? '，' : ', ') || t.online;
  const rows = [
    [t.when, formatWhen(event.startsAt, event.timeZone, language)],
    [t.where, place],
    ...(host ? [[t.host, host]] : []),
  ]
    .map(([k, v]) => `<dt>${escapeHtml(k ?? '')}</dt><dd>${escapeHtml(v ?? '')}</dd>`)
    .join('');
  const said =
    outcome?.kind === 'moved'
      ? t.thanks
      : outcome?.kind === 'unchanged'
        ? t.unchanged
        : outcome?.kind === 'refused'
          ? outcome.reason
          : null;
  const current =
    event.status === 'cancelled'
      ? t.cancelledEvent
      : `${t.status[data.status]}${data.status === 'accepted' && data.withColleague ? t.withColleague : ''}`;
  const canAnswer = open && ['invited', 'accepted', 'waitlisted'].includes(data.status);
  const buttons = canAnswer
    ? `<form method="post" action="${escapeHtml(path)}">
<input type="hidden" name="lang" value="${language}">
${data.status === 'invited' ? `<button name="answer" value="accept">${t.accept}</button>` : ''}
${data.status === 'invited' && event.colleaguesAllowed ? `<button name="answer" value="accept_with_colleague" class="secondary">${t.acceptWithColleague}</button>` : ''}
<button name="answer" value="decline" class="secondary">${t.decline}</button>
</form>`
    : open
      ? ''
      : `<p class="status notice">${t.closed}</p>`;
  const body = `<h1>${escapeHtml(event.name)}</h1>
<p>${escapeHtml(t.greeting(name))}</p>
<dl>${rows}</dl>
${said ? `<p class="status notice" role="alert">${escapeHtml(said)}</p>` : ''}
<p class="status" role="status" data-status="${data.status}">${escapeHtml(current)}</p>
${buttons}
<p><a href="${escapeHtml(path)}/calendar.ics">${t.calendar}</a></p>
<footer><a href="${escapeHtml(unsubscribePath)}?lang=${language}">${t.unsubscribe}</a></footer>`;
  return page(language, `${t.title}: ${event.name}`, body, `${path}?lang=${zh ? 'en' : 'zh'}`);
}

/** A link that is not valid (tampered, incomplete, for nothing) or has closed: both languages. */
export function linkProblemPage(problem: 'invalid' | 'expired'): string {
  const body = (['zh', 'en'] as const)
    .map((l) => {
      const t = text[l];
      const [title, message] =
        problem === 'invalid' ? [t.invalidTitle, t.invalid] : [t.expiredTitle, t.expired];
      return `<section lang="${l === 'zh' ? 'zh-CN' : 'en'}"><h1>${title}</h1><p class="status notice">${message}</p></section>`;
    })
    .join('');
  return page('zh', `${text.zh.invalidTitle} / ${text.en.invalidTitle}`, body, null);
}

export function unsubscribePage(language: Language, path: string, state: 'ask' | 'done'): string {
  const t = text[language];
  const body =
    state === 'ask'
      ? `<h1>${t.unsubscribeTitle}</h1><p>${t.unsubscribeAsk}</p>
<form method="post" action="${escapeHtml(path)}"><input type="hidden" name="lang" value="${language}">
<button name="confirm" value="yes">${t.unsubscribeButton}</button></form>`
      : `<h1>${t.unsubscribeTitle}</h1><p class="status" role="status">${t.unsubscribed}</p>`;
  return page(
    language,
    t.unsubscribeTitle,
    body,
    `${path}?lang=${language === 'zh' ? 'en' : 'zh'}`,
  );
}
