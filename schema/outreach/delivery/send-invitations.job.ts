/**
 * Sending invitations as a background job (server/jobs/): `sendInvitations` marks the invitations
 * `queued` with this job's id, and the shared sending loop (sending.ts) mails them.
 */
import { defineJob } from '../../../server/jobs/job-kinds.ts';
import { failQueued, runSending, type SendingResult, type SendingTrack } from './sending.ts';

export interface SendInvitationsParams {
  eventId: string;
}

/** Invitations closed since they were queued are not sent. */
const closedStatuses = ['declined', 'cancelled', 'attended', 'no_show'];

const track: SendingTrack = {
  prefix: 'delivery',
  kind: 'invitation',
  message: 'invitation',
  closed: (data) =>
    (closedStatuses.includes(data.status) ? `the invitation is ${data.status}` : null) ??
    (['held', 'cancelled'].includes(data.event.status)
      ? `the event is ${data.event.status}`
      : null),
};

export const sendInvitationsJobKind = defineJob<SendInvitationsParams, SendingResult>({
  kind: 'send-invitations',
  onRestart: 'resume',
  run: (job) => runSending(job, track),
  onFailed: (db, id, message) => failQueued(db, track.prefix, id, message),
});
