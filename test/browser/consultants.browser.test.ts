import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetPeriod } from '../../web/features/report/report-data.ts';
import {
  addTie,
  createEntity,
  introduce,
  removeOutreachData,
  toSigned,
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
 * The consultants and stations screen in headless Chromium, signed in as staff: a consultant made
 * here shows the numbers the API gives (table, reach, funnel, introductions, landed projects), its
 * station is credited with the same introductions, and the demo graph's stations match their reports.
 */

const p = testPrefix('webcons');

let server: TestServer;
let app: BrowserApp;
let page: Page;
let staff: TestAccount;
let pageErrors: string[];

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page, pageErrors } = app);
  staff = await createTestAccount(server.db, 'staff', { name: `${p}招才局` });
  await signInWithForm(app, staff);
}, 240_000);

afterAll(async () => {
  if (app) {
    await removeOutreachData(server, p);
    await removeTestData(server.db, p);
    await app.close();
  }
});

describe('consultants and stations', { timeout: 180_000 }, () => {
  it('consultants and stations: a consultant made here, with the numbers the API gives', async () => {
    const consultant = await createEntity(server, 'Person', { name: `${p}顾问` });
    const bureau = await createEntity(server, 'Organization', {
      name: `${p}顾问所在局`,
      type: 'government',
    });
    const [talentA, talentB] = [
      await createEntity(server, 'Person', { name: `${p}人才甲` }),
      await createEntity(server, 'Person', { name: `${p}人才乙` }),
    ];
    const project = await createEntity(server, 'Project', {
      name: `${p}院士项目`,
      kind: 'academician_project',
      status: 'negotiating',
    });
    const target = await createEntity(server, 'Organization', {
      name: `${p}顾问企业`,
      type: 'enterprise',
    });
    // The consultant works at a station, so the station is credited with the same introductions.
    const station = await createEntity(server, 'Organization', {
      name: `${p}光谷人才服务站`,
      type: 'talent_station',
    });
    const role = { role: '招才顾问', current: true };
    await addTie(server, { kind: 'MEMBER_OF', subject: consultant, object: bureau, ...role });
    await addTie(server, {
      kind: 'WORKED_AT',
      subject: consultant,
      object: station,
      current: true,
    });
    await addTie(server, {
      kind: 'KNOWS',
      subject: consultant,
      object: talentA,
      knowsKind: 'classmate',
    });
    await addTie(server, {
      kind: 'KNOWS',
      subject: talentB,
      object: consultant,
      knowsKind: 'friend',
    });
    const who = { token: staff.token };
    const landed = await introduce(
      server,
      { introducer: consultant, talent: talentA, target: project, channel: 'wechat' },
      [...toSigned, 'landed'],
      who,
    );
    const signed = await introduce(
      server,
      { introducer: consultant, talent: talentB, target },
      toSigned,
      who,
    );

    await page.locator('nav .nav-link[data-route="consultants"]').click();
    // The default period is the last 12 months.
    const period = presetPeriod('last12m', new Date());
    expect(await page.locator('#consultants-from').inputValue()).toBe(period.from);
    expect(await page.locator('#consultants-to').inputValue()).toBe(period.to);
    const row = page.locator(`#consultant-table tr[data-id="${consultant}"]`);
    await row.waitFor({ timeout: 30_000 });

    const api = (
      await server.gql<{
        consultants: {
          consultant: { id: string; reach: { oneHop: number } };
          introductions: number;
          signed: number;
          landed: number;
        }[];
      }>(
        `query ($from: String!, $to: String!) { consultants(from: $from, to: $to, first: 500) {
           consultant { id reach { oneHop } } introductions signed landed } }`,
        { ...period },
        who,
      )
    ).data!.consultants.find((c) => c.consultant.id === consultant);
    // What this test made: two introductions, one now signed, one landed; two acquaintances.
    expect(api).toEqual({
      consultant: { id: consultant, reach: { oneHop: 2 } },
      introductions: 2,
      signed: 1,
      landed: 1,
    });
    const cell = async (col: string) =>
      Number(((await row.locator(`td[data-col="${col}"]`).textContent()) ?? '').replace(/,/g, ''));
    expect(await cell('introductions')).toBe(api!.introductions);
    expect(await cell('signed')).toBe(api!.signed);
    expect(await cell('landed')).toBe(api!.landed);
    expect(await cell('reach')).toBe(api!.consultant.reach.oneHop);
    const name = row.locator('th a');
    expect(await name.textContent()).toBe(`${p}顾问`);
    expect(await name.getAttribute('href')).toBe(
      `#/explore?open=${encodeURIComponent(consultant)}`,
    );

    // Its pane: reach by kind, the funnel of the period, introductions and the landed project.
    await row.locator('a.button').click();
    await page.locator(`#credited-pane[data-id="${consultant}"]`).waitFor({ timeout: 30_000 });
    await page.locator('#funnel-chart[data-state="drawn"]').waitFor({ timeout: 20_000 });
    const { consultant: details } = (
      await server.gql<{
        consultant: {
          reach: { oneHop: number; twoHops: number; byKind: { kind: string; count: number }[] };
          introductions: { id: string }[];
          report: {
            total: number;
            stages: { stage: string; current: number; reached: number | null }[];
          };
          projectsLanded: { project: { id: string } }[];
        };
      }>(
        `query ($id: ID!, $from: String!, $to: String!) { consultant(id: $id) {
           reach { oneHop twoHops byKind { kind count } } introductions { id }
           report(from: $from, to: $to) { total stages { stage current reached } }
           projectsLanded { project { id } } } }`,
        { id: consultant, ...period },
        who,
      )
    ).data!;
    const summary = page.locator('#reach-summary');
    expect(Number(await summary.getAttribute('data-one'))).toBe(details.reach.oneHop);
    expect(Number(await summary.getAttribute('data-two'))).toBe(details.reach.twoHops);
    const kinds = await page.locator('#reach-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        kind: r.getAttribute('data-kind'),
        count: Number(r.querySelector('td')?.textContent),
      })),
    );
    expect(kinds).toEqual(details.reach.byKind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'knows:classmate', count: 1 },
        { kind: 'knows:friend', count: 1 },
      ]),
    );
    expect(
      await page.locator('#reach-table tr[data-kind="knows:classmate"] th').textContent(),
    ).toBe('认识 · 同学');
    expect(Number(await page.locator('#report-total').getAttribute('data-total'))).toBe(
      details.report.total,
    );
    expect(details.report.total).toBe(2);
    for (const s of details.report.stages) {
      const cells = page.locator(`#stage-table tr[data-stage="${s.stage}"] td`);
      expect(await cells.nth(0).textContent(), s.stage).toBe(String(s.current));
      expect(await cells.nth(1).textContent(), s.stage).toBe(
        s.reached === null ? '—' : String(s.reached),
      );
    }
    const shownIntros = await page
      .locator('#credited-introductions tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shownIntros.sort()).toEqual(details.introductions.map((i) => i.id).sort());
    expect(shownIntros.sort()).toEqual([landed, signed].sort());
    expect(
      await page
        .locator(`#credited-introductions tr[data-id="${landed}"]`)
        .getAttribute('data-stage'),
    ).toBe('landed');
    expect(
      await page
        .locator('#projects-landed li')
        .evaluateAll((li) => li.map((l) => l.getAttribute('data-id'))),
    ).toEqual(details.projectsLanded.map((l) => l.project.id));
    expect(details.projectsLanded.map((l) => l.project.id)).toEqual([project]);

    // The station's row and pane: the consultant's two introductions; the consultant its one person.
    const stationRow = page.locator(`#station-table tr[data-id="${station}"]`);
    expect(await stationRow.locator('td[data-col="introductions"]').textContent()).toBe('2');
    expect(await stationRow.locator('td[data-col="landed"]').textContent()).toBe('1');
    await stationRow.locator('a.button').click();
    await page.locator(`#credited-pane[data-kind="station"][data-id="${station}"]`).waitFor({
      timeout: 30_000,
    });
    expect(await page.locator('#report-total').getAttribute('data-total')).toBe('2');
    expect(await page.locator('#reach-summary').getAttribute('data-one')).toBe('1');
    expect(await page.locator('#reach-table tr[data-kind="WORKED_AT"] td').textContent()).toBe('1');
    expect(
      await page
        .locator('#credited-introductions tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')).sort()),
    ).toEqual([landed, signed].sort());

    // The demo graph's introductions are older than a year: "all" brings its consultants in.
    const recent = await page.locator('#consultant-table tbody tr[data-id]').count();
    await page.locator('button[data-preset="all"]').click();
    // Each table keeps the last period's rows until the new period's arrive: wait for both.
    // The API is asked for the period the page shows (its "to" is the page's today).
    const allFrom = presetPeriod('all', new Date()).from;
    for (const table of ['consultant-table', 'station-table']) {
      await page.locator(`#${table}[data-period^="${allFrom}/"]`).waitFor({ timeout: 30_000 });
    }
    const [from, to] = (await page.locator('#station-table').getAttribute('data-period'))!.split(
      '/',
    );
    const all = { from, to };
    expect(await page.locator('#consultant-table tbody tr[data-id]').count()).toBeGreaterThan(
      recent,
    );
    // Stations (the demo graph has five): each row's numbers are its report's for the period.
    const { talentStations } = (
      await server.gql<{
        talentStations: {
          id: string;
          reach: { oneHop: number };
          report: { total: number; stages: { stage: string; current: number }[] };
        }[];
      }>(
        `query ($from: String!, $to: String!) { talentStations(first: 500) {
           id reach { oneHop } report(from: $from, to: $to) { total stages { stage current } } } }`,
        { ...all },
        who,
      )
    ).data!;
    const stationCells = await page
      .locator('#station-table tbody tr[data-id]')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-id'),
          ...['introductions', 'signed', 'landed', 'reach'].map((c) =>
            Number(r.querySelector(`td[data-col="${c}"]`)?.textContent?.replace(/,/g, '')),
          ),
        ]),
      );
    const now = (s: (typeof talentStations)[number], stage: string) =>
      s.report.stages.find((x) => x.stage === stage)?.current;
    expect(stationCells).toEqual(
      talentStations.map((s) => [
        s.id,
        s.report.total,
        now(s, 'signed'),
        now(s, 'landed'),
        s.reach.oneHop,
      ]),
    );
    expect(stationCells.length).toBeGreaterThanOrEqual(5);
    const top = page.locator('#consultant-table tbody tr[data-id]').first();
    const topId = (await top.getAttribute('data-id'))!;
    await top.locator('a.button').click();
    await page.locator(`#credited-pane[data-id="${topId}"]`).waitFor({ timeout: 30_000 });
    await page.locator('#funnel-chart[data-state="drawn"]').waitFor({ timeout: 20_000 });
    expect(Number(await page.locator('#report-total').getAttribute('data-total'))).toBe(
      Number((await top.locator('td[data-col="introductions"]').textContent())?.replace(/,/g, '')),
    );
    // A chart is 'drawn' once ECharts has finished animating it: the screenshot shows both whole.
    await page.locator('#stage-chart[data-state="drawn"]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${screenshots}consultants.png` });

    // Bilingual: the same screen in English, then back (the choice is remembered).
    await page.locator('#lang-toggle').click();
    expect(await page.locator('nav .nav-link[data-route="consultants"]').textContent()).toBe(
      'Consultants & stations',
    );
    expect(await page.locator('#consultant-table caption').textContent()).toBe(
      'Recruitment consultants',
    );
    expect(await page.locator('#station-table caption').textContent()).toBe(
      'Talent service stations',
    );
    await page.locator('#lang-toggle').click();
    await page.locator('#consultant-table caption').filter({ hasText: '招才顾问' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
