/**
 * HTTP for the personal links, on the app's own server and without an account (server/app.ts):
 *   GET  /rsvp/<token>               the RSVP page        POST /rsvp/<token>  answer=accept|…|decline
 *   GET  /rsvp/<token>/calendar.ics  the calendar file
 *   GET  /unsubscribe/<token>        asks to confirm      POST /unsubscribe/<token>  (also RFC 8058 one-click)
 * A GET never changes anything (mail scanners open links); a link that is not genuine gets 404 and one
 * past the event 410, each with a clear page, and changes nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Db } from '../../../server/db/run.ts';
import type { Language } from '../../shared/entity-kinds.ts';
import type { Delivery } from './delivery.ts';
import { type InvitationData, languageOf, loadInvitationData } from './invitation-data.ts';
import { invitationIcs } from './invitation-ics.ts';
import {
  type LinkPurpose,
  rsvpOpenUntil,
  rsvpPathPrefix,
  signLink,
  unsubscribePathPrefix,
  verifyLink,
} from './links.ts';
import {
  answerInvitation,
  type RsvpAnswer,
  rsvpAnswers,
  rsvpOpen,
  sendConfirmation,
} from './rsvp-answer.ts';
import { linkProblemPage, rsvpPage, unsubscribePage } from './rsvp-page.ts';
import { unsubscribe } from './unsubscribe.ts';

export interface PublicPagesDeps {
  db: Db;
  delivery: Delivery;
  logger: Logger;
}

export const isPublicInvitationPath = (path: string) =>
  path.startsWith(rsvpPathPrefix) || path.startsWith(unsubscribePathPrefix);

const maxFormBytes = 2048;

// Besides the app's headers for every response (no Referer, so the token cannot leak; no framing):
// a page without scripts needs only its inline style and its own forms.
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

function send(res: ServerResponse, status: number, html: string, head = false): void {
  res.writeHead(status, pageHeaders);
  res.end(head ? undefined : html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxFormBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const asLanguage = (value: string | null | undefined): Language | null =>
  value === 'zh' || value === 'en' ? value : null;

export async function servePublicInvitationPage(
  { db, delivery, logger }: PublicPagesDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = url.pathname;
  const purpose: LinkPurpose = path.startsWith(rsvpPathPrefix) ? 'rsvp' : 'unsubscribe';
  const rest = path.slice((purpose === 'rsvp' ? rsvpPathPrefix : unsubscribePathPrefix).length);
  const [token = '', sub, ...extra] = rest.split('/');
  const method = req.method ?? 'GET';
  const head = method === 'HEAD';
  if (!['GET', 'HEAD', 'POST'].includes(method)) {
    res.writeHead(405, { allow: 'GET, HEAD, POST' });
    res.end();
    return;
  }
  const invitationId = verifyLink(delivery.linkSecret, purpose, token);
  const validShape =
    !extra.length && (sub === undefined || (purpose === 'rsvp' && sub === 'calendar.ics'));
  if (!invitationId || !validShape) return send(res, 404, linkProblemPage('invalid'), head);
  const form = method === 'POST' ? await readForm(req) : null;
  if (method === 'POST' && !form) return send(res, 413, linkProblemPage('invalid'));
  const data = await loadInvitationData(db, invitationId);
  if (!data) return send(res, 404, linkProblemPage('invalid'), head);
  const language =
    asLanguage(form?.get('lang')) ??
    asLanguage(url.searchParams.get('lang')) ??
    languageOf(data.person);
  const rsvpPath = `${rsvpPathPrefix}${signLink(delivery.linkSecret, 'rsvp', invitationId)}`;
  const unsubscribePath = `${unsubscribePathPrefix}${signLink(delivery.linkSecret, 'unsubscribe', invitationId)}`;

  if (purpose === 'unsubscribe') {
    if (method !== 'POST')
      return send(res, 200, unsubscribePage(language, unsubscribePath, 'ask'), head);
    await unsubscribe(db, invitationId);
    return send(res, 200, unsubscribePage(language, unsubscribePath, 'done'));
  }

  if (new Date() >= rsvpOpenUntil(data.event.startsAt)) {
    return send(res, 410, linkProblemPage('expired'), head);
  }
  if (sub === 'calendar.ics') {
    if (method === 'POST') return send(res, 404, linkProblemPage('invalid'));
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="invitation.ics"',
      'cache-control': 'no-store',
    });
    res.end(head ? undefined : invitationIcs(data, `${delivery.publicUrl}${rsvpPath}`));
    return;
  }
  const render = (current: InvitationData, outcome?: Parameters<typeof rsvpPage>[0]['outcome']) =>
    rsvpPage({
      data: current,
      language,
      path: rsvpPath,
      unsubscribePath,
      open: rsvpOpen(current),
      outcome,
    });
  if (method !== 'POST') return send(res, 200, render(data), head);

  const answer = form?.get('answer') as RsvpAnswer | null;
  if (!answer || !rsvpAnswers.includes(answer)) return send(res, 400, render(data));
  const { outcome } = await answerInvitation(db, invitationId, answer);
  if (outcome.kind === 'gone') return send(res, 404, linkProblemPage('invalid'));
  if (outcome.kind === 'closed') return send(res, 410, linkProblemPage('expired'));
  if (
    outcome.kind === 'moved' &&
    (outcome.status === 'accepted' || outcome.status === 'waitlisted')
  ) {
    // Not awaited: the page does not wait on the mail server; the outcome is logged and recorded.
    void sendConfirmation(db, delivery, invitationId, outcome.status, logger);
  }
  const after = (await loadInvitationData(db, invitationId)) ?? data;
  return send(res, outcome.kind === 'refused' ? 409 : 200, render(after, outcome));
}
