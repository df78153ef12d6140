/**
 * The loop both sending jobs share (send-invitations, send-event-changes): a mutation marks the
 * invitations `queued` with the job's id on one track of properties (`delivery…` for the invitation,
 * `notice…` for a change notice); the job sends them one at a time, at most MAIL_RATE_PER_MINUTE, and
 * records each outcome on its invitation. Idempotent per invitation: an invitation is claimed
 * (`sending`) in its own write before the SMTP call, so a job resumed after a restart never mails it
 * again; one caught mid-send is marked failed ("may have gone out") for staff to resend on purpose.
 * Do-not-contact and consent are checked here, at send time, not only when inviting.
 */
import type { Db } from '../../../server/db/run.ts';
import { checkpoint, type JobHandle } from '../../../server/jobs/job-kinds.ts';
import { DeliveryRefused } from './channel.ts';
import { composeMessage, type MessageKind } from './compose.ts';
import { contactRefusal, type InvitationData, invitationDataReturn } from './invitation-data.ts';
import { recordDelivery } from './record-delivery.ts';

export interface SendingResult {
  sent: number;
  failed: number;
  skipped: number;
}

/** Which properties of the invitation a job works on, and what it sends. */
export interface SendingTrack {
  /** `delivery`: the invitation's own e-mail; `notice`: the notice of the event's last change. */
  prefix: 'delivery' | 'notice';
  kind: 'invitation' | 'change';
  /** Why this invitation is not sent now (besides do-not-contact and consent), or null. */
  closed(data: InvitationData): string | null;
  message: MessageKind;
  /** Set on the invitation `r` (of event `e`) when it is claimed for sending. */
  claimSet?: string;
}

/** The invitation `r`'s properties of a track. */
const props = (prefix: SendingTrack['prefix']) => ({
  status: `r.${prefix}`,
  job: `r.${prefix}Job`,
  error: `r.${prefix}Error`,
  at: prefix === 'delivery' ? 'r.deliveredAt' : 'r.noticeAt',
});

/** Fails what a job left in `states` (its `onFailed`; when e-mail is off; after a crash mid-send). */
export const failQueued = (
  db: Db,
  prefix: SendingTrack['prefix'],
  jobId: string,
  message: string,
  states = ['queued', 'sending'],
) => {
  const p = props(prefix);
  return db
    .writeTx((tx) =>
      tx.run(
        `MATCH ()-[r:INVITED_TO]->() WHERE ${p.job} = $jobId AND ${p.status} IN $states
         SET ${p.status} = 'failed', ${p.error} = $message, ${p.at} = datetime()`,
        { jobId, message, states },
      ),
    )
    .then(() => undefined);
};

/** Waits `ms`, or less when the job is asked to stop. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

const batchSize = 20;

export async function runSending(job: JobHandle, track: SendingTrack): Promise<SendingResult> {
  const { db, signal } = job;
  const delivery = job.services.delivery;
  const channel = delivery?.email;
  const { status, job: jobOf } = props(track.prefix);
  const ofJob = `${jobOf} = $jobId`;
  if (!delivery || !channel) {
    const message = 'e-mail is off (SMTP_URL is not set) / 未配置邮件';
    await failQueued(db, track.prefix, job.id, message);
    throw new Error(message);
  }
  // Claimed by an earlier attempt that stopped mid-send: it may have gone out, so it is not sent again.
  await failQueued(
    db,
    track.prefix,
    job.id,
    'interrupted while sending: it may have gone out; resend to be sure / 发送中断，可能已送达',
    ['sending'],
  );
  const counts = await db.read<{ total: number; done: number }>(
    `MATCH ()-[r:INVITED_TO]->() WHERE ${ofJob}
     RETURN count(r) AS total, count(CASE WHEN ${status} <> 'queued' THEN 1 END) AS done`,
    { jobId: job.id },
  );
  const total = counts[0]?.total ?? 0;
  let done = counts[0]?.done ?? 0;
  job.progress({ phase: 'sending', done, total });
  const result: SendingResult = { sent: 0, failed: 0, skipped: 0 };
  const gapMs = 60_000 / delivery.perMinute;
  let lastSend = 0;
  const settle = async (
    data: InvitationData,
    outcome: 'sent' | 'failed' | 'skipped',
    extra: { error?: string; subject?: string; messageId?: string } = {},
  ) => {
    await db.writeTx((tx) =>
      recordDelivery(tx, {
        invitationId: data.invitationId,
        status: outcome,
        channel: 'email',
        actor: job.actor,
        kind: track.kind,
        ...extra,
      }),
    );
    result[outcome] += 1;
    done += 1;
    job.progress({ done, total });
  };

  for (;;) {
    checkpoint(signal);
    const batch = await db.read<{ data: InvitationData }>(
      `MATCH (p:Person)-[r:INVITED_TO]->(e:Event) WHERE ${ofJob} AND ${status} = 'queued'
       WITH p, r, e ORDER BY r.id LIMIT $limit
       RETURN ${invitationDataReturn}`,
      { jobId: job.id, limit: batchSize },
    );
    if (!batch.length) break;
    for (const { data } of batch) {
      checkpoint(signal);
      const refusal = contactRefusal(data.person) ?? track.closed(data);
      if (refusal) {
        await settle(data, 'skipped', { error: refusal });
        continue;
      }
      if (!data.person.email) {
        await settle(data, 'failed', { error: 'no e-mail address / 无邮箱地址' });
        continue;
      }
      const claimed = await db.writeTx((tx) =>
        tx.run(
          `MATCH ()-[r:INVITED_TO {id: $id}]->(e:Event) WHERE ${ofJob} AND ${status} = 'queued'
           SET ${status} = 'sending'${track.claimSet ? `, ${track.claimSet}` : ''} RETURN r.id AS id`,
          { id: data.invitationId, jobId: job.id },
        ),
      );
      if (!claimed.length) continue;
      await pause(lastSend + gapMs - Date.now(), signal);
      // Claimed but stopped before sending: back to queued, so the resumed job sends it.
      if (signal.aborted) {
        await db.writeTx((tx) =>
          tx.run(
            `MATCH ()-[r:INVITED_TO {id: $id}]->() WHERE ${status} = 'sending'
             SET ${status} = 'queued'`,
            { id: data.invitationId },
          ),
        );
        checkpoint(signal);
      }
      lastSend = Date.now();
      const message = composeMessage(delivery, data, data.person.email, track.message);
      try {
        const { messageId } = await channel.send(message);
        await settle(data, 'sent', { subject: message.subject, messageId });
      } catch (error) {
        // A refusal is about this recipient; anything else (connection, TLS) is said as it is.
        const reason = error instanceof DeliveryRefused ? error.message : (error as Error).message;
        job.logger.warn({ invitationId: data.invitationId, reason }, 'message not sent');
        await settle(data, 'failed', { error: reason.slice(0, 500) });
      }
    }
  }
  return result;
}
