/**
 * Telling the people coming that their event changed (issue #18): the real server mails through a
 * real SMTP server started in this process (smtp-server), read back with mailparser.
 */
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createEntity, mutate, removeOutreachData } from './outreach-helpers.ts';

let server: TestServer;
let smtp: SmtpSink;
const p = testPrefix('chg');
const ids: Record<string, string> = {};
/** invitation global id by person key */
const inv: Record<string, string> = {};
const mail = (key: string) => `${p}.${key}@example.org`;
/** accepted (zh, en), waitlisted, declined, and accepted but do-not-contact since. */
const keys = ['zh', 'en', 'dnc', 'waitlisted', 'declined'] as const;

/** Waits for a job given as a global id to end well. */
async function jobDone(globalId: string | undefined) {
  expect(globalId, 'a job').toBeTruthy();
  const job = await server.jobs.wait(String(globalId).split(':')[1] as string);
  expect(job?.status, JSON.stringify(job)).toBe('done');
}

async function notify() {
  const res = await mutate(
    server,
    'notifyEventChange',
    '$event: ID!',
    'event: $event',
    'queued inProgress job { id }',
    { event: ids.event },
  );
  expect(res.__typename, JSON.stringify(res)).toBe('MutationNotifyEventChangeSuccess');
  if (res.data.job) await jobDone(res.data.job.id);
  return res.data as { queued: number; inProgress: number };
}

async function owed(): Promise<number> {
  const res = await server.gql<{ node: { changeNoticesOwed: number } }>(
    'query ($id: ID!) { node(id: $id) { ... on Event { changeNoticesOwed } } }',
    { id: ids.event },
    { role: 'staff' },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.node.changeNoticesOwed;
}

const calendar = (m: ParsedMail | undefined) => {
  const file = m?.attachments.find((a) => a.filename === 'invitation.ics');
  expect(file, `a calendar file in ${m?.subject}`).toBeTruthy();
  const component = new ICAL.Component(ICAL.parse(file!.content.toString('utf8')));
  const vevent = component.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: component.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
  };
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({
    mail: { smtpUrl: smtp.url, from: '武汉市招才局 <invite@bureau.example>', perMinute: 60_000 },
  });
  ids.city = await createEntity(server, 'Place', { name: `${p}武汉`, kind: 'city' });
  const event = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
    input: {
      name: `${p}光谷校友专场`,
      kind: 'special_session',
      startsAt: '2099-06-01T14:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      city: ids.city,
      venue: '光谷会议中心',
      capacity: 3,
    },
  });
  ids.event = event.data.id;
  for (const key of keys) {
    ids[key] = await createEntity(server, 'Person', {
      name: key === 'en' ? `${p} Anna Li` : `${p}${key}张`,
      ...(key === 'en' ? { preferredLanguage: 'en' } : {}),
      consentStatus: 'granted',
    });
    await mutate(
      server,
      'setContact',
      '$person: ID!, $kind: ContactKind!, $value: String!',
      'person: $person, kind: $kind, value: $value',
      'id',
      { person: ids[key], kind: 'email', value: mail(key) },
    );
    const invited = await mutate(
      server,
      'inviteToEvent',
      '$input: InviteInput!',
      'input: $input',
      'invited',
      { input: { event: ids.event, people: [ids[key]] } },
    );
    expect(invited.data?.invited).toBe(1);
  }
  const res = await server.gql<{ node: { invitations: { id: string; person: { id: string } }[] } }>(
    'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id person { id } } } } }',
    { id: ids.event },
    { role: 'staff' },
  );
  for (const i of res.data!.node.invitations) {
    const key = keys.find((k) => ids[k] === i.person.id);
    if (key) inv[key] = i.id;
  }
  // Three seats: zh, en and dnc take them, so the fourth to accept waits in the queue.
  for (const [key, status] of [
    ['zh', 'accepted'],
    ['en', 'accepted'],
    ['dnc', 'accepted'],
    ['waitlisted', 'accepted'],
    ['declined', 'declined'],
  ] as const) {
    await mutate(
      server,
      'setInvitationStatus',
      '$id: ID!, $status: InvitationStatus!',
      'id: $id, status: $status',
      'status',
      { id: inv[key], status },
    );
  }
  const sent = await mutate(
    server,
    'sendInvitations',
    '$input: SendInvitationsInput!',
    'input: $input',
    'queued job { id }',
    { input: { event: ids.event } },
  );
  expect(sent.data?.queued).toBe(4);
  await jobDone(sent.data.job.id);
  expect(smtp.messages).toHaveLength(4);
  const patched = await mutate(
    server,
    'updatePerson',
    '$id: ID!, $input: PersonPatch!',
    'id: $id, input: $input',
    'id',
    { id: ids.dnc, input: { doNotContact: true } },
  );
  expect(patched.__typename).toBe('MutationUpdatePersonSuccess');
});

afterAll(async () => {
  if (server) {
    await removeOutreachData(server, p);
    await removeTestData(server.db, p);
    await server.close();
  }
  await smtp?.close();
});

describe('telling the people coming that the event changed', () => {
  it('mails each accepted or waitlisted invitee one notice with the updated .ics; nobody else; never twice', async () => {
    const invitation = calendar(smtp.to(mail('zh'))[0]);
    expect(await owed()).toBe(0);

    const moved = await mutate(
      server,
      'updateEvent',
      '$id: ID!, $input: EventPatch!',
      'id: $id, input: $input',
      'startsAt changedAt',
      { id: ids.event, input: { startsAt: '2099-06-02T15:30:00+08:00' } },
    );
    expect(moved.__typename, JSON.stringify(moved)).toBe('MutationUpdateEventSuccess');
    expect(moved.data.changedAt).toBeTruthy();
    // The do-not-contact person is coming but may not be written to.
    expect(await owed()).toBe(3);

    const before = smtp.messages.length;
    expect(await notify()).toMatchObject({ queued: 4, inProgress: 0 });
    expect(smtp.messages.length - before).toBe(3);
    for (const key of ['zh', 'en', 'waitlisted']) expect(smtp.to(mail(key))).toHaveLength(2);
    expect(smtp.to(mail('declined'))).toHaveLength(0);
    expect(smtp.to(mail('dnc'))).toHaveLength(1);

    const [, zh] = smtp.to(mail('zh'));
    expect(zh?.subject).toBe(`活动变更：${p}光谷校友专场`);
    expect(zh?.text).toMatch(/时间：原为 .*6月1日.*，现为 .*6月2日/);
    expect(zh?.text).not.toContain('地点：原为');
    const [, en] = smtp.to(mail('en'));
    expect(en?.subject).toBe(`Changed: ${p}光谷校友专场`);
    expect(en?.text).toMatch(/Time: was .*1 June.*, now .*2 June/);
    const update = calendar(zh);
    expect(update).toMatchObject({
      method: 'REQUEST',
      uid: invitation.uid,
      start: '2099-06-02T07:30:00.000Z',
      status: 'CONFIRMED',
    });
    expect(update.sequence).toBeGreaterThan(invitation.sequence);

    const rows = await server.gql<{
      node: { invitations: { id: string; changeNotice: { status: string; error: string } }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id changeNotice { status error } } } } }',
      { id: ids.event },
      { role: 'staff' },
    );
    const notice = (key: string) =>
      rows.data!.node.invitations.find((i) => i.id === inv[key])?.changeNotice;
    expect(notice('zh')?.status).toBe('sent');
    expect(notice('dnc')).toMatchObject({ status: 'skipped' });
    expect(notice('dnc')?.error).toMatch(/do-not-contact/);
    expect(notice('declined')).toBeNull();
    const log = await server.gql<{ node: { interactions: { channel: string; note: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Person { interactions { channel note } } } }',
      { id: ids.zh },
      { role: 'staff' },
    );
    expect(log.data?.node.interactions).toContainEqual({
      channel: 'email',
      note: `活动变更：${p}光谷校友专场`,
    });

    // Asked again: the same change is not mailed twice.
    expect(await owed()).toBe(0);
    expect(await notify()).toMatchObject({ queued: 0 });
    expect(smtp.messages.length - before).toBe(3);
  });

  it('a cancellation sends METHOD:CANCEL with a higher sequence to the people coming', async () => {
    const update = calendar(smtp.to(mail('en'))[1]);
    const cancelled = await mutate(
      server,
      'setEventStatus',
      '$id: ID!, $status: EventStatus!',
      'id: $id, status: $status',
      'status',
      { id: ids.event, status: 'cancelled' },
    );
    expect(cancelled.data?.status).toBe('cancelled');
    expect(await owed()).toBe(3);
    const before = smtp.messages.length;
    expect((await notify()).queued).toBe(4);
    expect(smtp.messages.length - before).toBe(3);
    const [, , en] = smtp.to(mail('en'));
    expect(en?.subject).toBe(`Cancelled: ${p}光谷校友专场`);
    const ics = calendar(en);
    expect(ics).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: update.uid });
    expect(ics.sequence).toBeGreaterThan(update.sequence);
    expect(smtp.to(mail('declined'))).toHaveLength(0);
    expect(smtp.to(mail('dnc'))).toHaveLength(1);
  });
});
