/**
 * Telling the people coming that their event changed, as a background job: `notifyEventChange`
 * marks the invitations owed a notice `queued` (notice…) with this job's id, and the shared sending
 * loop (sending.ts) mails each one the change, with the updated calendar file. Claiming an invitation
 * stamps it with the event version it tells of (`noticeVersion` = the event's `changedAt`), so the
 * same change is never mailed twice and a later change is owed again.
 */
import { defineJob } from '../../../server/jobs/job-kinds.ts';
import type { EventFacts } from './event-change.ts';
import { failQueued, runSending, type SendingResult } from './sending.ts';

export interface SendEventChangesParams {
  eventId: string;
  /** The event as last announced, to say what changed; null when unknown. */
  before: EventFacts | null;
}

export const sendEventChangesJobKind = defineJob<SendEventChangesParams, SendingResult>({
  kind: 'send-event-changes',
  onRestart: 'resume',
  run: (job) =>
    runSending(job, {
      prefix: 'notice',
      kind: 'change',
      message: { change: job.params.before },
      // Declined or moved off the list since it was queued: no longer coming.
      closed: (data) =>
        ['accepted', 'waitlisted'].includes(data.status)
          ? null
          : `the invitation is ${data.status}`,
      claimSet: 'r.noticeVersion = e.changedAt',
    }),
  onFailed: (db, id, message) => failQueued(db, 'notice', id, message),
});
