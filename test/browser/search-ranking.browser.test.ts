import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntity } from '../api/outreach-helpers.ts';
import { type BrowserApp, openBrowserApp, signInWithForm } from '../helpers/browser-app.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import type { TestServer } from '../helpers/test-server.ts';

/**
 * The search box in headless Chromium on the demo graph: an exact name comes first, above entities
 * that merely contain it (华中科技 lists the university above its alumni associations), even when the
 * exact one is of a kind the list shows later; an empty result says what was searched and why
 * nothing was found, in both languages.
 */

const p = testPrefix('wsr');
let server: TestServer;
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page } = app);
  // An organisation with the exact name, and a person whose name merely contains it.
  await createEntity(server, 'Organization', { name: `${p}光谷`, type: 'enterprise' });
  await createEntity(server, 'Person', { name: `${p}光谷人` });
  const viewer = await createTestAccount(server.db, 'viewer', { name: `${p}访客` });
  await signInWithForm(app, viewer);
}, 240_000);

afterAll(async () => {
  if (!app) return;
  await removeTestData(server.db, p);
  await app.close();
});

/** Types `text` into the explorer's search box; resolves with the hits once they answer it. */
async function hitsFor(text: string): Promise<{ name: string; type: string }[]> {
  const input = page.locator('#search');
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
  await page
    .locator('#search-results[data-state="hits"]')
    .and(page.locator(`[data-query="${text}"]`))
    .waitFor({ timeout: 20_000 });
  return page.locator('#search-results .hit').evaluateAll((buttons) =>
    buttons.map((b) => ({
      name: b.querySelector('.hit-name')?.textContent ?? '',
      type: b.getAttribute('data-type') ?? '',
    })),
  );
}

describe('search ranking and empty results', () => {
  it('lists the exact name above names that contain it', async () => {
    await page.locator('#search').waitFor({ timeout: 30_000 });
    for (const text of ['华中科技大学', '华中科技']) {
      const hits = await hitsFor(text);
      expect(hits[0], text).toEqual({ name: '华中科技大学', type: 'Organization' });
      // Its alumni associations are there, below it.
      const associations = hits.filter((h) => /^华中科技大学.+校友会$/.test(h.name));
      expect(associations.length, text).toBeGreaterThan(0);
    }
    // The exact organisation above the person, though people come first in the legend.
    const hits = (await hitsFor(`${p}光谷`)).map((h) => `${h.type} ${h.name}`);
    expect(hits[0]).toBe(`Organization ${p}光谷`);
    expect(hits.indexOf(`Person ${p}光谷人`)).toBeGreaterThan(0);
    // The first hit is also the one Enter takes.
    expect(await page.locator('#search-results .hit').first().getAttribute('data-type')).toBe(
      'Organization',
    );
  });

  it('says why a search found nothing, in either language', async () => {
    const text = `${p}无此名`;
    const input = page.locator('#search');
    await input.fill('');
    await input.pressSequentially(text, { delay: 20 });
    const empty = page
      .locator('#search-results[data-state="status"]')
      .and(page.locator(`[data-query="${text}"]`))
      .locator('.search-empty');
    await empty.waitFor({ timeout: 20_000 });
    expect(await empty.textContent()).toBe(
      `没有与「${text}」相符的人物、机构、地点、领域或项目：名称、拼音、首字母、简称和别名都查过了。请检查用字，或只输入名称的一部分。`,
    );
    await page.locator('#lang-toggle').click();
    await page.locator('#search-results .search-empty', { hasText: 'No ' }).waitFor();
    expect(await page.locator('#search-results .search-empty').textContent()).toBe(
      `No Person, Organization, Place, Field or Project matches “${text}” by name, pinyin, initials, short form or alias. Check the spelling, or type part of the name.`,
    );
    await page.locator('#lang-toggle').click();
  });
});
