import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, openBrowserApp, signInWithForm } from '../helpers/browser-app.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import type { TestServer } from '../helpers/test-server.ts';

/**
 * The shell around the screens, in a real headless Chromium: a role that opens a screen not theirs is
 * told why (in both languages) and shown the way back, the status line belongs to one screen, the menu
 * comes in groups, and the import screen picks its file with a button in our words.
 */

const p = testPrefix('shell');

let server: TestServer;
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page } = app);
}, 240_000);

afterAll(async () => {
  if (app) {
    await server.db.writeTx((tx) =>
      tx.run('MATCH (s:Segment) WHERE s.name STARTS WITH $p DETACH DELETE s', { p }),
    );
    await removeTestData(server.db, p);
    await app.close();
  }
});

async function signIn(role: 'viewer' | 'staff' | 'admin') {
  const account = await createTestAccount(server.db, role, { name: `${p}${role}` });
  await signInWithForm(app, account, `${p}${role}`);
}

const statusText = async () => (await page.locator('#status').textContent()) ?? '';

describe('the shell', { timeout: 180_000 }, () => {
  it('tells a viewer why a screen is not theirs, in either language, with the way back', async () => {
    await signIn('viewer');
    for (const [route, screen, roles] of [
      ['import', '导入', '工作人员和管理员'],
      ['people', '人才库', '招才顾问、工作人员和管理员'],
      ['admin', '管理', '管理员'],
    ] as const) {
      await page.goto(`${server.url}/#/${route}`);
      const notice = page.locator(`#no-access[data-route="${route}"]`);
      await notice.waitFor();
      expect(await notice.locator('[role=alert]').textContent()).toBe(
        `「${screen}」仅对${roles}开放，您当前的角色是访客。`,
      );
      // Not sent to the explorer: it stays hidden, and the way back is a link.
      expect(await page.locator('#explorer').isVisible()).toBe(false);
      expect(await notice.locator('a[href="#/explore"]').textContent()).toBe('返回探索');
    }
    await page.locator('#lang-toggle').click();
    await page.locator('#no-access [role=alert]', { hasText: 'Admin' }).waitFor();
    expect(await page.locator('#no-access [role=alert]').textContent()).toBe(
      'Admin is for admins; you are signed in as Viewer.',
    );
    await page.locator('#lang-toggle').click();
    await page.locator('#no-access a', { hasText: '返回探索' }).click();
    await page.locator('#explorer').waitFor();
  });

  it('groups the menu: the graph for everyone, outreach and data for the roles that use them', async () => {
    const groups = () =>
      page.locator('nav .nav-group').evaluateAll((lists) =>
        lists.map((l) => ({
          group: l.getAttribute('aria-label'),
          routes: [...l.querySelectorAll('.nav-link')].map((a) => a.getAttribute('data-route')),
        })),
      );
    expect(await groups()).toEqual([
      { group: '图谱', routes: ['explore', 'paths', 'maps', 'views'] },
    ]);
    await signIn('admin');
    expect(await groups()).toEqual([
      { group: '图谱', routes: ['explore', 'paths', 'maps', 'views'] },
      {
        group: '外联',
        routes: ['people', 'segments', 'events', 'pipeline', 'follow-ups', 'report', 'consultants'],
      },
      { group: '数据与账号', routes: ['import', 'duplicates', 'admin'] },
    ]);
  });

  it('keeps a status message on the screen that said it', async () => {
    await signIn('staff');
    await page.goto(`${server.url}/#/people`);
    await page.locator('#people-rows li').first().waitFor({ timeout: 60_000 });
    await page.locator('#segment-name').fill(`${p}全部`);
    await page.locator('#save-segment button[type=submit]').click();
    await page.locator('#status', { hasText: `已保存人群「${p}全部」` }).waitFor();
    // Another screen starts with an empty line …
    await page.locator('nav .nav-link[data-route="events"]').click();
    await page.locator('#events').waitFor();
    expect(await statusText()).toBe('');
    // … and coming back does not bring the old message back.
    await page.locator('nav .nav-link[data-route="people"]').click();
    await page.locator('#people').waitFor();
    expect(await statusText()).toBe('');
  });

  it('picks a roster with a button in our words, naming the chosen file', async () => {
    await page.goto(`${server.url}/#/import`);
    const picker = page.locator('#import label.file-button', { has: page.locator('#import-file') });
    await picker.waitFor();
    expect(await picker.textContent()).toBe('选择名册文件…');
    // The browser's own button (which says "Choose file" in the browser's language) is not shown.
    const box = await page.locator('#import-file').boundingBox();
    expect(box && box.width <= 1 && box.height <= 1).toBe(true);
    await page.locator('#import-file').setInputFiles({
      name: `${p}名册.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from('姓名\r\n', 'utf8'),
    });
    await page.locator('#import label.file-button', { hasText: `${p}名册.csv` }).waitFor();
    expect(await page.locator('#import-preview').isEnabled()).toBe(true);
  });
});
