/**
 * Invitations by e-mail (issue #18), end to end: the real server sends through a real SMTP server
 * started in this process (smtp-server), and the messages are read back with mailparser.
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
const p = testPrefix('inv');
const ids: Record<string, string> = {};
/** invitation global id by person key */
const inv: Record<string, string> = {};
const mail = (key: string) => `${p}.${key}@example.org`;

const send = (input: Record<string, unknown>) =>
  mutate(
    server,
    'sendInvitations',
    '$input: SendInvitationsInput!',
    'input: $input',
    'queued alreadySent inProgress closed job { id }',
    { input },
  );

/** Sends and waits for the sending job to end; returns the mutation's counts. */
async function sendAndWait(input: Record<string, unknown>) {
  const res = await send(input);
  expect(res.__typename, JSON.stringify(res)).toBe('MutationSendInvitationsSuccess');
  const jobId = res.data.job?.id as string | undefined;
  if (jobId) {
    const job = await server.jobs.wait(jobId.split(':')[1] as string);
    expect(job?.status, JSON.stringify(job)).toBe('done');
  }
  return res.data;
}

interface InvitationRow {
  id: string;
  status: string;
  person: { name: string };
  delivery: { status: string; channel: string; error: string | null; sendCount: number } | null;
  history: { status: string; channel: string | null; by: string | null }[];
}

async function invitations(): Promise<Record<string, InvitationRow>> {
  const res = await server.gql<{ node: { seatsTaken: number; invitations: InvitationRow[] } }>(
    `query ($id: ID!) { node(id: $id) { ... on Event { seatsTaken invitations {
       id status person { name } delivery { status channel error sendCount }
       history { status channel by } } } } }`,
    { id: ids.event },
    { role: 'staff' },
  );
  expect(res.errors).toBeUndefined();
  const byId = new Map(res.data!.node.invitations.map((i) => [i.id, i]));
  return Object.fromEntries(Object.entries(inv).map(([k, id]) => [k, byId.get(id)!]));
}

const linkIn = (m: ParsedMail, kind: 'rsvp' | 'unsubscribe') => {
  const found = new RegExp(`${server.url}/${kind}/[A-Za-z0-9_.-]+`).exec(m.text ?? '');
  expect(found, `a ${kind} link in ${m.text}`).not.toBeNull();
  return found![0];
};

const post = (url: string, body: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
    redirect: 'manual',
  });

beforeAll(async () => {
  smtp = await startSmtpSink({ refuse: (address) => address === mail('refused') });
  server = await startTestServer({
    mail: { smtpUrl: smtp.url, from: '武汉市招才局 <invite@bureau.example>', perMinute: 60_000 },
  });
  ids.city = await createEntity(server, 'Place', { name: `${p}武汉`, kind: 'city' });
  ids.org = await createEntity(server, 'Organization', {
    name: `${p}招才局`,
    latinName: `${p} Talent Bureau`,
    type: 'government',
  });
  const event = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
    input: {
      name: `${p}光谷校友专场`,
      kind: 'special_session',
      startsAt: '2099-06-01T14:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      city: ids.city,
      venue: '光谷会议中心',
      organiser: ids.org,
      capacity: 20,
      colleaguesAllowed: true,
    },
  });
  ids.event = event.data.id;
  const people: Record<string, Record<string, unknown>> = {
    zh: { name: `${p}张伟`, title: '教授', consentStatus: 'granted' },
    en: { name: `${p} Anna Li`, preferredLanguage: 'en', consentStatus: 'granted' },
    dnc: { name: `${p}李四`, consentStatus: 'granted' },
    refused: { name: `${p}王五`, consentStatus: 'granted' },
    noConsent: { name: `${p}赵六`, consentStatus: 'granted' },
  };
  for (const [key, input] of Object.entries(people)) {
    ids[key] = await createEntity(server, 'Person', input);
    const contact = await mutate(
      server,
      'setContact',
      '$person: ID!, $kind: ContactKind!, $value: String!',
      'person: $person, kind: $kind, value: $value',
      'id',
      { person: ids[key], kind: 'email', value: mail(key) },
    );
    expect(contact.__typename, JSON.stringify(contact)).toBe('MutationSetContactSuccess');
  }
  const invited = await mutate(
    server,
    'inviteToEvent',
    '$input: InviteInput!',
    'input: $input',
    'invited',
    { input: { event: ids.event, people: Object.keys(people).map((k) => ids[k]) } },
  );
  expect(invited.data?.invited).toBe(5);
  // Marked after inviting: do-not-contact and consent must be checked again at send time.
  for (const [key, patch] of [
    ['dnc', { doNotContact: true }],
    ['noConsent', { consentStatus: 'withdrawn' }],
  ] as const) {
    const res = await mutate(
      server,
      'updatePerson',
      '$id: ID!, $input: PersonPatch!',
      'id: $id, input: $input',
      'id',
      { id: ids[key], input: patch },
    );
    expect(res.__typename, JSON.stringify(res)).toBe('MutationUpdatePersonSuccess');
  }
  const res = await server.gql<{ node: { invitations: { id: string; person: { id: string } }[] } }>(
    'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id person { id } } } } }',
    { id: ids.event },
    { role: 'staff' },
  );
  for (const i of res.data!.node.invitations) {
    const key = Object.keys(people).find((k) => ids[k] === i.person.id);
    if (key) inv[key] = i.id;
  }
  expect(Object.keys(inv)).toHaveLength(5);
});

afterAll(async () => {
  if (server) {
    await removeOutreachData(server, p);
    await removeTestData(server.db, p);
    await server.close();
  }
  await smtp?.close();
});

describe('sending invitations by e-mail', () => {
  it('previews each person’s message in their language before sending', async () => {
    const res = await server.gql<{ invitationPreview: Record<string, unknown> }>(
      `query ($id: ID!) { invitationPreview(id: $id) {
         language subject text rsvpUrl hasAddress blockedBecause } }`,
      { id: inv.dnc },
      { role: 'staff' },
    );
    expect(res.errors).toBeUndefined();
    const preview = res.data!.invitationPreview;
    expect(preview).toMatchObject({
      language: 'zh',
      hasAddress: true,
      subject: `邀请函：${p}光谷校友专场`,
    });
    expect(preview.blockedBecause).toMatch(/do-not-contact/);
    expect(preview.text).toContain(preview.rsvpUrl as string);
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends each invitee one message in their language, with their link and a valid .ics; nothing to do-not-contact; a refusal fails that invitation only', async () => {
    const counts = await sendAndWait({ event: ids.event });
    expect(counts).toMatchObject({ queued: 5, alreadySent: 0 });

    expect(smtp.messages).toHaveLength(2);
    const [zh] = smtp.to(mail('zh'));
    const [en] = smtp.to(mail('en'));
    expect(zh?.subject).toBe(`邀请函：${p}光谷校友专场`);
    expect(zh?.text).toContain(`尊敬的${p}张伟（教授）`);
    expect(zh?.text).toContain(`${p}招才局诚挚邀请您`);
    expect(en?.subject).toBe(`Invitation: ${p}光谷校友专场`);
    expect(en?.text).toContain(`${p} Talent Bureau warmly invites you`);
    const listUnsubscribe = en?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line;
    expect(listUnsubscribe).toContain(`<${linkIn(en!, 'unsubscribe')}>`);
    expect(smtp.to(mail('dnc'))).toHaveLength(0);
    expect(smtp.to(mail('noConsent'))).toHaveLength(0);

    // The link is personal: it opens this invitee's page, and the two links differ.
    const zhLink = linkIn(zh!, 'rsvp');
    expect(zhLink).not.toBe(linkIn(en!, 'rsvp'));
    const page = await fetch(zhLink);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`${p}张伟`);
    expect(html).toContain(`${p}光谷校友专场`);

    const ics = zh!.attachments.find((a) => a.filename === 'invitation.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const vevent = new ICAL.Component(
      ICAL.parse(ics!.content.toString('utf8')),
    ).getFirstSubcomponent('vevent');
    const calendarEvent = new ICAL.Event(vevent!);
    expect(calendarEvent.summary).toBe(`${p}光谷校友专场`);
    expect(calendarEvent.startDate.toJSDate().toISOString()).toBe('2099-06-01T06:00:00.000Z');

    const rows = await invitations();
    expect(rows.zh?.delivery).toMatchObject({ status: 'sent', channel: 'email', sendCount: 1 });
    expect(rows.en?.delivery).toMatchObject({ status: 'sent', sendCount: 1 });
    expect(rows.dnc?.delivery).toMatchObject({ status: 'skipped', sendCount: 0 });
    expect(rows.dnc?.delivery?.error).toMatch(/do-not-contact/);
    expect(rows.noConsent?.delivery?.error).toMatch(/consent withdrawn/);
    expect(rows.refused?.delivery).toMatchObject({ status: 'failed', sendCount: 0 });
    expect(rows.refused?.delivery?.error).toMatch(/550/);

    // The sent message is in the person's interaction log, with its subject.
    const log = await server.gql<{ node: { interactions: { channel: string; note: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Person { interactions { channel note } } } }',
      { id: ids.zh },
      { role: 'staff' },
    );
    expect(log.data?.node.interactions).toEqual([
      { channel: 'email', note: `邀请函：${p}光谷校友专场` },
    ]);
  });

  it('never mails an invitation twice unless a resend names it', async () => {
    const again = await sendAndWait({ event: ids.event });
    expect(again.alreadySent).toBe(2);
    expect(smtp.to(mail('zh'))).toHaveLength(1);
    expect(smtp.to(mail('en'))).toHaveLength(1);

    const vague = await send({ event: ids.event, resend: true });
    expect(vague.__typename).toBe('ValidationError');

    const resent = await sendAndWait({ event: ids.event, invitations: [inv.zh], resend: true });
    expect(resent.queued).toBe(1);
    expect(smtp.to(mail('zh'))).toHaveLength(2);
    expect(smtp.to(mail('en'))).toHaveLength(1);
    expect((await invitations()).zh?.delivery?.sendCount).toBe(2);
  });

  it('unsubscribe: a GET asks, the POST sets do-not-contact (audited), and later sends skip the person', async () => {
    const link = linkIn(smtp.to(mail('en'))[0]!, 'unsubscribe');
    const asked = await fetch(link);
    expect(asked.status).toBe(200);
    const dnc = async () => {
      const res = await server.gql<{ node: { doNotContact: boolean } }>(
        'query ($id: ID!) { node(id: $id) { ... on Person { doNotContact } } }',
        { id: ids.en },
        { role: 'staff' },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data?.node?.doNotContact;
    };
    expect(await dnc()).toBe(false);
    const done = await post(link, { confirm: 'yes' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('unsubscribed');
    expect(await dnc()).toBe(true);
    const audit = await server.db.read<{ actor: string }>(
      `MATCH (c:Change {entityId: $id}) WHERE c.changes CONTAINS 'unsubscribe link'
       RETURN c.actor AS actor`,
      { id: ids.en.split(':')[1] },
    );
    expect(audit.map((a) => a.actor)).toEqual([`Person:${ids.en.split(':')[1]}`]);

    await sendAndWait({ event: ids.event, invitations: [inv.en], resend: true });
    expect(smtp.to(mail('en'))).toHaveLength(1);
    expect((await invitations()).en?.delivery?.status).toBe('skipped');
  });
});

describe('a sending job resumed after a crash', () => {
  it('does not mail again an invitation caught mid-send, and sends the ones still queued', async () => {
    const raw = (id: string) => id.split(':')[1] as string;
    const jobId = `${p}job`;
    // As a server that died inside the SMTP call leaves them: one claimed, one still queued.
    await server.db.writeTx(async (tx) => {
      await tx.run(
        `MATCH ()-[r:INVITED_TO {id: $id}]->() SET r.delivery = 'sending', r.deliveryJob = $jobId`,
        { id: raw(inv.zh!), jobId },
      );
      await tx.run(
        `MATCH ()-[r:INVITED_TO {id: $id}]->() SET r.delivery = 'queued', r.deliveryJob = $jobId`,
        { id: raw(inv.refused!), jobId },
      );
    });
    const before = smtp.messages.length;
    await server.jobs.start(
      'send-invitations',
      { eventId: raw(ids.event) },
      {
        actor: 'test',
        id: jobId,
      },
    );
    expect((await server.jobs.wait(jobId))?.status).toBe('done');
    const rows = await invitations();
    expect(rows.zh?.delivery?.status).toBe('failed');
    expect(rows.zh?.delivery?.error).toMatch(/may have gone out/);
    expect(rows.refused?.delivery?.error).toMatch(/550/);
    expect(smtp.messages.length).toBe(before);
    await server.db.writeTx((tx) =>
      tx.run('MATCH (j:Job {id: $jobId}) DETACH DELETE j', { jobId }),
    );
  });
});

describe('the RSVP link', () => {
  it('accepts through the public page: status, seats and history (channel link) change, and a confirmation with the .ics is mailed', async () => {
    const link = linkIn(smtp.to(mail('zh'))[0]!, 'rsvp');
    const answered = await post(link, { answer: 'accept_with_colleague' });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('已收到您的回复');
    const rows = await invitations();
    expect(rows.zh?.status).toBe('accepted');
    expect(rows.zh?.history.at(-1)).toEqual({
      status: 'accepted',
      channel: 'link',
      by: `Person:${ids.zh.split(':')[1]}`,
    });
    const seats = await server.gql<{ node: { seatsTaken: number } }>(
      'query ($id: ID!) { node(id: $id) { ... on Event { seatsTaken } } }',
      { id: ids.event },
      { role: 'staff' },
    );
    expect(seats.data?.node.seatsTaken).toBe(2);
    const [confirmation] = await smtp.waitFor((m) => m.subject === `报名确认：${p}光谷校友专场`);
    expect(confirmation?.attachments.some((a) => a.filename === 'invitation.ics')).toBe(true);

    const ics = await fetch(`${link}/calendar.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
  });

  it('a tampered link gets a clear page and changes nothing', async () => {
    const link = linkIn(smtp.to(mail('refused'))[0] ?? smtp.to(mail('zh'))[0]!, 'rsvp');
    const before = await invitations();
    const tampered = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const page = await fetch(tampered);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('链接无效');
    const answered = await post(tampered, { answer: 'decline' });
    expect(answered.status).toBe(404);
    // Another invitation's id under this signature is refused too.
    const [, signature] = link.split('/rsvp/')[1]!.split('.');
    const other = `${server.url}/rsvp/${inv.refused!.split(':')[1]}.${signature}`;
    expect((await post(other, { answer: 'accept' })).status).toBe(404);
    expect(await invitations()).toEqual(before);
  });

  it('a link of an event that is over gets an "expired" page and changes nothing', async () => {
    const past = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
      input: {
        name: `${p}往届专场`,
        kind: 'forum',
        startsAt: '2020-01-01T10:00:00+08:00',
        timeZone: 'Asia/Shanghai',
      },
    });
    await mutate(server, 'inviteToEvent', '$input: InviteInput!', 'input: $input', 'invited', {
      input: { event: past.data.id, people: [ids.zh] },
    });
    const rows = await server.db.read<{ id: string }>(
      'MATCH (:Person)-[r:INVITED_TO]->(e:Event {id: $id}) RETURN r.id AS id',
      { id: past.data.id.split(':')[1] },
    );
    const { invitationLink } = await import('../../schema/outreach/delivery/delivery.ts');
    const link = invitationLink(server.delivery, 'rsvp', rows[0]!.id);
    const page = await fetch(link);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('邀请已结束');
    expect((await post(link, { answer: 'accept' })).status).toBe(410);
    const status = await server.db.read<{ status: string }>(
      'MATCH ()-[r:INVITED_TO {id: $id}]->() RETURN r.status AS status',
      { id: rows[0]!.id },
    );
    expect(status[0]?.status).toBe('invited');
  });
});

describe('without SMTP', () => {
  it('says e-mail is off, refuses to send, and lets staff mark invitations sent by hand', async () => {
    const off = await startTestServer();
    try {
      const channels = await off.gql<{
        invitationChannels: { channel: string; enabled: boolean }[];
      }>('{ invitationChannels { channel enabled } }', {}, { role: 'staff' });
      expect(channels.data?.invitationChannels).toEqual([
        { channel: 'email', enabled: false },
        { channel: 'manual', enabled: true },
      ]);
      const refused = await mutate(
        off,
        'sendInvitations',
        '$input: SendInvitationsInput!',
        'input: $input',
        'queued',
        { input: { event: ids.event } },
      );
      expect(refused.__typename).toBe('ConflictError');
      expect(refused.message).toMatch(/SMTP_URL/);
      const marked = await off.gql<{ markInvitationsSent: { data: number } }>(
        `mutation ($ids: [ID!]!) { markInvitationsSent(invitations: $ids) {
           ... on MutationMarkInvitationsSentSuccess { data } } }`,
        { ids: [inv.refused, inv.dnc] },
        { role: 'staff' },
      );
      expect(marked.data?.markInvitationsSent.data).toBe(1);
      const rows = await invitations();
      expect(rows.refused?.delivery).toMatchObject({ status: 'sent', channel: 'manual' });
      expect(rows.dnc?.delivery?.status).toBe('skipped');
    } finally {
      await off.close();
    }
  });
});
