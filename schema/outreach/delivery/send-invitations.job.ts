/**
 * Sending invitations as a background job (server/jobs/). `sendInvitations` marks the invitations
 * `queued` with this job's id; the job sends them one at a time, at most MAIL_RATE_PER_MINUTE, and
 * records each outcome on its invitation. Idempotent per invitation: an invitation is claimed
 * (`sending`) in its own write before the SMTP call, so a job resumed after a restart never mails it
 * again; one caught mid-send is marked failed ("may have gone out") for staff to resend on purpose.
 * Do-not-contact and consent are checked here, at send time, not only when inviting.
 */
import type { Db } from '../../../server/db/run.ts';
import { checkpoint, defineJob, type JobHandle } from '../../../server/jobs/job-kinds.ts';
import { DeliveryRefused } from './channel.ts';
import { composeMessage } from './compose.ts';
import { contactRefusal, type InvitationData, invitationDataReturn } from './invitation-data.ts';
import { recordDelivery } from './record-delivery.ts';

export interface SendInvitationsParams {
  eventId: string;
}

export interface SendInvitationsResult {
  sent: number;
  failed: number;
  skipped: number;
}

const batchSize = 20;

/** Invitations closed since they were queued are not sent. */
const closedStatuses = ['declined', 'cancelled', 'attended', 'no_show'];

const failQueued = (db: Db, jobId: string, message: string) =>
  db.writeTx((tx) =>
    tx.run(
      `MATCH ()-[r:INVITED_TO {deliveryJob: $jobId}]->() WHERE r.delivery IN ['queued', 'sending']
       SET r.delivery = 'failed', r.deliveryError = $message, r.deliveredAt = datetime()`,
      { jobId, message },
    ),
  );

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

async function run(job: JobHandle<SendInvitationsParams>): Promise<SendInvitationsResult> {
  const { db, signal } = job;
  const delivery = job.services.delivery;
  const channel = delivery?.email;
  if (!delivery || !channel) {
    const message = 'e-mail is off (SMTP_URL is not set) / 未配置邮件';
    await failQueued(db, job.id, message);
    throw new Error(message);
  }
  // Claimed by an earlier attempt that stopped mid-send: it may have gone out, so it is not sent again.
  await db.writeTx((tx) =>
    tx.run(
      `MATCH ()-[r:INVITED_TO {deliveryJob: $jobId, delivery: 'sending'}]->()
       SET r.delivery = 'failed', r.deliveredAt = datetime(),
           r.deliveryError = 'interrupted while sending: it may have gone out; resend to be sure / 发送中断，可能已送达'`,
      { jobId: job.id },
    ),
  );
  const counts = await db.read<{ total: number; done: number }>(
    `MATCH ()-[r:INVITED_TO {deliveryJob: $jobId}]->()
     RETURN count(r) AS total, count(CASE WHEN r.delivery <> 'queued' THEN 1 END) AS done`,
    { jobId: job.id },
  );
  const total = counts[0]?.total ?? 0;
  let done = counts[0]?.done ?? 0;
  job.progress({ phase: 'sending', done, total });
  const result: SendInvitationsResult = { sent: 0, failed: 0, skipped: 0 };
  const gapMs = 60_000 / delivery.perMinute;
  let lastSend = 0;
  const settle = async (
    data: InvitationData,
    status: 'sent' | 'failed' | 'skipped',
    extra: { error?: string; subject?: string; messageId?: string } = {},
  ) => {
    await db.writeTx((tx) =>
      recordDelivery(tx, {
        invitationId: data.invitationId,
        status,
        channel: 'email',
        actor: job.actor,
        ...extra,
      }),
    );
    result[status] += 1;
    done += 1;
    job.progress({ done, total });
  };

  for (;;) {
    checkpoint(signal);
    const batch = await db.read<{ data: InvitationData }>(
      `MATCH (p:Person)-[r:INVITED_TO {deliveryJob: $jobId, delivery: 'queued'}]->(e:Event)
       WITH p, r, e ORDER BY r.id LIMIT $limit
       RETURN ${invitationDataReturn}`,
      { jobId: job.id, limit: batchSize },
    );
    if (!batch.length) break;
    for (const { data } of batch) {
      checkpoint(signal);
      const refusal =
        contactRefusal(data.person) ??
        (closedStatuses.includes(data.status) ? `the invitation is ${data.status}` : null) ??
        (['held', 'cancelled'].includes(data.event.status)
          ? `the event is ${data.event.status}`
          : null);
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
          `MATCH ()-[r:INVITED_TO {id: $id, deliveryJob: $jobId, delivery: 'queued'}]->()
           SET r.delivery = 'sending' RETURN r.id AS id`,
          { id: data.invitationId, jobId: job.id },
        ),
      );
      if (!claimed.length) continue;
      await pause(lastSend + gapMs - Date.now(), signal);
      // Claimed but stopped before sending: back to queued, so the resumed job sends it.
      if (signal.aborted) {
        await db.writeTx((tx) =>
          tx.run(
            `MATCH ()-[r:INVITED_TO {id: $id, delivery: 'sending'}]->() SET r.delivery = 'queued'`,
            { id: data.invitationId },
          ),
        );
        checkpoint(signal);
      }
      lastSend = Date.now();
      const message = composeMessage(delivery, data, data.person.email, 'invitation');
      try {
        const { messageId } = await channel.send(message);
        await settle(data, 'sent', { subject: message.subject, messageId });
      } catch (error) {
        // A refusal is about this recipient; anything else (connection, TLS) is said as it is.
        const reason = error instanceof DeliveryRefused ? error.message : (error as Error).message;
        job.logger.warn({ invitationId: data.invitationId, reason }, 'invitation not sent');
        await settle(data, 'failed', { error: reason.slice(0, 500) });
      }
    }
  }
  return result;
}

export const sendInvitationsJobKind = defineJob<SendInvitationsParams, SendInvitationsResult>({
  kind: 'send-invitations',
  onRestart: 'resume',
  run,
  onFailed: (db, id, message) => failQueued(db, id, message).then(() => undefined),
});
