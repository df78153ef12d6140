import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTie, createEntity, mutate, removeOutreachData } from '../api/outreach-helpers.ts';
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
 * Acting on a path and finding an introduction, in Debian's headless Chromium against the real app:
 * the path finder explains its ranking in words, describes the person a path starts from, draws the
 * path left to right without overlapping labels, and starts an introduction with the path attached;
 * the pipeline board narrows by owner, stage and city on the server and names each card's owner.
 */

declare global {
  interface Window {
    __pathCy?: Core;
  }
}

const p = testPrefix('wpp');
let server: TestServer;
let app: BrowserApp;
let page: Page;
const ids: Record<string, string> = {};
const staff: Record<string, TestAccount> = {};

const person = (name: string, extra: Record<string, unknown> = {}) =>
  createEntity(server, 'Person', { name: `${p}${name}`, ...extra });
const knows = (a: string, b: string, strength: number, verified: boolean) =>
  addTie(server, {
    kind: 'KNOWS',
    subject: ids[a],
    object: ids[b],
    knowsKind: 'friend',
    strength,
    verified,
  });

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page } = app);
  ids.bureau = await createEntity(server, 'Organization', {
    name: `${p}招才局`,
    type: 'government',
  });
  ids.target = await createEntity(server, 'Organization', {
    name: `${p}光谷企业`,
    type: 'enterprise',
  });
  ids.顾问 = await person('顾问', { title: '教授' });
  for (const name of ['甲', '乙', '丙', '人才', '城中人', '城外人']) ids[name] = await person(name);
  await addTie(server, { kind: 'WORKED_AT', subject: ids.顾问, object: ids.bureau, current: true });
  await addTie(server, {
    kind: 'MEMBER_OF',
    subject: ids.顾问,
    object: ids.bureau,
    role: '招才顾问',
    current: true,
  });
  // Two ways to the talent: two close, checked hops, or three loose ones.
  await knows('顾问', '甲', 0.9, true);
  await knows('甲', '人才', 0.9, true);
  await knows('顾问', '乙', 0.5, false);
  await knows('乙', '丙', 0.5, false);
  await knows('丙', '人才', 0.5, false);
  ids.city = await createEntity(server, 'Place', { name: `${p}城`, kind: 'city' });
  ids.field = await createEntity(server, 'Field', { name: `${p}合成生物` });
  await addTie(server, { kind: 'EXPERT_IN', subject: ids.城外人, object: ids.field, level: 4 });
  await addTie(server, { kind: 'LIVES_IN', subject: ids.城中人, object: ids.city, current: true });
  staff.one = await createTestAccount(server.db, 'staff', { name: `${p}甲员` });
  staff.two = await createTestAccount(server.db, 'staff', { name: `${p}乙员` });
}, 300_000);

afterAll(async () => {
  if (!app) return;
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await app.close();
});

describe('acting on paths and introductions', () => {
  it('path finder: explains the ranking in words, draws left to right, starts the introduction', async () => {
    await signInWithForm(app, staff.one!, `${p}甲员`);
    const params = new URLSearchParams({
      to: ids.人才!,
      toName: `${p}人才`,
      from: ids.顾问!,
      fromName: `${p}顾问`,
    });
    await page.goto(`${server.url}/#/paths?${params}`);
    await page.locator('#find-paths:not([disabled])').click();
    await page.locator('#path-list > li').nth(1).waitFor({ timeout: 30_000 });
    const first = page.locator('#path-list > li').first();

    // The ranking in words: what puts path 1 ahead of path 2.
    const rank = (await first.locator('.path-rank').textContent()) ?? '';
    expect(rank).toContain('排在路径 2 之前');
    expect(rank).toContain('跳数更少（2 对 3）');
    expect(rank).toContain('关系更紧密（最弱一环 0.9 对 0.5）');
    expect(rank).toContain('关系核实得更好');
    const words = (await first.locator('.path-words').textContent()) ?? '';
    expect(words).toContain('经 2 次引荐');
    expect(words).toContain(`经过我方顾问 ${p}顾问`);
    expect(
      await page.locator('#path-list > li').nth(1).locator('.path-rank').textContent(),
    ).toMatch(/^路径 1 排在前面：跳数更少/);
    // Who the path starts from: name, title, organisation, one of our consultants.
    const start = (await first.locator('.path-start-person').textContent()) ?? '';
    expect(start).toContain(`${p}顾问`);
    expect(start).toContain('教授');
    expect(start).toContain(`${p}招才局`);
    expect(start).toContain('我方顾问');

    // Drawn left to right along the chosen path, no label over another.
    await page.waitForFunction(
      () =>
        document.getElementById('path-graph')?.dataset.layout === 'idle' &&
        (window.__pathCy?.edges('.on-path').length ?? 0) === 2,
      undefined,
      { timeout: 20_000 },
    );
    const drawing = await page.evaluate(
      (path) => {
        const cy = window.__pathCy!;
        const xs = path.map((id) => cy.getElementById(id).position('x'));
        const labelled = cy
          .elements(':visible')
          .filter((el) => (el.isNode() ? !el.hasClass('no-label') : el.style('label') !== ''))
          .filter((el) => String(el.data('label') ?? '') !== '');
        const boxes = labelled
          .map((el) => ({
            id: el.id(),
            box: el.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
          }))
          .filter((b) => b.box.w > 0 && b.box.h > 0);
        const overlaps: string[] = [];
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const w = Math.min(a.box.x2, b.box.x2) - Math.max(a.box.x1, b.box.x1);
            const h = Math.min(a.box.y2, b.box.y2) - Math.max(a.box.y1, b.box.y1);
            if (w > 0.5 && h > 0.5) overlaps.push(`${a.id} / ${b.id}`);
          }
        }
        const unlabelled = path.filter((id) => cy.getElementById(id).hasClass('no-label'));
        return { xs, overlaps, unlabelled, labels: boxes.length };
      },
      [ids.顾问!, ids.甲!, ids.人才!],
    );
    expect(drawing.xs[0]).toBeLessThan(drawing.xs[1]!);
    expect(drawing.xs[1]).toBeLessThan(drawing.xs[2]!);
    expect(drawing.unlabelled).toEqual([]);
    expect(drawing.labels).toBeGreaterThanOrEqual(5);
    expect(drawing.overlaps).toEqual([]);
    await page.screenshot({ path: `${screenshots}path-explained.png` });

    // 发起引荐: the introduction is made with the path, and shown with it.
    await first.locator('.start-open').click();
    await page.locator('#start-0-target').pressSequentially(`${p}光谷企业`, { delay: 10 });
    await page.locator(`#start-0-target-results .hit[data-id="${ids.target}"]`).click({
      timeout: 20_000,
    });
    await page.locator(`#start-0-target-chosen[data-id="${ids.target}"]`).waitFor();
    await page.locator('#start-0 button[type=submit]').click();
    await page.locator('#history-path li').nth(2).waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(/#\/pipeline\?open=Introduction/);
    expect(await page.locator('#history-path li').allTextContents()).toEqual([
      `${p}顾问`,
      `${p}甲`,
      `${p}人才`,
    ]);
    expect(await page.locator('#history').textContent()).toContain(`${p}甲员`);
  });

  it('pipeline: filters by owner, stage and city on the server; each card names its owner', async () => {
    const make = async (talent: string, owner: TestAccount, stage?: string) => {
      const made = await mutate(
        server,
        'createIntroduction',
        '$input: NewIntroductionInput!',
        'input: $input',
        'id',
        { input: { introducer: ids.甲, talent: ids[talent], target: ids.target } },
        { token: owner.token },
      );
      expect(made.__typename, JSON.stringify(made)).toBe('MutationCreateIntroductionSuccess');
      if (stage) {
        await mutate(
          server,
          'moveIntroduction',
          '$input: MoveIntroductionInput!',
          'input: $input',
          'id',
          { input: { id: made.data.id, stage } },
          { token: owner.token },
        );
      }
    };
    await make('城中人', staff.two!, 'contacted');
    await make('城外人', staff.two!);
    await make('丙', staff.one!, 'contacted');
    // Ours on the board as "talent → owner", once the board answers `filters`.
    const ours = async (filters: string) => {
      await page.locator(`#board[data-fresh="true"][data-filters="${filters}"]`).waitFor({
        timeout: 20_000,
      });
      const cards = page.locator('#board .card', { hasText: p });
      const texts: string[] = [];
      for (const card of await cards.all()) {
        const title = (await card.locator('.card-title').textContent()) ?? '';
        const owner = (await card.locator('.card-owner').textContent()) ?? '';
        texts.push(`${title.split(' → ')[0]?.slice(p.length)} @ ${owner.split(': ')[1]}`);
      }
      return texts.sort();
    };
    // A fresh board: the first test left the page on the board as it was before these were made.
    await page.goto(`${server.url}/#/pipeline`);
    await page.reload();
    const one = `${p}甲员`;
    const two = `${p}乙员`;
    // The first test's introduction of 人才 (owned by 甲员) is on the board too.
    expect(await ours('')).toEqual([
      `丙 @ ${one}`,
      `人才 @ ${one}`,
      `城中人 @ ${two}`,
      `城外人 @ ${two}`,
    ]);
    await page.locator('#board-owner').selectOption({ label: `${two}（2）` });
    expect(await ours(`owner=Account%3A${staff.two!.id}`)).toEqual([
      `城中人 @ ${two}`,
      `城外人 @ ${two}`,
    ]);
    await page.locator('#board-stage').selectOption({ label: '已联系' });
    expect(await ours(`owner=Account%3A${staff.two!.id}&stages=contacted`)).toEqual([
      `城中人 @ ${two}`,
    ]);
    await page.locator('#board-clear').click();
    expect(await ours('')).toHaveLength(4);
    await page.locator('#board-place').pressSequentially(`${p}城`, { delay: 10 });
    await page.locator(`#board-place-results .hit[data-id="${ids.city}"]`).click({
      timeout: 20_000,
    });
    expect(await ours(`place=${encodeURIComponent(ids.city!)}`)).toEqual([`城中人 @ ${two}`]);
    await page.locator('#board-search').fill(`${p}城外`);
    await page.locator('#board-filters button[type=submit]').click();
    // Words and city together: nobody.
    expect(
      await ours(`search=${encodeURIComponent(`${p}城外`)}&place=${encodeURIComponent(ids.city!)}`),
    ).toEqual([]);
    // Nothing at all on the board: it says why.
    await page.locator('#board-owner').selectOption({ label: `${one}（2）` });
    await page.locator('#board-empty').waitFor({ timeout: 20_000 });
    expect(await page.locator('#board-empty').textContent()).toBe(
      '没有符合当前筛选条件的引荐（所有条件须同时满足）。去掉一个条件，或点「清除筛选」。',
    );
    await page.locator('#board-clear').click();
    expect(await ours('')).toHaveLength(4);
    expect(await page.locator('#board-empty').count()).toBe(0);
    // The talent's field: 城外人 works on it.
    await page.locator('#board-field').pressSequentially(`${p}合成生物`, { delay: 10 });
    await page.locator(`#board-field-results .hit[data-id="${ids.field}"]`).click({
      timeout: 20_000,
    });
    expect(await ours(`field=${encodeURIComponent(ids.field!)}`)).toEqual([`城外人 @ ${two}`]);
    await page.screenshot({ path: `${screenshots}pipeline-filters.png` });
  });
});
