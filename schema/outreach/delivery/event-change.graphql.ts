/**
 * Telling the people coming that their event changed. Staff edit the event (updateEvent) or cancel
 * it; the event then shows how many of the people coming are owed a notice, and notifyEventChange
 * sends them one each (a job). Staff trigger it rather than every edit mailing at once: a planner
 * fixing a typo in the venue, or moving the time twice in a row, sends one notice, when ready.
 */
import { ulid } from '../../../server/ids.ts';
import { builder } from '../../builder.ts';
import { JobRef } from '../../jobs/jobs.graphql.ts';
import { contactable } from '../../personal-data/consent.ts';
import { ConflictError, mutationErrors, NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/global-id.ts';
import { recordChange } from '../../shared/history.ts';
import { EventRef } from '../events.graphql.ts';
import { viewerParams, visibleTo } from '../visibility.ts';
import { type EventFacts, owesChangeNotice } from './event-change.ts';
import { sendEventChangesJobKind } from './send-event-changes.job.ts';

builder.objectFields(EventRef, (t) => ({
  changedAt: t.exposeString('changedAt', {
    nullable: true,
    description:
      'When its date, time zone, place or status last changed in a way the people coming must be told.',
  }),
  changeNoticesOwed: t.int({
    description:
      'People coming (accepted or waitlisted) who may be written to and were not yet told of the last change: notifyEventChange tells them.',
    resolve: async (e, _a, ctx) => {
      const rows = await ctx.db.read<{ n: number }>(
        `MATCH (p:Person)-[r:INVITED_TO]->(e:Event {id: $id})
         WHERE ${owesChangeNotice('r', 'e')} AND ${contactable('p')}
         RETURN count(r) AS n`,
        { id: e.id },
      );
      return rows[0]?.n ?? 0;
    },
  }),
}));

interface NoticeResult {
  queued: number;
  inProgress: number;
  jobId: string | null;
}

const NoticeResultRef = builder.objectRef<NoticeResult>('EventChangeNoticeResult').implement({
  fields: (t) => ({
    queued: t.exposeInt('queued', { description: 'Notices queued for sending by the job.' }),
    inProgress: t.exposeInt('inProgress', {
      description: 'Skipped: an earlier notice job is still sending to them.',
    }),
    job: t.field({
      type: JobRef,
      nullable: true,
      description: 'The sending job; null when nobody was owed a notice.',
      resolve: (r, _a, ctx) => (r.jobId ? ctx.jobs.get(r.jobId) : null),
    }),
  }),
});

builder.mutationField('notifyEventChange', (t) =>
  t.field({
    type: NoticeResultRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'E-mails the people coming (accepted or waitlisted) what changed in the event — date, time zone, place, or its cancellation — with the updated calendar file, as a background job. Each person gets one notice per change; do-not-contact and consent are checked when each is sent.',
    args: { event: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { id: eventId } = idOf(args.event, ['Event'], ['event']);
      if (!ctx.delivery.email) {
        throw new ConflictError('e-mail is off (SMTP_URL is not set) / 未配置邮件', ['event'], {
          code: 'mail_off',
        });
      }
      const jobId = ulid();
      const { result, before } = await ctx.db.writeTx(async (tx) => {
        const found = await tx.run<{ baseline: string | null }>(
          `MATCH (e:Event {id: $eventId}) WHERE NOT coalesce(e.deleted, false) AND ${visibleTo('e')}
           RETURN e.noticeBaseline AS baseline`,
          { eventId, ...viewerParams(ctx) },
        );
        if (!found[0]) throw new NotFoundError('Event', args.event, ['event']);
        // "In progress" only while its job is alive: a queue whose job never started is taken again.
        const rows = await tx.run<{ what: 'queued' | 'inProgress'; n: number }>(
          `MATCH (:Person)-[r:INVITED_TO]->(e:Event {id: $eventId}) WHERE ${owesChangeNotice('r', 'e')}
           WITH e, r, CASE WHEN r.notice IN ['queued', 'sending'] AND EXISTS {
               MATCH (j:Job {id: r.noticeJob}) WHERE j.status IN ['queued', 'running', 'interrupted'] }
             THEN 'inProgress' ELSE 'queued' END AS what
           CALL (e, r, what) {
             WITH e, r WHERE what = 'queued'
             SET r.notice = 'queued', r.noticeJob = $jobId, r.noticeError = null,
                 r.noticeAt = datetime(), r.noticeVersion = e.changedAt
           }
           RETURN what, count(r) AS n`,
          { eventId, jobId },
        );
        const counts: NoticeResult = { queued: 0, inProgress: 0, jobId: null };
        for (const row of rows) counts[row.what] = row.n;
        if (!counts.queued) return { result: counts, before: null };
        // The next change compares with what this notice announces.
        await tx.run('MATCH (e:Event {id: $eventId}) REMOVE e.noticeBaseline', { eventId });
        await recordChange(tx, {
          entityId: eventId,
          op: 'update',
          actor: ctx.actor,
          changes: { changeNotices: [null, counts.queued] },
        });
        const baseline = found[0].baseline;
        return { result: counts, before: baseline ? (JSON.parse(baseline) as EventFacts) : null };
      });
      if (result.queued) {
        await ctx.jobs.start(
          sendEventChangesJobKind.kind,
          { eventId, before },
          { actor: ctx.actor, id: jobId },
        );
        result.jobId = jobId;
      }
      return result;
    },
  }),
);
