import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntity } from '../api/outreach-helpers.ts';
import {
  type BrowserApp,
  openBrowserApp,
  screenshots,
  signInWithForm,
} from '../helpers/browser-app.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import type { TestServer } from '../helpers/test-server.ts';

/**
 * 分布图 in a real headless Chromium on the demo graph: a university's alumni on the world map and
 * China's map (ECharts), a clicked region's people against the API's own map, the bars beside it, the
 * empty state of an organisation without alumni, and the region names in English.
 */

const p = testPrefix('maps');

let server: TestServer;
let app: BrowserApp;
let page: Page;
let pageErrors: string[];
let hust: string;
let noAlumni: string;

interface ApiGroup {
  key: string | null;
  label: string;
  code: string | null;
  count: number;
  people: { totalCount: number; edges: { node: { id: string } }[] } | null;
}

/** The API's alumni map of an organisation (what the screen should show), with each group's people. */
async function alumniMap(organization: string, groupBy: string) {
  const res = await server.gql<{ alumniMap: { total: number; groups: ApiGroup[] } }>(
    `query ($o: ID!, $g: MapGrouping!) { alumniMap(organization: $o, groupBy: $g) {
       total groups { key label code count people(first: 50) { totalCount edges { node { id } } } } } }`,
    { o: organization, g: groupBy },
    { role: 'staff' },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.alumniMap;
}

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page, pageErrors } = app);
  const [org] = await server.db.read<{ id: string }>(
    "MATCH (o:Organization {name: '华中科技大学'}) WHERE NOT o.deleted RETURN o.id AS id",
  );
  hust = `Organization:${org!.id}`;
  noAlumni = await createEntity(server, 'Organization', {
    name: `${p}无校友学院`,
    type: 'university',
  });
  const staff = await createTestAccount(server.db, 'staff', { name: `${p}测试员` });
  await signInWithForm(app, staff);
});

afterAll(async () => {
  if (server) await removeTestData(server.db, p);
  await app?.close();
});

/** Opens 分布图 afresh and picks the organisation `name` for its alumni map. */
async function pickSubject(name: string) {
  await page.goto(`${server.url}/#/maps`);
  const input = page.locator('#map-subject');
  await input.fill('');
  await input.pressSequentially(name, { delay: 20 });
  const hit = page.locator('#map-subject-results .hit', { hasText: name }).first();
  await hit.waitFor({ timeout: 15_000 });
  await hit.click();
}

const drawn = (scope: string) =>
  page.locator(`#map-geo[data-state="drawn"][data-scope="${scope}"]`).waitFor({ timeout: 30_000 });

/** The regions the map draws with people, from the chart instance: code -> count. */
const mapData = () =>
  page.evaluate(() => {
    const option = window.__geoChart!.getOption() as {
      series: { data: { name: string; value: number }[] }[];
    };
    // ECharts adds the regions without people to the data, without a value.
    return Object.fromEntries(
      option.series[0]!.data.filter((d) => d.value != null).map((d) => [d.name, d.value]),
    );
  });

/** Clicks the map at a longitude/latitude (the chart converts it to its pixels). */
async function clickMapAt(lngLat: [number, number]) {
  const point = await page.evaluate((coord) => {
    const [x, y] = window.__geoChart!.convertToPixel({ seriesIndex: 0 }, coord) as number[];
    const box = document.getElementById('map-geo')!.getBoundingClientRect();
    return { x: box.left + x!, y: box.top + y! };
  }, lngLat);
  await page.mouse.click(point.x, point.y);
}

/** The drill-down panel once it shows the group `key`: its heading and the people listed. */
async function drilled(key: string) {
  await page.locator(`#drill[data-state="shown"][data-key="${key}"]`).waitFor({ timeout: 30_000 });
  return {
    heading: (await page.locator('#drill h3').textContent()) ?? '',
    ids: await page
      .locator('#drill-people li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-id'))),
  };
}

describe('分布图: maps of alumni', { timeout: 180_000 }, () => {
  it('draws the world and China maps; a clicked region lists exactly its people', async () => {
    const byCountry = await alumniMap(hust, 'COUNTRY');
    const byProvince = await alumniMap(hust, 'PROVINCE');
    const china = byCountry.groups.find((g) => g.code === 'CN')!;
    const hubei = byProvince.groups.find((g) => g.code === '420000')!;
    expect(china.count).toBeGreaterThan(0);
    expect(hubei.count).toBeGreaterThan(0);

    await pickSubject('华中科技大学');
    await drawn('world');
    // Every country with a code is drawn with the API's count; China is among them.
    const world = await mapData();
    expect(world.CN).toBe(china.count);
    expect(world).toEqual(
      Object.fromEntries(
        byCountry.groups.filter((g) => g.key && g.code).map((g) => [g.code, g.count]),
      ),
    );

    // China on the world map opens China's map and lists China's people.
    await clickMapAt([104, 35]);
    await drawn('china');
    const inChina = await drilled(china.key!);
    expect(inChina.heading).toBe(`中国：${china.count.toLocaleString('zh-CN')} 人`);
    const provinces = await mapData();
    expect(provinces['420000']).toBe(hubei.count);
    expect(Object.keys(provinces).every((code) => /^\d{2}0000$/.test(code))).toBe(true);

    // Wuhan lies in Hubei: its people are those of the API's Hubei group, no more, no fewer.
    await clickMapAt([114.3, 30.6]);
    const inHubei = await drilled(hubei.key!);
    expect(inHubei.heading).toBe(`湖北省：${hubei.count.toLocaleString('zh-CN')} 人`);
    expect(hubei.people!.totalCount).toBe(hubei.count);
    expect(inHubei.ids.sort()).toEqual(hubei.people!.edges.map((e) => e.node.id).sort());
    await page.screenshot({ path: `${screenshots}map.png` });
  });

  it('keeps the bars beside the map: a bar drills down, another grouping redraws', async () => {
    await pickSubject('华中科技大学');
    await page.locator('#map-chart[data-state="drawn"]').waitFor({ timeout: 30_000 });
    const total = page.locator('#map-total');
    expect(await total.textContent()).toMatch(/共 [\d,]+ 人/);
    // Every bar shown has room for its name (ECharts skips labels that do not fit).
    const chart = await page
      .locator('#map-chart')
      .evaluate((el) => ({ bars: Number(el.dataset.bars), height: el.clientHeight }));
    expect(chart.bars).toBeGreaterThanOrEqual(5);
    expect(chart.height / chart.bars).toBeGreaterThanOrEqual(20);
    const first = page.locator('#map-groups button:not([disabled])').first();
    const groupName = (await first.textContent()) ?? '';
    const key = (await first.getAttribute('data-key')) ?? '';
    await first.click();
    const drill = await drilled(key);
    expect(drill.heading).toContain(groupName);
    expect(drill.ids.length).toBeGreaterThan(0);

    await page.locator('#map-group').selectOption('DECADE');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#map-groups button')].some((b) =>
        /\d{4}s/.test(b.textContent ?? ''),
      ),
    );
  });

  it('says why there is nothing to draw for an organisation without alumni', async () => {
    const api = await alumniMap(noAlumni, 'COUNTRY');
    expect(api.total).toBe(0);
    await pickSubject(`${p}无校友学院`);
    const hint = page.locator('#map-empty');
    await hint.waitFor({ timeout: 15_000 });
    expect(await hint.textContent()).toContain(`${p}无校友学院`);
    expect(await hint.textContent()).toContain('还没有');
    expect(await page.locator('#map-total').count()).toBe(0);
    expect(await page.locator('#map-geo').count()).toBe(0);
    expect(await page.locator('#maps').textContent()).not.toContain('共 0 人');
  });

  it('names the regions in English', async () => {
    // (The screen keeps its scope and grouping between visits: China's map may be shown already.)
    await pickSubject('华中科技大学');
    await page.locator('.region-map label', { hasText: '中国地图' }).click();
    await drawn('china');
    await page.locator('#lang-toggle').click();
    await page.locator('.region-map label', { hasText: 'China map' }).waitFor();
    await clickMapAt([114.3, 30.6]);
    await page.locator('#drill[data-state="shown"] h3', { hasText: /^Hubei: / }).waitFor();
    // A province's tooltip names it in English, people or not (Tibet, from Lhasa).
    const lhasa = await page.evaluate(() => {
      const [x, y] = window.__geoChart!.convertToPixel(
        { seriesIndex: 0 },
        [91.1, 29.7],
      ) as number[];
      const box = document.getElementById('map-geo')!.getBoundingClientRect();
      return { x: box.left + x!, y: box.top + y! };
    });
    await page.mouse.move(lhasa.x, lhasa.y);
    await page.locator('#map-geo', { hasText: 'Tibet' }).waitFor();
    await page.locator('#lang-toggle').click();
    expect(pageErrors).toEqual([]);
  });
});
