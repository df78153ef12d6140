import { readFileSync } from 'node:fs';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, openBrowserApp, screenshots } from '../helpers/browser-app.ts';
import { doubleClick, graphSettled, nodeSpot } from '../helpers/graph-page.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import type { TestServer } from '../helpers/test-server.ts';

/**
 * The web app in a real headless Chromium (Debian's, installed by .ci/run), served by the real app
 * from a fresh build of web/, against the run's Neo4j with the demo graph: explorer, path finder
 * and the language switch (maps: maps.browser.test.ts). Screenshots go to test/.artifacts/screenshots/.
 */

declare global {
  interface Window {
    __cy?: Core;
    __pathCy?: Core;
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
  await app?.close();
});

const nodeCount = () => page.evaluate(() => window.__cy?.nodes().length ?? 0);
const nodePositions = () =>
  page.evaluate(() =>
    Object.fromEntries(window.__cy!.nodes().map((n) => [n.id(), { ...n.position() }])),
  );
const layoutIdle = () => graphSettled(page);

const screenPoint = (id: string) => nodeSpot(page, id);

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
    // Generous: the machine running the tests is shared and often loaded.
    { timeout: 30_000 },
  );
  const panel = page.locator('#details');
  if ((await panel.getAttribute('data-state')) === 'error') return panel.innerText();
  return (await panel.locator('.details-name').textContent()) ?? '';
}

async function searchFor(text: string, inputId = 'search') {
  const input = page.locator(`#${inputId}`);
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
  await page.waitForFunction(
    (id) => document.getElementById(`${id}-results`)?.dataset.state === 'hits',
    inputId,
    { timeout: 15_000 },
  );
}

async function openHust(): Promise<string> {
  await searchFor('华中科技大学');
  const hit = page.locator('#search-results .hit', { hasText: '华中科技大学' }).first();
  await hit.waitFor();
  expect(await hit.getAttribute('data-type')).toBe('Organization');
  const id = (await hit.getAttribute('data-id'))!;
  await hit.click();
  await page.waitForFunction(() => (window.__cy?.nodes().length ?? 0) > 10, undefined, {
    timeout: 20_000,
  });
  await layoutIdle();
  return id;
}

describe('web app', () => {
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
    const staff = await createTestAccount(server.db, 'staff', { name: '测试员' });
    await page.goto(`${server.url}/`);
    await page.locator('form.sign-in').waitFor();
    await page.getByLabel('邮箱').fill(staff.email);
    await page.getByLabel('密码').fill('wrong password!');
    await page.locator('form.sign-in button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: '登录失败' }).waitFor();
    await page.getByLabel('密码').fill(staff.password);
    await page.locator('form.sign-in button[type=submit]').click();
    await page.locator('#account', { hasText: '测试员' }).waitFor();
    const session = (await page.context().cookies()).find((c) => c.name === 'tg_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    // Scripts in the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('tg_session');
    // The failed attempt answered 200 with a typed error: nothing for the page-error check to see.
  });

  it('explorer: Chinese search, neighbourhood, expand, node menu, details, export', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#account').waitFor();
    // Chinese by default.
    expect(await page.locator('#legend').textContent()).toContain('人物');
    expect(await page.locator('nav .nav-link[data-route="explore"]').textContent()).toBe('探索');

    const hustId = await openHust();
    expect(await page.locator('.hit-why').first().textContent()).toMatch(/\S/);
    expect(
      await page.evaluate((id) => window.__cy!.getElementById(id).hasClass('focus'), hustId),
    ).toBe(true);
    expect(await detailsName(hustId)).toBe('华中科技大学');

    // The university has more neighbours than one page: a notice says so and offers more by kind.
    await page.locator('#notice').waitFor();
    expect(await page.locator('#notice').textContent()).toMatch(/还有 [\d,]+ 个未显示/);
    expect(await page.locator('#notice button[data-kind="Person"]').count()).toBe(1);
    // It says how to see more, and its buttons fetch more of one kind.
    expect(await page.locator('#notice').textContent()).toContain('双击该节点或点“继续”取下一批');

    // Its hundreds of alumni are held in group nodes: open the biggest to draw its members.
    await page.waitForFunction(
      () =>
        (window.__cy?.nodes('.group').length ?? 0) > 0 && !window.__cy?.nodes('.pending').length,
      undefined,
      { timeout: 60_000 },
    );
    await layoutIdle();
    // In the middle of the canvas: clear of the notice over the top of the graph.
    const group = await page.evaluate(() => {
      const cy = window.__cy!;
      const biggest = cy
        .nodes('.group[memberType = "Person"]')
        .sort((a, b) => b.data('count') - a.data('count'))[0]!;
      cy.center(biggest);
      return biggest.id();
    });
    const groupAt = await screenPoint(group);
    await doubleClick(page, groupAt.x, groupAt.y);
    await page.waitForFunction(() => window.__cy!.nodes('[type = "Person"]').length > 5);
    await layoutIdle();

    // Double-click a person: their own ties (employers, acquaintances) join the graph.
    const before = await nodeCount();
    const people = await page.evaluate(
      (focus) =>
        window
          .__cy!.nodes('[type = "Person"]')
          .filter((n) => n.id() !== focus)
          .map((n) => n.id()),
      hustId,
    );
    let grew = false;
    let moved = Number.POSITIVE_INFINITY;
    for (const id of people.slice(0, 3)) {
      const positions = await nodePositions();
      const { x, y } = await screenPoint(id);
      await doubleClick(page, x, y);
      grew = await page
        .waitForFunction((n) => (window.__cy?.nodes().length ?? 0) > n, before, { timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      await layoutIdle();
      // Stable when nodes are added: the new ones are laid out, the ones already drawn stay put.
      moved = await page.evaluate(
        (old) =>
          Math.max(
            ...Object.entries(old).map(([nodeId, p]) => {
              const now = window.__cy!.getElementById(nodeId).position();
              return Math.hypot(now.x - p.x, now.y - p.y);
            }),
          ),
        positions,
      );
      if (grew) break;
    }
    expect(grew).toBe(true);
    expect(moved).toBeLessThan(1);
    // The new nodes are marked and sit near the one expanded, not on top of each other.
    expect(await page.evaluate(() => window.__cy!.nodes('.fresh').length)).toBeGreaterThan(0);

    // The node menu expands one tie kind: only ties of that kind come in.
    const employer = await page.evaluate(() => {
      const cy = window.__cy!;
      return cy
        .nodes('[type = "Person"]')
        .filter((n) => !n.hasClass('focus'))
        .map((n) => n.id())[0]!;
    });
    const edgesBefore = await page.evaluate(() => window.__cy!.edges().map((e) => e.id()));
    const spot = await screenPoint(employer);
    await page.mouse.click(spot.x, spot.y, { button: 'right' });
    await page.locator('.context-menu [data-action="expand-KNOWS"]').click();
    await page.waitForFunction(
      () => !document.querySelector('.status')?.textContent?.includes('…'),
    );
    await layoutIdle();
    // New ties of the person expanded (a neighbour pulled out of a group node comes with the ties
    // the group held for it, e.g. to the university: those are not new to the graph).
    const newKinds = await page.evaluate(
      ({ old, id }) => [
        ...new Set(
          window
            .__cy!.getElementById(id)
            .connectedEdges()
            .filter((e) => !old.includes(e.id()))
            .map((e) => e.data('kind') as string),
        ),
      ],
      { old: edgesBefore, id: employer },
    );
    for (const kind of newKinds) expect(kind).toBe('KNOWS');

    // Right-click a person: the node menu pins it, then hides it.
    const person = await page.evaluate(() => {
      const node = window.__cy!.nodes('[type = "Person"]').filter((n) => !n.hasClass('focus'))[0]!;
      return { id: node.id(), name: node.data('label') as string };
    });
    let at = await screenPoint(person.id);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.locator('.context-menu [data-action="pin"]').click();
    expect(
      await page.evaluate((id) => window.__cy!.getElementById(id).hasClass('pinned'), person.id),
    ).toBe(true);
    at = await screenPoint(person.id);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    // The menu is keyboard-usable: focus starts on its first item, Escape closes it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
    await page.keyboard.press('Escape');
    expect(await page.locator('.context-menu').count()).toBe(0);

    // Click the person: the details panel shows their name, facts and career timeline.
    await page.mouse.click(at.x, at.y);
    expect(await detailsName(person.id)).toBe(person.name);
    expect(await page.locator('#details .type-badge').textContent()).toBe('人物');
    expect(await page.locator('#details .timeline li').count()).toBeGreaterThan(0);
    // The career over the years: one bar per dated study or position, on an axis of years.
    const bars = await page.locator('#details .career-chart .career-bar').count();
    expect(bars).toBeGreaterThan(0);
    expect(bars).toBeLessThanOrEqual(await page.locator('#details .timeline li').count());
    // Ticks fall on every 5 years (10 past a 40-year span), so the first is a year ending in 0 or 5.
    expect(await page.locator('#details .career-axis span').first().textContent()).toMatch(
      /^(19|20)\d[05]$/,
    );
    await page.locator('#details').screenshot({ path: `${screenshots}career-timeline.png` });
    // Staff may not read contact details of the demo people: the API's reason, no fields.
    await page.locator('#details [data-hidden-reason], #details .contacts dl').first().waitFor();

    // Type filter: hiding people hides every person node.
    // (The filter applies on the next render, so wait for it rather than read at once.)
    await page.locator('input[name="type"][value="Person"]').uncheck();
    await page.waitForFunction(
      () => window.__cy!.nodes('[type = "Person"]:visible').length === 0,
      undefined,
      { timeout: 5_000 },
    );
    await page.locator('input[name="type"][value="Person"]').check();
    await page.waitForFunction(() => window.__cy!.nodes('[type = "Person"]:visible').length > 0);

    // Export visible nodes as CSV.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-csv').click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('华中科技大学');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-png').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    await page.screenshot({ path: `${screenshots}explorer.png` });
    expect(pageErrors).toEqual([]);
    // Many steps against a shared, often loaded machine: more time than the default minute.
  }, 180_000);

  it('explorer: common connections of two shift-clicked people', async () => {
    await layoutIdle();
    // Two people tied to the university the graph started from (expansions brought others too).
    const pair = await page.evaluate(() =>
      window
        .__cy!.nodes('[label = "华中科技大学"]')
        .neighborhood('node[type = "Person"]')
        .filter((n) => n.visible() && !n.hasClass('focus'))
        .slice(0, 2)
        .map((n) => n.id()),
    );
    expect(pair).toHaveLength(2);
    const a = await screenPoint(pair[0]!);
    await page.mouse.click(a.x, a.y);
    const b = await screenPoint(pair[1]!);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    // The pair the clicks picked, before asking for what they share.
    await page.waitForFunction(
      (ids) =>
        window
          .__cy!.nodes('.compare')
          .map((n) => n.id())
          .sort()
          .join() === ids,
      [...pair].sort().join(),
    );
    await page.locator('#common-button:not([disabled])').click();
    await page.locator('.common-list').waitFor({ timeout: 30_000 });
    expect(await page.locator('.common-list').textContent()).toContain('华中科技大学');
    expect(await page.evaluate(() => window.__cy!.nodes('.common').length)).toBeGreaterThan(0);
  });

  it('explorer: a wide screen gives the graph the room', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await page.waitForFunction(() => {
        const canvas = document.querySelector('#graph canvas');
        return !!canvas && canvas.getBoundingClientRect().width > 1200;
      });
      // Every control still labelled: the canvas, the layout picker, the toolbar buttons.
      expect(await page.locator('#graph').getAttribute('aria-describedby')).toBe('graph-keys');
      expect(await page.getByLabel('布局').count()).toBe(1);
      await page.screenshot({ path: `${screenshots}explorer-wide.png` });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
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

  it('path finder: draws and explains the paths from our side to a target', async () => {
    type Knows = { other: { id: string; name: string; knows?: Knows[] } };
    const res = await server.gql<{
      people: { edges: { node: { id: string; name: string; knows: Knows[] } }[] };
    }>(
      'query ($n: Int!, $k: Int!) { people(first: $n) { edges { node { id name knows(first: $k) { other { id name ... on Person { knows(first: $k) { other { id name } } } } } } } } }',
      { n: 30, k: 5 },
      { role: 'staff' },
    );
    let pair: { from: { id: string; name: string }; to: { id: string; name: string } } | undefined;
    for (const { node } of res.data!.people.edges) {
      const direct = new Set(node.knows.map((k) => k.other.id));
      const far = node.knows
        .flatMap((k) => k.other.knows ?? [])
        .find((k) => k.other.id !== node.id && !direct.has(k.other.id));
      if (far) {
        pair = { from: node, to: far.other };
        break;
      }
    }
    expect(pair, 'a demo person two introductions away from another').toBeDefined();
    const { from, to } = pair!;
    const params = new URLSearchParams({
      to: to.id,
      toName: to.name,
      from: from.id,
      fromName: from.name,
    });
    await page.goto(`${server.url}/#/paths?${params}`);
    await page.locator('#find-paths:not([disabled])').click();
    await page.locator('#path-list .hop').first().waitFor({ timeout: 20_000 });
    // Each hop says who introduces whom, how they know each other, and the source (or none).
    const firstHop = page.locator('#path-list > li').first().locator('.hop').first();
    expect(await firstHop.locator('.hop-people').textContent()).toContain(from.name);
    expect(
      ((await firstHop.locator('.hop-explanation').textContent()) ?? '').length,
    ).toBeGreaterThan(2);
    expect(await firstHop.locator('.hop-source').textContent()).toMatch(/来源|无来源/);
    await page.waitForFunction(() => (window.__pathCy?.edges('.on-path').length ?? 0) > 0);
    const drawn = await page.evaluate(() => ({
      nodes: window.__pathCy!.nodes().map((n) => n.id()),
      onPath: window.__pathCy!.edges('.on-path').length,
    }));
    expect(drawn.nodes).toContain(from.id);
    expect(drawn.nodes).toContain(to.id);
    expect(drawn.onPath).toBeGreaterThanOrEqual(1);
    await page.waitForFunction(
      () => document.getElementById('path-graph')?.dataset.layout === 'idle',
    );
    await page.screenshot({ path: `${screenshots}path-finder.png` });
  });

  it('switches to English, remembers it, and back to Chinese', async () => {
    await page.goto(`${server.url}/#/explore`);
    await page.locator('#lang-toggle').click();
    expect(await page.locator('nav .nav-link[data-route="explore"]').textContent()).toBe('Explore');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    expect(await page.locator('#legend h3').textContent()).toBe('Legend');
    await page.locator('#lang-toggle').click();
    expect(await page.locator('#legend h3').textContent()).toBe('图例');
    expect(pageErrors).toEqual([]);
  });
});
