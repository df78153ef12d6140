import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEntity,
  createEvent,
  invitePeople,
  mutate,
  removeOutreachData,
} from '../api/outreach-helpers.ts';
import {
  type BrowserApp,
  openBrowserApp,
  screenshots,
  signInWithForm,
} from '../helpers/browser-app.ts';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import type { TestServer } from '../helpers/test-server.ts';

/**
 * An event's invitations in headless Chromium against the real app: each row shows its own status
 * (a waitlisted person reads 候补, never 已邀请), selected rows change status together in one
 * transaction (only moves every selected row allows are offered; a refusal names the row and changes
 * nothing), and every event time carries its time zone, also for an event that recorded none.
 */

const p = testPrefix('webinv');
let server: TestServer;
let app: BrowserApp;
let page: Page;
let staff: TestAccount;
const made: Record<string, string> = {};
const people: string[] = [];

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page } = app);
  staff = await createTestAccount(server.db, 'staff', { name: `${p}招才局` });
  made.event = await createEvent(server, {
    name: `${p}东京校友专场`,
    kind: 'special_session',
    startsAt: '2099-03-01T14:30:00+09:00',
    timeZone: 'Asia/Tokyo',
    capacity: 2,
  });
  // An event written without a zone (as older and demo events are).
  made.bare = await createEvent(server, {
    name: `${p}无时区专场`,
    kind: 'forum',
    startsAt: '2099-03-02T06:00:00Z',
    timeZone: 'Asia/Shanghai',
  });
  await server.db.writeTx((tx) =>
    tx.run('MATCH (e:Event {id: $id}) REMOVE e.timeZone', { id: made.bare!.split(':')[1] }),
  );
  for (const name of ['甲', '乙', '丙', '丁']) {
    people.push(
      await createEntity(server, 'Person', { name: `${p}${name}`, consentStatus: 'granted' }),
    );
  }
  expect(await invitePeople(server, made.event, people)).toBe(4);
  await mutate(
    server,
    'setEventStatus',
    '$id: ID!, $status: EventStatus!',
    'id: $id, status: $status',
    'status',
    { id: made.event, status: 'open' },
  );
}, 240_000);

afterAll(async () => {
  if (!app) return;
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await app.close();
});

const row = (name: string) =>
  page.locator('#invitation-table tbody tr', { has: page.locator(`a:text-is("${p}${name}")`) });

/** Each row as "name: the status badge's words [its data-status]", sorted by name. */
async function rows(): Promise<string[]> {
  const texts = await page.locator('#invitation-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const badge = tr.querySelector('.badge[data-status]') as HTMLElement;
      return `${tr.querySelector('a')?.textContent}: ${badge.textContent} [${tr.getAttribute('data-status')}]`;
    }),
  );
  return texts.map((t) => t.slice(p.length)).sort();
}

async function pick(...names: string[]) {
  if (await page.locator('#invitation-pick-all').isChecked()) {
    await page.locator('#invitation-pick-all').uncheck();
  }
  for (const box of await page.locator('.invitation-pick').all()) await box.uncheck();
  for (const name of names) await row(name).locator('.invitation-pick').check();
  await page.locator(`#bulk-status[data-selected="${names.length}"]`).waitFor();
}

const offered = () =>
  page
    .locator('#bulk-status select option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));

describe('event invitations', () => {
  it('changes the status of selected rows together; each row shows its own status', async () => {
    await signInWithForm(app, staff);
    await page.goto(`${server.url}/#/events?event=${encodeURIComponent(made.event!)}`);
    await page.locator('#invitation-table tbody tr').nth(3).waitFor({ timeout: 30_000 });
    expect(await rows()).toEqual([
      '丁: 已邀请 [invited]',
      '丙: 已邀请 [invited]',
      '乙: 已邀请 [invited]',
      '甲: 已邀请 [invited]',
    ]);

    // Three accept two seats, in one change: the third in table order is waitlisted.
    await pick('甲', '乙', '丙');
    expect(await offered()).toEqual(['accepted', 'declined', 'cancelled']);
    await page.locator('#bulk-status select').selectOption('accepted');
    await page.locator('#bulk-status button').click();
    await page
      .locator('#status', { hasText: '已改为「已接受」：3 人' })
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('#status').textContent()).toContain('其中 1 人因名额已满转入候补');
    await page.locator('#bulk-status[data-selected="0"]').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('#invitation-table tr[data-status="invited"]').length === 1,
    );
    const after = await rows();
    // The waitlisted row says so, with its place in the queue; nobody but 丁 reads 已邀请.
    expect(after.filter((r) => r.includes('[waitlisted]'))).toEqual([
      expect.stringMatching(/^.: 候补 #1 \[waitlisted\]$/),
    ]);
    expect(after.filter((r) => r.includes('已邀请'))).toEqual(['丁: 已邀请 [invited]']);
    expect(after.filter((r) => r.includes('[accepted]'))).toHaveLength(2);
    expect(await page.locator('#event-seats').textContent()).toContain('已确认 2 / 2');

    // Accepted and waitlisted together: only the moves both allow.
    const waitlisted = (after.find((r) => r.includes('[waitlisted]')) ?? '').slice(0, 1);
    const seated = after.filter((r) => r.includes('[accepted]')).map((r) => r.slice(0, 1));
    await pick(seated[0]!, waitlisted);
    expect(await offered()).toEqual(['declined', 'cancelled']);
    // Invited and accepted rows: accepting again leaves the accepted one as it is.
    await pick(seated[0]!, '丁');
    expect(await offered()).toContain('accepted');
    await page.locator('#invitation-pick-all').check();
    await page.locator('#bulk-status[data-selected="4"]').waitFor();
    expect(await offered()).toEqual(['declined', 'cancelled']);
    await page.screenshot({ path: `${screenshots}event-bulk-status.png`, fullPage: true });

    // Someone else marks one of the two seated as attended meanwhile: no-show for both is refused,
    // the refusal names that person, and the other seated person is still accepted.
    await pick(seated[0]!, seated[1]!);
    const table = await server.gql<{
      node: { invitations: { id: string; person: { name: string } }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id person { name } } } } }',
      { id: made.event },
      { role: 'staff' },
    );
    const idOf = (name: string) =>
      table.data!.node.invitations.find((i) => i.person.name === `${p}${name}`)!.id;
    const attended = await mutate(
      server,
      'setInvitationStatus',
      '$id: ID!, $status: InvitationStatus!',
      'id: $id, status: $status',
      'status',
      { id: idOf(seated[1]!), status: 'attended' },
    );
    expect(attended.data.status).toBe('attended');
    await page.locator('#bulk-status select').selectOption('no_show');
    await page.locator('#bulk-status button').click();
    const refusal = page.locator('#bulk-problem');
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toBe(
      `没有修改任何邀请：邀请不能从「已出席」改为「未出席」（${p}${seated[1]}）`,
    );
    const statusOf = async (name: string) =>
      (
        await server.gql<{ node: { invitations: { id: string; status: string }[] } }>(
          'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id status } } } }',
          { id: made.event },
          { role: 'staff' },
        )
      ).data!.node.invitations.find((i) => i.id === idOf(name))?.status;
    expect(await statusOf(seated[0]!)).toBe('accepted');
    // The table shows the rows as they are now; with an attended row among all of them, there is no
    // status they can all move to, and the bar says so instead of offering a menu.
    await row(seated[1]!).and(page.locator('[data-status="attended"]')).waitFor();
    await page.locator('#invitation-pick-all').check();
    await page.locator('#bulk-status[data-selected="4"]').waitFor();
    expect(await page.locator('#bulk-none').textContent()).toBe(
      '所选邀请当前的状态各不相同，没有一个状态是它们都能改成的',
    );
    expect(await offered()).toEqual([]);
  });

  it('shows every event time with its time zone, the viewer’s own when the event has none', async () => {
    await page.goto(`${server.url}/#/events`);
    const when = (id: string) => page.locator(`#event-table tr[data-id="${id}"] .event-when`);
    await when(made.event!).waitFor({ timeout: 20_000 });
    expect(await when(made.event!).textContent()).toMatch(/14:30 \(GMT\+9\)$/);
    // Headless Chromium runs in the machine's zone; whichever it is, it is named.
    const bare = (await when(made.bare!).textContent()) ?? '';
    expect(bare).toMatch(/\d{1,2}:\d{2} \((UTC|GMT)[^)]*\)$/);
    expect(await when(made.bare!).getAttribute('title')).toBe('未记录时区，按本机时区显示');
    expect(await when(made.event!).getAttribute('title')).toBeNull();
    await page.goto(`${server.url}/#/events?event=${encodeURIComponent(made.bare!)}`);
    await page.locator('#event-when').waitFor();
    expect(await page.locator('#event-when').textContent()).toBe(bare);
  });
});
