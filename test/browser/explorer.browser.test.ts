import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Core } from 'cytoscape';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/**
 * The explorer page in a real headless Chromium (Debian's, installed by .ci/run), served by the
 * real app from a fresh build of web/, against the run's Neo4j with the demo graph.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));
const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));

declare global {
  interface Window {
    __cy?: Core;
  }
}

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  }
  await build({ root: webRoot, logLevel: 'warn' });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const nodeCount = () => page.evaluate(() => window.__cy?.nodes().length ?? 0);
const layoutIdle = () =>
  page.waitForFunction(() => document.getElementById('graph')?.dataset.layout === 'idle');

/** Where a node is on the screen (page coordinates). */
async function screenPoint(id: string) {
  const point = await page.evaluate((nodeId) => {
    const pos = window.__cy!.getElementById(nodeId).renderedPosition();
    const box = document.getElementById('graph')!.getBoundingClientRect();
    return { x: box.left + pos.x, y: box.top + pos.y };
  }, id);
  return point;
}

/** The name the details panel shows once it has loaded this entity (its text on failure). */
async function detailsName(id: string): Promise<string> {
  await page.waitForFunction(
    (wanted) => {
      const panel = document.getElementById('details')!;
      return (
        panel.dataset.state === 'error' ||
        (panel.dataset.state === 'shown' && panel.dataset.id === wanted)
      );
    },
    id,
    { timeout: 10_000 },
  );
  const panel = page.locator('#details');
  if ((await panel.getAttribute('data-state')) === 'error') return panel.innerText();
  return (await panel.locator('.details-name').textContent()) ?? '';
}

async function searchFor(text: string) {
  const input = page.locator('#search');
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
  await page.waitForFunction(
    () => document.getElementById('results')?.dataset.state === 'hits',
    undefined,
    { timeout: 15_000 },
  );
}

describe('explorer page', () => {
  it('serves the built page at / and keeps /health and /graphql', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('人才图谱');
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/../package.json`)).status).not.toBe(200);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).not.toBe(200);
  });

  it('asks for sign-in and signs in with the form (HttpOnly cookie session)', async () => {
    const staff = await createTestAccount(server.db, 'staff', { name: '测试 Staff' });
    await page.goto(`${server.url}/`);
    await page.locator('form.sign-in').waitFor();
    await page.getByLabel('密码 (password)').fill('wrong password!');
    await page.getByLabel('邮箱 (e-mail)').fill(staff.email);
    await page.getByRole('button', { name: '登录 (sign in)' }).click();
    await page.getByRole('alert').filter({ hasText: '登录失败' }).waitFor();
    await page.getByLabel('密码 (password)').fill(staff.password);
    await page.getByRole('button', { name: '登录 (sign in)' }).click();
    await page.locator('#account', { hasText: '测试 Staff · staff' }).waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'tg_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    // Script in the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('tg_session');
  });

  it('searches, draws a neighbourhood, expands it and shows details', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#account', { hasText: 'staff' }).waitFor();
    expect(await page.locator('#legend').textContent()).toContain('人物');

    await searchFor('华中科技大学');
    const hit = page.locator('.hit', { hasText: '华中科技大学' }).first();
    await hit.waitFor();
    expect(await hit.getAttribute('data-type')).toBe('Organization');
    expect(await page.locator('.hit-why').first().textContent()).toMatch(/\S/);
    const chosenId = (await hit.getAttribute('data-id'))!;
    await hit.click();

    await page.waitForFunction(() => (window.__cy?.nodes().length ?? 0) > 10, undefined, {
      timeout: 20_000,
    });
    await layoutIdle();

    expect(
      await page.evaluate((id) => window.__cy!.getElementById(id).hasClass('focus'), chosenId),
    ).toBe(true);
    expect(await detailsName(chosenId)).toBe('华中科技大学');
    // Double-click a person: their own ties (employers, acquaintances) join the graph.
    const before = await nodeCount();
    const people = await page.evaluate(
      (focus) =>
        window
          .__cy!.nodes('[type = "Person"]')
          .filter((n) => n.id() !== focus)
          .map((n) => n.id()),
      chosenId,
    );
    expect(people.length).toBeGreaterThan(0);
    let grew = false;
    for (const id of people.slice(0, 3)) {
      const { x, y } = await screenPoint(id);
      await page.mouse.dblclick(x, y);
      await page
        .waitForFunction((n) => (window.__cy?.nodes().length ?? 0) > n, before, {
          timeout: 10_000,
        })
        .then(() => {
          grew = true;
        })
        .catch(() => undefined);
      await layoutIdle();
      if (grew) break;
    }
    expect(grew).toBe(true);
    expect(await nodeCount()).toBeGreaterThan(before);

    // The university has more neighbours than an expansion's limit (100): a notice says so.
    const centre = await screenPoint(chosenId);
    await page.mouse.dblclick(centre.x, centre.y);
    await page.waitForFunction(() => !document.getElementById('notice')!.hidden, undefined, {
      timeout: 10_000,
    });
    expect(await page.locator('#notice').textContent()).toMatch(/^已截断：省略 \d+ 个/);
    await layoutIdle();

    // Click a person: the details panel shows their name and their person facts.
    const person = await page.evaluate(() => {
      const cy = window.__cy!;
      const node = cy.nodes('[type = "Person"]').filter((n) => !n.hasClass('focus'))[0]!;
      return { id: node.id(), name: node.data('label') as string };
    });
    const { x, y } = await screenPoint(person.id);
    await page.mouse.click(x, y);
    expect(await detailsName(person.id)).toBe(person.name);
    expect(await page.locator('#details .type-badge').textContent()).toContain('人物');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}explorer.png` });
    expect(pageErrors).toEqual([]);
  });

  it('finds a demo person by pinyin', async () => {
    type Person = { id: string; name: string; latinName: string | null };
    const res = await server.gql<{ people: { edges: { node: Person }[] } }>(
      '{ people(first: 40) { edges { node { id name latinName } } } }',
    );
    expect(res.errors).toBeUndefined();
    // One the search's first 10 hits include (common names can have more namesakes than that).
    let sample: Person | undefined;
    for (const { node } of res.data!.people.edges) {
      if (!node.latinName) continue;
      const found = await server.gql<{ search: { entity: { id: string } }[] }>(
        'query ($text: String!) { search(text: $text, first: 10) { entity { id } } }',
        { text: node.latinName.toLowerCase() },
      );
      if (found.data?.search.some((h) => h.entity.id === node.id)) {
        sample = node;
        break;
      }
    }
    expect(sample, 'a demo person findable by pinyin').toBeDefined();

    await searchFor(sample!.latinName!.toLowerCase());
    const hit = page.locator(`.hit[data-id="${sample!.id}"]`);
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.locator('.hit-name').textContent()).toBe(sample!.name);
    expect(await hit.locator('.hit-why').textContent()).toMatch(/拼音|latin/);
  });
});
