/**
 * The API of invitation delivery: send (a job), resend on purpose, mark sent by hand when e-mail is
 * off, preview each person's message, and read each invitation's delivery status.
 */
import { ulid } from '../../../server/ids.ts';
import { builder } from '../../builder.ts';
import { JobRef } from '../../jobs/jobs.graphql.ts';
import { contactable } from '../../personal-data/consent.ts';
import { LanguageEnum } from '../../shared/enums.graphql.ts';
import {
  ConflictError,
  mutationErrors,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.ts';
import { idOf } from '../../shared/global-id.ts';
import { recordChange } from '../../shared/history.ts';
import type { InvitationDelivery } from '../invitations.cypher.ts';
import { InvitationRef, requireOpenEvent } from '../invitations.graphql.ts';
import { viewerParams, visibleTo } from '../visibility.ts';
import { type DeliveryChannel, deliveryChannels, deliveryStatuses } from './channel.ts';
import { invitationLinks } from './delivery.ts';
import { contactRefusal, loadInvitationData } from './invitation-data.ts';
import { type InvitationMessage, renderInvitation } from './invitation-message.ts';
import { recordDelivery } from './record-delivery.ts';
import { sendInvitationsJobKind } from './send-invitations.job.ts';

const DeliveryStatusEnum = builder.enumType('DeliveryStatus', { values: deliveryStatuses });
const DeliveryChannelEnum = builder.enumType('DeliveryChannel', { values: deliveryChannels });

const InvitationDeliveryRef = builder
  .objectRef<InvitationDelivery>('InvitationDelivery')
  .implement({
    description:
      'How the invitation was sent: queued, sending, sent, failed (with the reason) or skipped.',
    fields: (t) => ({
      status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
      channel: t.field({ type: DeliveryChannelEnum, nullable: true, resolve: (d) => d.channel }),
      error: t.exposeString('error', {
        nullable: true,
        description: 'Why it failed or was skipped: the SMTP reply, do-not-contact …',
      }),
      at: t.exposeString('at', { nullable: true, description: 'When the status was last set.' }),
      sentAt: t.exposeString('sentAt', { nullable: true }),
      sendCount: t.exposeInt('sendCount', { description: 'Times it was sent (resends count).' }),
    }),
  });

interface Preview extends InvitationMessage {
  rsvpUrl: string;
  hasAddress: boolean;
  blockedBecause: string | null;
}

const InvitationPreviewRef = builder.objectRef<Preview>('InvitationPreview').implement({
  description: 'The e-mail this person would get, in their language, with their own links.',
  fields: (t) => ({
    language: t.field({ type: LanguageEnum, resolve: (p) => p.language }),
    subject: t.exposeString('subject'),
    text: t.exposeString('text'),
    html: t.exposeString('html'),
    rsvpUrl: t.exposeString('rsvpUrl', { description: 'The personal RSVP link.' }),
    hasAddress: t.exposeBoolean('hasAddress', { description: 'The person has an e-mail address.' }),
    blockedBecause: t.exposeString('blockedBecause', {
      nullable: true,
      description: 'Why nothing would be sent (do-not-contact, consent), or null.',
    }),
  }),
});

builder.objectFields(InvitationRef, (t) => ({
  delivery: t.field({
    type: InvitationDeliveryRef,
    nullable: true,
    description: 'The e-mail of this invitation: null until it is queued or marked sent.',
    resolve: (i) => i.delivery,
  }),
  changeNotice: t.field({
    type: InvitationDeliveryRef,
    nullable: true,
    description:
      "The e-mail telling this invitee of the event's last change (notifyEventChange): null until one is queued.",
    resolve: (i) => i.changeNotice,
  }),
}));

builder.queryField('invitationPreview', (t) =>
  t.field({
    type: InvitationPreviewRef,
    nullable: true,
    authScopes: { editor: true },
    description: 'The invitation e-mail as its person would get it (nothing is sent).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['Invitation'], ['id']);
      const visible = await ctx.db.read(
        `MATCH (:Person)-[r:INVITED_TO {id: $id}]->(e:Event) WHERE ${visibleTo('e')} RETURN r.id`,
        { id, ...viewerParams(ctx) },
      );
      const data = visible.length ? await loadInvitationData(ctx.db, id) : null;
      if (!data) return null;
      const links = invitationLinks(ctx.delivery, id);
      return {
        ...renderInvitation(data, links),
        rsvpUrl: links.rsvpUrl,
        hasAddress: data.person.email != null,
        blockedBecause: contactRefusal(data.person),
      };
    },
  }),
);

interface ChannelInfo {
  channel: DeliveryChannel;
  enabled: boolean;
  note: string | null;
}

builder.queryField('invitationChannels', (t) =>
  t.field({
    type: [
      builder.objectRef<ChannelInfo>('InvitationChannel').implement({
        description: 'A way invitations reach people, and whether this server has it switched on.',
        fields: (f) => ({
          channel: f.field({ type: DeliveryChannelEnum, resolve: (c) => c.channel }),
          enabled: f.exposeBoolean('enabled'),
          note: f.exposeString('note', { nullable: true }),
        }),
      }),
    ],
    authScopes: { outreach: true },
    description: 'E-mail (on when SMTP_URL is set) and marking sent by hand (always).',
    resolve: (_r, _a, ctx): ChannelInfo[] => [
      {
        channel: 'email',
        enabled: ctx.delivery.email != null,
        note: ctx.delivery.email ? null : 'SMTP_URL is not set / 未配置邮件服务器',
      },
      { channel: 'manual', enabled: true, note: null },
    ],
  }),
);

const SendInvitationsInput = builder.inputType('SendInvitationsInput', {
  fields: (t) => ({
    event: t.id({ required: true }),
    invitations: t.idList({
      required: false,
      description: 'Only these invitations of the event (default: all not sent yet).',
    }),
    resend: t.boolean({
      required: false,
      description:
        'Send again to the given invitations even if they were sent (needs invitations).',
    }),
  }),
});

interface SendResult {
  queued: number;
  alreadySent: number;
  inProgress: number;
  closed: number;
  jobId: string | null;
}

const SendResultRef = builder.objectRef<SendResult>('SendInvitationsResult').implement({
  fields: (t) => ({
    queued: t.exposeInt('queued', { description: 'Queued for sending by the job.' }),
    alreadySent: t.exposeInt('alreadySent', {
      description: 'Skipped: sent before (resend to send again).',
    }),
    inProgress: t.exposeInt('inProgress', { description: 'Skipped: already queued or sending.' }),
    closed: t.exposeInt('closed', {
      description: 'Skipped: declined, cancelled, attended or no-show.',
    }),
    job: t.field({
      type: JobRef,
      nullable: true,
      description: 'The sending job (progress, result); null when nothing was queued.',
      resolve: (r, _a, ctx) => (r.jobId ? ctx.jobs.get(r.jobId) : null),
    }),
  }),
});

/** Invitations still open for an answer: the ones worth sending. */
const openStatuses = ['invited', 'waitlisted', 'accepted'];

/** Resolves the invitation ids given, all of which must belong to the event; null = all of them. */
function invitationIds(ids: readonly (string | number)[] | null | undefined, path: string[]) {
  return ids == null
    ? null
    : ids.map((id, i) => idOf(String(id), ['Invitation'], [...path, String(i)]).id);
}

builder.mutationField('sendInvitations', (t) =>
  t.field({
    type: SendResultRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'E-mails invitations of an event as a background job: never one already sent, unless `resend` names it. Do-not-contact and consent are checked again when each is sent.',
    args: { input: t.arg({ type: SendInvitationsInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { id: eventId } = idOf(input.event, ['Event'], ['input', 'event']);
      const ids = invitationIds(input.invitations, ['input', 'invitations']);
      const resend = input.resend ?? false;
      if (resend && !ids?.length) {
        throw new ValidationError([
          {
            path: ['input', 'invitations'],
            code: 'resend_needs_list',
            message: 'a resend names the invitations to send again',
          },
        ]);
      }
      if (!ctx.delivery.email) {
        throw new ConflictError(
          'e-mail is off (SMTP_URL is not set): export the list and mark invitations sent by hand / 未配置邮件',
          ['input', 'event'],
          { code: 'mail_off' },
        );
      }
      const jobId = ulid();
      const result = await ctx.db.writeTx(async (tx) => {
        await requireOpenEvent(tx, ctx, eventId, input.event);
        if (ids) {
          const known = await tx.run<{ id: string }>(
            `UNWIND $ids AS id MATCH (:Person)-[r:INVITED_TO {id: id}]->(:Event {id: $eventId})
             WHERE NOT coalesce(r.deleted, false) RETURN r.id AS id`,
            { ids, eventId },
          );
          const knownIds = new Set(known.map((r) => r.id));
          const missing = ids.findIndex((id) => !knownIds.has(id));
          if (missing >= 0) {
            throw new NotFoundError('Invitation', String(input.invitations?.[missing]), [
              'input',
              'invitations',
              String(missing),
            ]);
          }
        }
        // One pass: what each invitation is (closed, being sent, sent, to send), and queue the last.
        // "Being sent" only while its job is alive: a queue whose job never started is taken again.
        const rows = await tx.run<{ what: keyof Omit<SendResult, 'jobId'>; n: number }>(
          `MATCH (:Person)-[r:INVITED_TO]->(:Event {id: $eventId})
           WHERE NOT coalesce(r.deleted, false) AND ($ids IS NULL OR r.id IN $ids)
           WITH r, CASE
             WHEN NOT r.status IN $open THEN 'closed'
             WHEN r.delivery IN ['queued', 'sending'] AND EXISTS {
               MATCH (j:Job {id: r.deliveryJob}) WHERE j.status IN ['queued', 'running', 'interrupted'] }
               THEN 'inProgress'
             WHEN r.delivery = 'sent' AND NOT $resend THEN 'alreadySent'
             ELSE 'queued' END AS what
           CALL (r, what) {
             WITH r WHERE what = 'queued'
             SET r.delivery = 'queued', r.deliveryJob = $jobId, r.deliveryChannel = 'email',
                 r.deliveryError = null, r.queuedAt = datetime(), r.deliveredAt = null
           }
           RETURN what, count(r) AS n`,
          { eventId, ids, resend, open: openStatuses, jobId },
        );
        const counts: SendResult = {
          queued: 0,
          alreadySent: 0,
          inProgress: 0,
          closed: 0,
          jobId: null,
        };
        for (const row of rows) counts[row.what] = row.n;
        if (counts.queued) {
          await recordChange(tx, {
            entityId: eventId,
            op: 'update',
            actor: ctx.actor,
            changes: { [resend ? 'resent' : 'sent']: [null, counts.queued] },
          });
        }
        return counts;
      });
      if (result.queued) {
        await ctx.jobs.start(
          sendInvitationsJobKind.kind,
          { eventId },
          { actor: ctx.actor, id: jobId },
        );
        result.jobId = jobId;
      }
      return result;
    },
  }),
);

builder.mutationField('markInvitationsSent', (t) =>
  t.field({
    type: 'Int',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'Records invitations as sent by hand (channel manual), e.g. when e-mail is off. Skips anyone who may not be contacted (consent not granted, do-not-contact). Returns how many were marked.',
    args: { invitations: t.arg.idList({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const ids = invitationIds(args.invitations, ['invitations']) ?? [];
      if (ids.length > 5000) {
        throw new ValidationError([
          {
            path: ['invitations'],
            code: 'too_many',
            params: { max: 5000 },
            message: 'at most 5000 at once',
          },
        ]);
      }
      return ctx.db.writeTx(async (tx) => {
        const rows = await tx.run<{ id: string; ok: boolean }>(
          `UNWIND $ids AS id MATCH (p:Person)-[r:INVITED_TO {id: id}]->(e:Event)
           WHERE NOT coalesce(r.deleted, false) AND ${visibleTo('e')}
           RETURN r.id AS id, ${contactable('p')} AS ok`,
          { ids, ...viewerParams(ctx) },
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        const missing = ids.findIndex((id) => !byId.has(id));
        if (missing >= 0) {
          throw new NotFoundError('Invitation', String(args.invitations[missing]), [
            'invitations',
            String(missing),
          ]);
        }
        let marked = 0;
        for (const row of rows) {
          if (!row.ok) continue;
          await recordDelivery(tx, {
            invitationId: row.id,
            status: 'sent',
            channel: 'manual',
            actor: ctx.actor,
          });
          marked += 1;
        }
        return marked;
      });
    },
  }),
);
