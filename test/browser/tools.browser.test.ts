import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  openBrowserApp,
  screenshots,
  signInWithForm,
} from '../helpers/browser-app.ts';
import {
  ldbcFixtureFiles,
  ldbcFixtures,
  ldbcRows,
  ldbcTestMapping,
  removeDataset,
} from '../helpers/ldbc-dataset.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import type { TestServer } from '../helpers/test-server.ts';

/**
 * The tool screens in a real headless Chromium against the real app and the run's Neo4j with the
 * demo graph: import a roster with a bad row (preview, run), a dataset of several files through the
 * wizard (a missing file named, a bad row by file and line, the good rows kept), save a view with a story step and
 * present it, and an admin creating an account. Screenshots go to test/.artifacts/screenshots/.
 */

const p = testPrefix('tools');

declare global {
  interface Window {
    __cy?: Core;
  }
}

let server: TestServer;
let app: BrowserApp;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page, pageErrors } = app);
});

afterAll(async () => {
  if (app) {
    await removeDataset(server.db, `${p}ldbc`);
    await removeTestData(server.db, p);
    await app.close();
  }
});

async function signIn(role: 'staff' | 'admin' | 'viewer', name: string) {
  const account = await createTestAccount(server.db, role, { name });
  await signInWithForm(app, account, name);
  return account;
}

const menu = () =>
  page
    .locator('nav .nav-link')
    .evaluateAll((links) => links.map((l) => l.getAttribute('data-route')));

describe('tool screens', { timeout: 120_000 }, () => {
  it('shows the menu items a role may use', async () => {
    await signIn('viewer', `${p}访客`);
    expect(await menu()).toEqual(['explore', 'paths', 'maps', 'views']);
    // A viewer typing the address of an editor screen gets nothing rendered.
    await page.goto(`${server.url}/#/import`);
    // The route has been taken once the explorer is hidden; the import screen is not there (a staff
    // member's is, in the next test).
    await page.locator('#explorer').waitFor({ state: 'hidden' });
    expect(await page.locator('#import').count()).toBe(0);
    await signIn('staff', `${p}工作人员`);
    expect(await menu()).toEqual([
      'explore',
      'paths',
      'maps',
      'views',
      'people',
      'segments',
      'events',
      'pipeline',
      'follow-ups',
      'report',
      'consultants',
      'import',
      'duplicates',
    ]);
  });

  it('imports a roster: preview shows the bad row, the run lands the good rows', async () => {
    await page.goto(`${server.url}/#/import`);
    await page.locator('#import').waitFor();
    const csv = [
      '姓名,出生年份,籍贯,工作单位,职务',
      `${p}周明,1978,运城,华中科技大学,教授`,
      `${p}李华,1985,武汉,武汉大学,研究员`,
      `${p}吴刚,2099,运城,,`,
    ].join('\r\n');
    await page.getByLabel('名册文件（CSV 或 .xlsx）').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByLabel('人才库（在外人才）').check();
    await page.locator('#import-preview').click();
    const totals = page.locator('#preview-totals');
    await totals.waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => !document.getElementById('import-preview')?.hasAttribute('disabled'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await totals.textContent()).toContain('共 3 行');
    expect(await totals.textContent()).toContain('拒绝 1');
    const bad = page.locator('.preview-rows tr[data-line="4"]');
    expect(await bad.getAttribute('data-action')).toBe('reject');
    // The reason in words: the field's name and what is wrong, no code or English.
    expect(await bad.textContent()).toContain('出生年份：不能是将来的年份');
    const rejected = await page.locator('.rejected-rows tr[data-line="4"]').textContent();
    expect(rejected).toContain('不能是将来的年份');
    expect(rejected).not.toMatch(/birthYear|must not/);
    // The good rows' ties in words too (任职 …, 籍贯/出生地 …), never WORKED_AT.
    const good = await page.locator('.preview-rows tr[data-line="2"]').textContent();
    expect(good).toContain('华中科技大学');
    expect(good).not.toMatch(/[A-Z]{2,}_[A-Z]+/);
    expect(await page.locator('.preview-rows tr[data-action="create"]').count()).toBe(2);
    // A dry run writes nothing.
    const before = await server.db.read<{ n: number }>(
      'MATCH (n:Person) WHERE n.name STARTS WITH $p RETURN count(n) AS n',
      { p },
    );
    expect(before[0]?.n).toBe(0);
    await page.screenshot({ path: `${screenshots}import-preview.png` });

    await page.locator('#import-run').click();
    await page.waitForFunction(
      () => document.getElementById('run-totals')?.textContent?.includes('新建 2'),
      undefined,
      { timeout: 60_000 },
    );
    // The totals can show before the job's last progress report: wait for the job to be done.
    await page.locator('#progress-title', { hasText: '已完成' }).waitFor({ timeout: 60_000 });
    const progress = page.locator('#import-progress');
    // Done means every row was dealt with: the bar is full (the bad row is listed, not written).
    expect(await progress.getAttribute('value')).toBe('3');
    expect(await progress.getAttribute('max')).toBe('3');
    expect(await page.locator('#progress-title').textContent()).toContain('已完成');
    expect(await page.locator('#import-job .rejected-rows tr[data-line="4"]').count()).toBe(1);
    const landed = await server.db.read<{ name: string }>(
      'MATCH (n:Person) WHERE n.name STARTS WITH $p AND NOT n.deleted RETURN n.name AS name ORDER BY name',
      { p },
    );
    expect(landed.map((r) => r.name).sort()).toEqual([`${p}周明`, `${p}李华`].sort());
    await page.screenshot({ path: `${screenshots}import-run.png` });
  });

  it('imports a dataset of several files: names a missing file, a bad row by file and line', async () => {
    // The LDBC fixture files with one bad knows row (line 4), and a mapping of this test's own.
    const dir = mkdtempSync(join(tmpdir(), 'talentgraph-wizard-'));
    cpSync(ldbcFixtures, dir, { recursive: true });
    const knowsFile = 'dynamic/person_knows_person_0_0.csv';
    const lines = readFileSync(join(dir, knowsFile), 'utf8').split('\n');
    lines[3] = `${lines[3]?.split('|')[0]}|999999999|${lines[3]?.split('|')[2]}`;
    writeFileSync(join(dir, knowsFile), lines.join('\n'));
    const mappingPath = join(dir, 'mapping.json');
    writeFileSync(mappingPath, JSON.stringify(ldbcTestMapping(`${p}ldbc`, p)));
    const files = ldbcFixtureFiles()
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(dir, f));

    await page.goto(`${server.url}/#/import`);
    await page.locator('#dataset-import').waitFor();
    // The committed mappings have arrived (Preact sets an option's value as a property, not an attribute).
    await page
      .locator('#dataset-mapping option', { hasText: 'ldbc-snb' })
      .waitFor({ state: 'attached' });
    await page.locator('#dataset-mapping').selectOption('');
    await page.locator('#dataset-mapping-file').setInputFiles(mappingPath);
    await page.locator('#dataset-files').setInputFiles(files.filter((f) => !f.endsWith(knowsFile)));
    expect(await page.locator('#dataset-missing').textContent()).toContain(
      'person_knows_person_0_0.csv',
    );
    expect(await page.locator('#dataset-check').isDisabled()).toBe(true);
    await page.locator('#dataset-files').setInputFiles(files);
    expect(await page.locator('.dataset-files li[data-chosen="true"]').count()).toBe(files.length);

    await page.locator('#dataset-check').click();
    await page
      .locator('#dataset-job[data-status="checked"][data-dry-run="true"]')
      .waitFor({ timeout: 120_000 });
    const bad = page.locator(`#dataset-rejections tr[data-file="${knowsFile}"][data-line="4"]`);
    expect(await bad.textContent()).toContain('999999999');
    const before = await server.db.read('MATCH (x:ExternalId {dataset: $d}) RETURN x LIMIT 1', {
      d: `${p}ldbc`,
    });
    expect(before).toEqual([]);

    // Keeping the good rows: every person lands, the one bad tie does not.
    await page.locator('#dataset-import label.check input').first().check();
    // The duplicate scan rewrites the whole review queue, which other test files check.
    await page.locator('#dataset-scan').uncheck();
    await page.locator('#dataset-run').click();
    await page
      .locator('#dataset-job[data-status="done"][data-dry-run="false"]')
      .waitFor({ timeout: 300_000 });
    const persons = ldbcRows('dynamic/person_0_0.csv').length;
    const personsRow = page.locator('.dataset-summary tr[data-path="dynamic/person_0_0.csv"]');
    expect(await personsRow.locator('td[data-col="created"]').textContent()).toBe(
      persons.toLocaleString('zh-CN'),
    );
    const knowsRow = page.locator(`.dataset-summary tr[data-path="${knowsFile}"]`);
    expect(await knowsRow.locator('td[data-col="rejected"]').textContent()).toBe('1');
    const landed = await server.db.read<{ n: number }>(
      `MATCH (:ExternalId {dataset: $d, label: 'Person'})-[:IDENTIFIES]->(n:Person) RETURN count(n) AS n`,
      { d: `${p}ldbc` },
    );
    expect(landed[0]?.n).toBe(persons);
    await page.screenshot({ path: `${screenshots}import-dataset.png`, fullPage: true });
  }, 600_000);

  it('saves a view with a story step, lists it, and presents it', async () => {
    await page.goto(`${server.url}/#/explore`);
    const input = page.locator('#search');
    await input.fill('');
    await input.pressSequentially('华中科技大学', { delay: 20 });
    const hit = page.locator('#search-results .hit', { hasText: '华中科技大学' }).first();
    await hit.waitFor({ timeout: 15_000 });
    const hustId = (await hit.getAttribute('data-id'))!;
    await hit.click();
    // 华中科技大学's hundreds of alumni come held in group nodes (by city): wait until every group
    // has its facts and nothing moves.
    const settled = () =>
      page.waitForFunction(
        () =>
          (window.__cy?.nodes('.group').length ?? 0) > 1 &&
          !window.__cy!.nodes('.pending').length &&
          document.getElementById('graph')?.dataset.layout === 'idle',
        undefined,
        { timeout: 60_000 },
      );
    await settled();
    // Open the biggest group, so the picture has people taken out of a group beside the groups.
    // (The double-click itself is tested in explorer-scale.browser.test.ts.)
    const biggest = await page.evaluate(() => {
      const node = window.__cy!.nodes('.group').max((n) => n.data('count') as number).ele;
      return { id: node.id(), count: node.data('count') as number };
    });
    expect(biggest.count).toBeGreaterThan(40);
    // A block: emit() returns the collection, which Playwright would copy out of the page.
    await page.evaluate((id) => {
      window.__cy!.getElementById(id).emit('dbltap');
    }, biggest.id);
    await page.waitForFunction(
      ([id, left]) => window.__cy!.getElementById(id as string).data('count') === left,
      [biggest.id, biggest.count - 40] as const,
      { timeout: 20_000 },
    );
    await settled();
    /** What is on screen: people (and other entities) by id, groups with their counts and labels. */
    const picture = () =>
      page.evaluate(() => ({
        entities: window
          .__cy!.nodes()
          .not('.group')
          .map((n) => n.id())
          .sort(),
        groups: window
          .__cy!.nodes('.group')
          .map((n) => ({
            id: n.id(),
            count: n.data('count') as number,
            label: n.data('label') as string,
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      }));
    const saved = await picture();
    // The hub and the 40 people opened out of the group, and the groups with what they still hold.
    expect(saved.entities).toContain(hustId);
    expect(saved.entities.length).toBeGreaterThanOrEqual(41);
    expect(saved.groups.find((g) => g.id === biggest.id)?.count).toBe(biggest.count - 40);
    const drawn = saved.entities.length + saved.groups.length;
    const groupLabel = saved.groups.find((g) => g.id === biggest.id)!.label;

    await page.locator('#save-view').click();
    await page.getByLabel('标题').fill(`${p} 校友路径`);
    await page.getByLabel('备注').fill('how we reach her');
    await page.locator('#add-step').click();
    await page.getByLabel('第 1 步说明').fill('先从母校开始');
    const stepNodes = page.getByLabel('第 1 步高亮的节点');
    const offered = await stepNodes.evaluate((s: HTMLSelectElement) =>
      [...s.selectedOptions].map((o) => o.value),
    );
    expect(offered).toEqual([hustId]);
    // The step highlights the university and the group the people were opened from.
    await stepNodes.selectOption([{ label: '华中科技大学' }, { label: groupLabel }]);
    const chosen = await stepNodes.evaluate((s: HTMLSelectElement) =>
      [...s.selectedOptions].map((o) => o.value).sort(),
    );
    expect(chosen).toEqual([hustId, biggest.id].sort());
    await page.locator('.save-view button[type=submit]').click();
    await page
      .locator('#status', { hasText: `已保存: ${p} 校友路径` })
      .waitFor({ timeout: 15_000 });

    await page.goto(`${server.url}/#/views`);
    const item = page.locator('.view-item', { hasText: `${p} 校友路径` });
    await item.waitFor();
    expect(await item.textContent()).toContain('1 个步骤');
    await page.screenshot({ path: `${screenshots}saved-views.png` });

    // Clear the graph first, so the reopened view is drawn from the server.
    await page.evaluate(() => {
      window.__cy!.elements().remove();
    });
    await item.getByRole('link', { name: '演示' }).click();
    const presenter = page.locator('#presenter');
    await presenter.waitFor({ timeout: 20_000 });
    expect(await presenter.locator('.presenter-text').textContent()).toBe('先从母校开始');
    expect(await page.locator('#presenter-step').textContent()).toBe('第 1 / 1 步');
    // The same picture: the same entities, and each group back as a group with its member count.
    expect(await page.evaluate(() => window.__cy!.nodes().length)).toBe(drawn);
    expect(await picture()).toEqual(saved);
    const highlighted = await page.evaluate(() =>
      window.__cy!.nodes('.on-path').map((n) => n.id()),
    );
    expect(highlighted.sort()).toEqual([hustId, biggest.id].sort());
    expect(await page.evaluate(() => window.__cy!.nodes('.faded').length)).toBe(drawn - 2);
    await page.screenshot({ path: `${screenshots}presenter.png` });
    await presenter.getByRole('button', { name: '结束演示' }).click();
    // Leaving the presentation restores the graph's styles on the next frame, not at once.
    await page.waitForFunction(() => window.__cy!.nodes('.faded').length === 0, undefined, {
      timeout: 10_000,
    });
  });

  it('lets an admin create an account', async () => {
    await signIn('admin', `${p}管理员`);
    expect(await menu()).toContain('admin');
    await page.goto(`${server.url}/#/admin`);
    await page.locator('#account-table').waitFor();
    const email = `${p}.new@test.local`;
    await page.locator('#new-email').fill(email);
    await page.locator('#new-name').fill(`${p}新同事`);
    await page.locator('#new-password').fill('a long enough password');
    await page.locator('#new-role').selectOption('consultant');
    await page.locator('#new-account button[type=submit]').click();
    await page.locator(`#account-table tr[data-email="${email}"]`).waitFor({ timeout: 15_000 });
    const rows = await server.db.read<{ role: string }>(
      'MATCH (a:Account {email: $email}) RETURN a.role AS role',
      { email },
    );
    expect(rows).toEqual([{ role: 'consultant' }]);
    await page.screenshot({ path: `${screenshots}admin.png` });
    await server.db.writeTx((tx) =>
      tx.run('MATCH (a:Account {email: $email}) DETACH DELETE a', { email }),
    );
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
