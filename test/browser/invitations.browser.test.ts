import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationLink } from '../../schema/outreach/delivery/delivery.ts';
import { createEntity, mutate, removeOutreachData } from '../api/outreach-helpers.ts';
import {
  type BrowserApp,
  openBrowserApp,
  screenshots,
  signInWithForm,
} from '../helpers/browser-app.ts';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';

/**
 * The invitee's side of an invitation (issue #18) in headless Chromium: their personal RSVP link,
 * opened on a phone-sized screen without an account, accepts; the staff's event page then shows the
 * seat taken and the answer given through the link. A tampered link gets a clear page and changes
 * nothing. This server has no SMTP, so the event page also says that e-mail is off.
 */

const p = testPrefix('webrsvp');
let app: BrowserApp;
let page: Page;
let staff: TestAccount;
const made: Record<string, string> = {};
let link = '';

beforeAll(async () => {
  app = await openBrowserApp();
  ({ page } = app);
  const { server } = app;
  staff = await createTestAccount(server.db, 'staff', { name: `${p}招才局` });
  const event = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
    input: {
      name: `${p}光谷校友专场`,
      kind: 'special_session',
      startsAt: '2099-03-01T14:30:00+08:00',
      timeZone: 'Asia/Shanghai',
      venue: '光谷会议中心',
      capacity: 3,
    },
  });
  made.event = event.data.id;
  made.person = await createEntity(server, 'Person', {
    name: `${p}陈明`,
    title: '研究员',
    consentStatus: 'granted',
  });
  await mutate(server, 'inviteToEvent', '$input: InviteInput!', 'input: $input', 'invited', {
    input: { event: made.event, people: [made.person] },
  });
  const rows = await server.db.read<{ id: string }>(
    'MATCH (:Person)-[r:INVITED_TO]->(:Event {id: $id}) RETURN r.id AS id',
    { id: made.event.split(':')[1] },
  );
  link = invitationLink(server.delivery, 'rsvp', rows[0]!.id);
}, 240_000);

afterAll(async () => {
  if (!app) return;
  await removeOutreachData(app.server, p);
  await app.server.db.writeTx((tx) =>
    tx.run('MATCH (e:Event) WHERE e.name STARTS WITH $p DETACH DELETE e', { p }),
  );
  await removeTestData(app.server.db, p);
  await app.close();
});

const seats = async () => (await page.locator('#event-seats').textContent()) ?? '';

describe('the RSVP link', () => {
  it('accepts on a phone without an account, and the event page counts change; a tampered link changes nothing', async () => {
    await signInWithForm(app, staff);
    await page.goto(`${app.server.url}/#/events?event=${encodeURIComponent(made.event)}`);
    await page.locator('#event-seats').waitFor();
    expect(await seats()).toContain('已确认 0 / 3');
    expect(await page.locator('#mail-off').textContent()).toContain('邮件未开启');

    const phone = await page
      .context()
      .browser()!
      .newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      const opened = await phone.goto(link);
      expect(opened?.status()).toBe(200);
      expect(await phone.locator('h1').textContent()).toBe(`${p}光谷校友专场`);
      expect(await phone.locator('body').textContent()).toContain(`${p}陈明`);
      // Readable on a phone: nothing wider than the screen.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await phone.getByRole('button', { name: '接受邀请' }).click();
      await phone.locator('[role=alert]', { hasText: '已收到您的回复' }).waitFor();
      expect(await phone.locator('[role=status]').getAttribute('data-status')).toBe('accepted');
      await phone.screenshot({ path: `${screenshots}rsvp-phone.png`, fullPage: true });

      await page.reload();
      await page.locator('#event-seats').waitFor();
      expect(await seats()).toContain('已确认 1 / 3');
      const row = page.locator('#invitation-table tbody tr').first();
      expect(await row.getAttribute('data-status')).toBe('accepted');
      expect(await row.locator('.answered-by-link').count()).toBe(1);

      const tampered = `${link.slice(0, -4)}${link.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      const refused = await phone.goto(tampered);
      expect(refused?.status()).toBe(404);
      expect(await phone.locator('body').textContent()).toContain('链接无效');
      expect(await phone.locator('body').textContent()).toContain('Link not valid');
      expect(await phone.getByRole('button').count()).toBe(0);
      await page.reload();
      await page.locator('#event-seats').waitFor();
      expect(await seats()).toContain('已确认 1 / 3');
    } finally {
      await phone.close();
    }
  });

  it('edits the event’s place; the page says it changed and, with e-mail off, whom to tell by hand', async () => {
    // Continues on the event page of the test above, with one invitee accepted.
    expect(await page.locator('#event-changed').count()).toBe(0);
    await page.locator('#event-change summary').click();
    await page.locator('#event-edit-venue').fill('光谷科技会展中心');
    await page.locator('#event-edit button[type=submit]').click();
    await page.locator('#event-changed').waitFor();
    await page.locator('#notify-mail-off', { hasText: '1 人' }).waitFor();
    expect(await page.locator('#event-change').getAttribute('data-owed')).toBe('1');
    const saved = await app.server.db.read<{ venue: string }>(
      'MATCH (e:Event {id: $id}) RETURN e.venue AS venue',
      { id: made.event.split(':')[1] },
    );
    expect(saved[0]?.venue).toBe('光谷科技会展中心');
  });
});
