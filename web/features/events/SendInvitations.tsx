import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { enumText, t } from '../../app/i18n.ts';
import { canEdit } from '../../app/session.ts';
import { status } from '../../app/status.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt } from '../outreach/result.ts';
import { MessagePreview } from './MessagePreview.tsx';
import {
  type InvitationRow,
  markInvitationsSentMutation,
  sendInvitationsMutation,
  sendJobQuery,
} from './queries.ts';

/** Invitations still open for an answer: the ones worth sending (as the API decides). */
const sendable = (row: InvitationRow) => ['invited', 'waitlisted', 'accepted'].includes(row.status);

/** Polls a sending job until it has ended, then returns what it reported. */
async function jobEnded(id: string) {
  for (;;) {
    const job = (await request(sendJobQuery, { id })).job;
    if (!job || !['queued', 'running'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Waits for a sending job to end and says on the status line how many went, failed, were skipped. */
export async function sendingReported(id: string, key: 'events.sendDone' | 'events.notifyDone') {
  const job = await jobEnded(id);
  const counts = JSON.parse(job?.result ?? '{}') as Record<string, number>;
  status.value = t(key, {
    sent: counts.sent ?? 0,
    failed: counts.failed ?? 0,
    skipped: counts.skipped ?? 0,
  });
}

/**
 * Sending the invitations of an event: by e-mail (a background job; the table shows each one's
 * delivery), or, when the server has no e-mail, a notice and "mark as sent" after sending by hand.
 */
export function SendInvitations({
  eventId,
  rows,
  emailOn,
  onChange,
}: {
  eventId: string;
  rows: InvitationRow[];
  emailOn: boolean;
  onChange: () => void;
}) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    try {
      const result = await attempt(
        async () =>
          (await request(sendInvitationsMutation, { input: { event: eventId } })).sendInvitations,
        setProblem,
      );
      if (!result) return;
      status.value = t('events.sent', { queued: result.queued, already: result.alreadySent });
      onChange();
      if (!result.job) return;
      await sendingReported(result.job.id, 'events.sendDone');
      onChange();
    } finally {
      setBusy(false);
    }
  };

  const markSent = async () => {
    const ids = rows.filter((r) => sendable(r) && !r.delivery).map((r) => r.id);
    const marked = await attempt(
      async () =>
        (await request(markInvitationsSentMutation, { invitations: ids })).markInvitationsSent,
      setProblem,
    );
    if (marked == null) return;
    status.value = t('events.markedSent', { n: marked });
    onChange();
  };

  return (
    <div class="send-invitations" id="send-invitations">
      {emailOn ? (
        <button
          type="button"
          class="button"
          id="send-invitations-button"
          disabled={busy || !rows.some(sendable)}
          onClick={() => void send()}
        >
          {busy ? t('events.sending') : t('events.send')}
        </button>
      ) : (
        <>
          <p class="muted" id="mail-off">
            {t('events.mailOff')}
          </p>
          <button
            type="button"
            class="button"
            id="mark-sent-button"
            disabled={!rows.some((r) => sendable(r) && !r.delivery)}
            onClick={() => void markSent()}
          >
            {t('events.markSent')}
          </button>
        </>
      )}
      <Problem id="send-problem" text={problem} />
    </div>
  );
}

/** The delivery cell of an invitation: status, how, and why it failed (as a tooltip). */
export function DeliveryCell({
  row,
  eventId,
  emailOn,
  onChange,
}: {
  row: InvitationRow;
  eventId: string;
  emailOn: boolean;
  onChange: () => void;
}) {
  const [problem, setProblem] = useState('');
  const d = row.delivery;
  const resend = async () => {
    const result = await attempt(
      async () =>
        (
          await request(sendInvitationsMutation, {
            input: { event: eventId, invitations: [row.id], resend: true },
          })
        ).sendInvitations,
      setProblem,
    );
    if (!result?.job) return;
    await jobEnded(result.job.id);
    onChange();
  };
  return (
    <td class="delivery" data-delivery={d?.status ?? 'none'}>
      <span class={`badge delivery-${d?.status ?? 'none'}`} title={d?.error ?? undefined}>
        {enumText('delivery', d?.status ?? 'none')}
        {d?.channel === 'manual' && t('delivery.manual')}
      </span>
      {d?.error && <small class="muted delivery-error">{d.error}</small>}
      {row.changeNotice && (
        <small
          class="muted change-notice"
          data-notice={row.changeNotice.status}
          title={row.changeNotice.error ?? undefined}
        >
          {' '}
          {t('events.noticeStatus', { status: enumText('delivery', row.changeNotice.status) })}
        </small>
      )}
      {canResend(d?.status, emailOn) && sendable(row) && (
        <button
          type="button"
          class="link"
          aria-label={t('events.resendLabel', { name: row.person?.name ?? '' })}
          onClick={() => void resend()}
        >
          {t('events.resend')}
        </button>
      )}
      {canEdit.value && <MessagePreview id={row.id} name={row.person?.name ?? ''} />}
      <Problem text={problem} />
    </td>
  );
}

const canResend = (s: string | undefined, emailOn: boolean) =>
  emailOn && (s === 'sent' || s === 'failed' || s === 'skipped');
