import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachRoutes } from '../../web/app/router.ts';
import { presetPeriod } from '../../web/features/report/report-data.ts';
import { createEntity, introduce, mutate, removeOutreachData } from '../api/outreach-helpers.ts';
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
 * The outreach screens in a real headless Chromium (Debian's), served by the real app from a fresh
 * build of web/, against the run's Neo4j with the demo graph, signed in as staff through the form:
 * a segment from a filtered people list, an event that invites it (capacity, waitlist, attendance),
 * the introductions board (drag, a refused move explained, the recorded override), follow-ups and
 * the outcome report; a viewer does not see any of it (consultants and stations:
 * consultants.browser.test.ts). Screenshots go to
 * test/.artifacts/screenshots/.
 */

const p = testPrefix('webout');

let server: TestServer;
let app: BrowserApp;
let page: Page;
let staff: TestAccount;
let pageErrors: string[];
const made: Record<string, string> = {};

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page, pageErrors } = app);
  staff = await createTestAccount(server.db, 'staff', { name: `${p}招才局` });
}, 240_000);

afterAll(async () => {
  if (app) {
    await server.db.writeTx((tx) =>
      tx.run(
        `MATCH (x) WHERE (x:Segment OR x:PersonList OR x:Event) AND x.name STARTS WITH $p
         OPTIONAL MATCH (x)<-[r:INVITED_TO]-() DELETE r WITH DISTINCT x DETACH DELETE x`,
        { p },
      ),
    );
    await server.db.writeTx((tx) =>
      tx.run('MATCH (c:Claim) WHERE c.claimant STARTS WITH $p DETACH DELETE c', { p }),
    );
    await server.db.writeTx((tx) =>
      tx.run('MATCH (f:FollowUp) WHERE f.title STARTS WITH $p DETACH DELETE f', { p }),
    );
    await removeOutreachData(server, p);
    await removeTestData(server.db, p);
    await app.close();
  }
});

async function signIn(account: TestAccount) {
  await signInWithForm(app, account);
}

const totalOf = async () => Number(await page.locator('#people-total').getAttribute('data-total'));

/** Waits until the people total differs from `before` and returns it. */
async function nextTotal(before: number): Promise<number> {
  await page.waitForFunction(
    (n) => {
      const el = document.getElementById('people-total');
      return el !== null && Number(el.dataset.total) !== n;
    },
    before,
    { timeout: 20_000 },
  );
  return totalOf();
}

const column = (stage: string) => page.locator(`#board section[data-stage="${stage}"]`);
const card = (id: string) => page.locator(`#board li.card[data-id="${id}"]`);

/** Drags a card onto a column with the mouse (HTML5 drag and drop), from the card's padding. */
async function drag(id: string, stage: string) {
  await card(id).dragTo(column(stage), {
    sourcePosition: { x: 3, y: 3 },
    targetPosition: { x: 40, y: 12 },
  });
}

async function stageOf(id: string): Promise<string> {
  const res = await server.gql<{ introduction: { stage: string } }>(
    'query ($id: ID!) { introduction(id: $id) { stage } }',
    { id },
    { role: 'staff' },
  );
  return res.data!.introduction.stage;
}

describe('outreach screens', { timeout: 180_000 }, () => {
  it('signs in as staff and shows the outreach navigation', async () => {
    await signIn(staff);
    for (const route of outreachRoutes) {
      expect(await page.locator(`nav .nav-link[data-route="${route}"]`).count()).toBe(1);
    }
  });

  it('people: filters with facet counts, more, claims on rows, save as segment', async () => {
    await page.locator('nav .nav-link[data-route="people"]').click();
    await page.locator('#people-total').waitFor({ timeout: 20_000 });
    const everyone = await totalOf();
    expect(everyone).toBeGreaterThan(1000);
    expect(await page.locator('#people-rows > li').count()).toBe(50);
    // Keyset paging: "more" adds the next 50, none twice.
    await page.locator('#people-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#people-rows > li').length === 100);
    const ids = await page
      .locator('#people-rows > li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    expect(new Set(ids).size).toBe(100);

    // A category of 20 to 400 people from the select (its option shows the facet count), then a
    // city from the facets.
    const options = await page.locator('#people-category option').evaluateAll((els) =>
      els.map((el) => ({
        value: (el as HTMLOptionElement).value,
        count: Number(el.textContent?.match(/\(([\d,]+)\)/)?.[1]?.replace(/,/g, '') ?? 0),
      })),
    );
    const picked = options.find((o) => o.value && o.count >= 20 && o.count <= 400);
    expect(picked, JSON.stringify(options)).toBeDefined();
    const category = picked!.value;
    const optionCount = picked!.count;
    await page.locator('#people-category').selectOption(category);
    const ofCategory = await nextTotal(everyone);
    expect(ofCategory).toBe(optionCount);
    expect(await page.locator('#people-conditions .chip').count()).toBe(1);

    const city = page.locator('#people .facet[data-facet="cities"] li').first();
    const cityCount = Number(
      ((await city.locator('.count').textContent()) ?? '').replace(/,/g, ''),
    );
    await city.locator('button').click();
    const ofCity = await nextTotal(ofCategory);
    expect(ofCity).toBe(cityCount);
    expect(ofCity).toBeLessThan(ofCategory);
    expect(await page.locator('#people-conditions .chip').count()).toBe(2);

    // Removing the city brings the category's people back.
    await page.locator('#people-conditions .chip[data-key="livesIn"] .chip-remove').click();
    expect(await nextTotal(ofCity)).toBe(ofCategory);

    // A claim on the first row shows as "已由 X 接洽 · 自 …".
    const firstId = (await page.locator('#people-rows > li').first().getAttribute('data-id'))!;
    const claim = await mutate(
      server,
      'claimPerson',
      '$input: ClaimInput!',
      'input: $input',
      'id',
      { input: { person: firstId, claimant: `${p}张处长`, since: '2026-03-01' } },
      { token: staff.token },
    );
    expect(claim.__typename).toBe('MutationClaimPersonSuccess');
    await page.reload();
    await page.locator('#people-category').waitFor();
    await page.locator('#people-category').selectOption(category);
    await nextTotal(everyone).catch(() => undefined);
    const claimLine = page.locator(`#people-rows > li[data-id="${firstId}"] .claim`);
    await claimLine.waitFor({ timeout: 20_000 });
    expect(await claimLine.textContent()).toMatch(
      new RegExp(`已由 ${p}张处长 接洽 · 自 2026年3月1日`),
    );

    await page.locator('#segment-name').fill(`${p}人群`);
    await page.locator('#save-segment button[type=submit]').click();
    await page.locator('#segment-saved a').waitFor();
    expect(await page.locator('#status').textContent()).toContain(`已保存人群「${p}人群」：`);
    made.segment = new URLSearchParams(
      ((await page.locator('#segment-saved a').getAttribute('href')) ?? '').split('?')[1],
    ).get('segment')!;
    const saved = await server.gql<{ segment: { memberCount: number; filter: string } }>(
      'query ($id: ID!) { segment(id: $id) { memberCount filter } }',
      { id: made.segment },
      { role: 'staff' },
    );
    expect(saved.data?.segment.memberCount).toBe(ofCategory);
    expect(JSON.parse(saved.data!.segment.filter).categories).toEqual([category]);
    await page.screenshot({ path: `${screenshots}outreach-people.png` });
  });

  it('segments: lists who made it, freezes it into a list, removes a person by hand', async () => {
    await page.locator('#segment-saved a').click();
    await page.locator('#segment-pane').waitFor({ timeout: 20_000 });
    const row = page.locator(`#segment-list li[data-id="${made.segment}"]`);
    expect(await row.textContent()).toContain(`${p}招才局 创建于`);
    const members = await page.locator('#members li').count();
    expect(members).toBeGreaterThan(0);

    await page.locator('#list-name').fill(`${p}名单`);
    await page.locator('#freeze-form button[type=submit]').click();
    await page.locator('#list-pane').waitFor({ timeout: 20_000 });
    const count = () =>
      page
        .locator('#list-count')
        .textContent()
        .then((t) => Number(t?.replace(/\D/g, '')));
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const first = page.locator('#members li').first();
    const removedId = await first.getAttribute('data-id');
    await first.locator('button').click();
    await page.waitForFunction(
      (n) => Number(document.getElementById('list-count')?.textContent?.replace(/\D/g, '')) === n,
      before - 1,
    );
    expect(await page.locator(`#members li[data-id="${removedId}"]`).count()).toBe(0);
    made.list = (await page.locator('#list-pane').getAttribute('data-id'))!;
    await page.screenshot({ path: `${screenshots}outreach-segments.png` });
  });

  it('events: creates an event, invites the segment without duplicates, waitlist and attendance', async () => {
    await page.locator('nav .nav-link[data-route="events"]').click();
    await page.locator('#event-form').waitFor();
    await page.locator('#event-name').fill(`${p}武汉校友专场`);
    await page.locator('#event-kind').selectOption('special_session');
    await page.locator('#event-starts').fill('2026-12-05T14:30');
    await page.locator('#event-zone').selectOption('Asia/Shanghai');
    await page.locator('#event-city').pressSequentially('武汉', { delay: 20 });
    await page.locator('#event-city-results .hit').first().click();
    await page.locator('#event-city-chosen').waitFor();
    await page.locator('#event-venue').fill('光谷会议中心');
    await page.locator('#event-capacity').fill('2');
    await page.locator('#event-form button[type=submit]').click();
    await page.locator('#event-page').waitFor({ timeout: 20_000 });
    expect(await page.locator('#event-page h2').textContent()).toBe(`${p}武汉校友专场`);
    expect(await page.locator('#event-page .facts').textContent()).toMatch(/14:30/);
    expect(await page.locator('#event-status').textContent()).toBe('筹备中');
    made.event = (await page.locator('#event-page').getAttribute('data-id'))!;

    const segmentSize = (
      await server.gql<{ segment: { memberCount: number } }>(
        'query ($id: ID!) { segment(id: $id) { memberCount } }',
        { id: made.segment },
        { role: 'staff' },
      )
    ).data!.segment.memberCount;
    await page.locator('#invite-source').selectOption(`segment|${made.segment}`);
    await page.locator('#invite-form button[type=submit]').click();
    await page.locator('#invite-result').waitFor({ timeout: 20_000 });
    const first = (await page.locator('#invite-result').textContent()) ?? '';
    const invited = Number(first.match(/新邀请 ([\d,]+) 人/)?.[1]?.replace(/,/g, ''));
    expect(invited).toBeGreaterThan(0);
    expect(invited).toBeLessThanOrEqual(segmentSize);
    expect(first).toContain('此前已邀请 0 人');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#invitation-table tbody tr').length === Math.min(n, 500),
      invited,
    );
    // Inviting the list made from the same segment invites nobody twice.
    await page.locator('#invite-source').selectOption(`list|${made.list}`);
    await page.locator('#invite-form button[type=submit]').click();
    await page.waitForFunction(() =>
      /新邀请 0 人/.test(document.getElementById('invite-result')?.textContent ?? ''),
    );
    expect(await page.locator('#invitation-table tbody tr').count()).toBe(Math.min(invited, 500));

    // Open the event: only the allowed moves are offered (planned → open or cancelled).
    expect(
      await page.locator('#event-moves button').evaluateAll((b) => b.map((x) => x.dataset.status)),
    ).toEqual(['open', 'cancelled']);
    await page.locator('#event-moves button[data-status="open"]').click();
    await page.waitForFunction(
      () => document.getElementById('event-status')?.textContent === '报名中',
    );

    // Three accept two seats: the third goes on the waitlist; one attends.
    const change = async (i: number, to: string) => {
      const row = page.locator('#invitation-table tbody tr').nth(i);
      const id = await row.getAttribute('data-id');
      await row.locator('select').selectOption(to);
      await row.locator('button').click();
      await page.waitForFunction(
        ([rowId, status]) =>
          document
            .querySelector(`#invitation-table tr[data-id="${rowId}"]`)
            ?.getAttribute('data-status') !== status,
        [id, 'invited'] as const,
      );
      return id!;
    };
    if (invited >= 3) {
      await change(0, 'accepted');
      await change(1, 'accepted');
      const third = await change(2, 'accepted');
      expect(
        await page.locator(`#invitation-table tr[data-id="${third}"]`).getAttribute('data-status'),
      ).toBe('waitlisted');
      await page.waitForFunction(() =>
        /已确认 2 \/ 2/.test(document.getElementById('event-seats')?.textContent ?? ''),
      );
      expect(await page.locator('#event-seats').textContent()).toContain('候补 1 人');
      const firstRow = page.locator('#invitation-table tbody tr').first();
      await firstRow.locator('select').selectOption('attended');
      await firstRow.locator('button').click();
      await page.waitForFunction(() =>
        /出席 1/.test(document.getElementById('event-seats')?.textContent ?? ''),
      );
    }

    // Someone else holds the event meanwhile: cancelling it is refused with the API's reason.
    const held = await mutate(
      server,
      'setEventStatus',
      '$id: ID!, $status: EventStatus!',
      'id: $id, status: $status',
      'status',
      { id: made.event, status: 'held' },
    );
    expect(held.data?.status).toBe('held');
    await page.locator('#event-moves button[data-status="cancelled"]').click();
    await page.locator('#event-problem').waitFor();
    // The refusal in words, the statuses too: no English, no codes.
    const refused = (await page.locator('#event-problem').textContent()) ?? '';
    expect(refused).toContain('活动不能从「已举办」改为「已取消」');
    expect(refused).not.toMatch(/cannot|held|cancelled/);
    await page.screenshot({ path: `${screenshots}outreach-event.png`, fullPage: true });
  });

  it('pipeline: drag a card to the next stage, a refused move explained, the recorded override', async () => {
    const introducer = await createEntity(server, 'Person', { name: `${p}引荐人` });
    const talent = await createEntity(server, 'Person', { name: `${p}人才` });
    const target = await createEntity(server, 'Organization', {
      name: `${p}光谷企业`,
      type: 'enterprise',
    });
    const id = await introduce(server, { introducer, talent, target, channel: 'wechat' }, [], {
      token: staff.token,
    });

    await page.locator('nav .nav-link[data-route="pipeline"]').click();
    await card(id).waitFor({ timeout: 20_000 });
    expect(await page.locator('#board section.board-column').count()).toBe(9);
    expect(await card(id).getAttribute('data-stage')).toBe('proposed');

    await drag(id, 'contacted');
    await column('contacted').locator(`li.card[data-id="${id}"]`).waitFor({ timeout: 10_000 });
    expect(await stageOf(id)).toBe('contacted');

    // contacted → signed skips stages: the API refuses, the board says why and the card stays.
    await drag(id, 'signed');
    await page.locator('#board-refusal').waitFor({ timeout: 10_000 });
    const refusal = (await page.locator('#board-refusal').textContent()) ?? '';
    // Said in words from the API's code, the stages too: not half English.
    expect(refusal).toContain('未能移动：不能从「已联系」直接移到「已签约」');
    expect(refusal).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.locator('#override-form').count()).toBe(0);
    expect(await stageOf(id)).toBe('contacted');
    expect(await card(id).getAttribute('data-stage')).toBe('contacted');

    // Landing without signing is refused too, but the API has a recorded override: use it.
    await drag(id, 'landed');
    await page.locator('#override-form').waitFor({ timeout: 10_000 });
    expect(await page.locator('#board-refusal').textContent()).toContain(
      '只有「已签约」之后才能落地（现在是「已联系」）',
    );
    await page.screenshot({ path: `${screenshots}outreach-pipeline-refused.png` });
    await page.locator('#override-note').fill(`${p}市里特批：已在光谷注册公司`);
    await page.locator('#override-form button[type=submit]').click();
    await column('landed').locator(`li.card[data-id="${id}"]`).waitFor({ timeout: 10_000 });
    expect(await stageOf(id)).toBe('landed');

    // The card's history: every move with who and the override's note.
    await card(id).locator('.card-title').click();
    await page.locator('#history-moves li').nth(2).waitFor({ timeout: 10_000 });
    const moves = await page
      .locator('#history-moves li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-to')));
    expect(moves).toEqual(['proposed', 'contacted', 'landed']);
    const landed = page.locator('#history-moves li').nth(2);
    expect(await landed.textContent()).toContain('例外');
    expect(await landed.textContent()).toContain(`${p}市里特批`);
    expect(await landed.textContent()).toContain(`${p}招才局`);

    // The keyboard way: the card's menu moves another introduction.
    const otherId = await introduce(server, { introducer, talent, target }, [], {
      token: staff.token,
    });
    await page.reload();
    await card(otherId).waitFor({ timeout: 20_000 });
    await card(otherId).locator('select').focus();
    await card(otherId).locator('select').selectOption('contacted');
    await card(otherId).locator('.card-move button').press('Enter');
    await column('contacted').locator(`li.card[data-id="${otherId}"]`).waitFor();
    expect(await stageOf(otherId)).toBe('contacted');

    // A follow-up on the card, due today, shows in "my follow-ups"; mark it done.
    await card(otherId).locator('.card-title').click();
    await page.locator('#follow-up-form').waitFor();
    await page.locator('#follow-up-title').fill(`${p}回访人才`);
    await page.locator('#follow-up-due').fill(new Date().toISOString().slice(0, 10));
    await page.locator('#follow-up-form button[type=submit]').click();
    await page.waitForFunction(() =>
      (document.getElementById('status')?.textContent ?? '').includes('已添加跟进'),
    );
    await page.screenshot({ path: `${screenshots}outreach-pipeline.png` });
  });

  it('follow-ups: my due list, mark done', async () => {
    await page.locator('nav .nav-link[data-route="follow-ups"]').click();
    const item = page.locator('#follow-up-list li', { hasText: `${p}回访人才` });
    await item.waitFor({ timeout: 20_000 });
    await item.getByRole('button', { name: `把「${p}回访人才」标记为完成` }).click();
    await page.locator('#follow-up-list li', { hasText: `${p}回访人才` }).waitFor({
      state: 'detached',
    });
  });

  it('report: period and scope, funnel and per-stage charts, export', async () => {
    await page.locator('nav .nav-link[data-route="report"]').click();
    await page.locator('button[data-preset="all"]').click();
    // The last 12 months' report stays shown until the whole period's arrives.
    await page
      .locator(`#report .outreach-main[data-period^="${presetPeriod('all', new Date()).from}/"]`)
      .waitFor({ timeout: 30_000 });
    await page.locator('#funnel-chart[data-state="drawn"]').waitFor({ timeout: 20_000 });
    await page.locator('#stage-chart[data-state="drawn"]').waitFor();
    const total = Number(await page.locator('#report-total').getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    expect(await page.locator('#stage-table tbody tr').count()).toBe(9);
    const landed = Number(
      (
        (await page.locator('#stage-table tr[data-stage="landed"] td').first().textContent()) ?? ''
      ).replace(/,/g, ''),
    );
    expect(landed).toBeGreaterThanOrEqual(1);
    // The funnel's first stage reaches everyone.
    expect(
      (
        await page.locator('#stage-table tr[data-stage="proposed"] td').nth(1).textContent()
      )?.replace(/,/g, ''),
    ).toBe(String(total));
    // The demo's introductions move days to months apart: each stage they pass through has its days.
    for (const stage of ['proposed', 'contacted', 'interested', 'negotiating', 'signed']) {
      const days = await page
        .locator(`#stage-table tr[data-stage="${stage}"] td`)
        .nth(3)
        .textContent();
      expect(Number(days?.replace(/,/g, '')), stage).toBeGreaterThanOrEqual(1);
    }
    // People reached, invited and attended, and credits per event, channel and talent station.
    for (const n of await page.locator('#report-people dd').allTextContents()) {
      expect(Number(n.replace(/,/g, ''))).toBeGreaterThan(0);
    }
    for (const cut of ['event', 'channel', 'station']) {
      expect(await page.locator(`#report-by-${cut} tr[data-key]`).count(), cut).toBeGreaterThan(0);
    }
    await page.screenshot({ path: `${screenshots}outreach-report.png` });

    // Scoped to our introducer: the two introductions made above, one landed; export them.
    await page.locator('#report-introducer').pressSequentially(`${p}引荐人`, { delay: 10 });
    await page.locator('#report-introducer-results .hit').first().click();
    await page.locator('.chip[data-scope="introducer"]').waitFor();
    await page.waitForFunction(
      () => document.getElementById('report-total')?.dataset.total === '2',
    );
    expect(
      await page.locator('#stage-table tr[data-stage="landed"] td').first().textContent(),
    ).toBe('1');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#report-export button').first().click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^引荐进展-.*\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('引荐人');
    expect(text).toContain(`${p}人才`);
    expect(pageErrors).toEqual([]);
  });

  it('details panel: start an introduction and log an interaction for a person', async () => {
    const introducer = await createEntity(server, 'Person', { name: `${p}介绍人` });
    const talent = await createEntity(server, 'Person', { name: `${p}被引荐人` });
    const target = await createEntity(server, 'Organization', {
      name: `${p}东湖企业`,
      type: 'enterprise',
    });
    await page.goto(`${server.url}/#/explore?open=${encodeURIComponent(talent)}`);
    await page.locator(`#details[data-state="shown"][data-id="${talent}"]`).waitFor({
      timeout: 30_000,
    });
    await page.locator('#person-actions').waitFor();

    /** Searches in a picker and chooses the hit with this id. */
    async function pick(inputId: string, text: string, id: string) {
      await page.locator(`#${inputId}`).pressSequentially(text, { delay: 10 });
      await page.locator(`#${inputId}-results .hit[data-id="${id}"]`).click({ timeout: 20_000 });
      await page.locator(`#${inputId}-chosen[data-id="${id}"]`).waitFor();
    }

    await page.locator('#action-intro summary').click();
    await pick('intro-introducer', `${p}介绍人`, introducer);
    await pick('intro-target', `${p}东湖企业`, target);
    await page.locator('#intro-channel').selectOption('wechat');
    await page.locator('#intro-note').fill(`${p}校友会上认识`);
    await page.locator('#intro-form button[type=submit]').click();
    await page.locator('#intro-done').waitFor({ timeout: 20_000 });
    expect(await page.locator('#intro-done').textContent()).toContain(`${p}东湖企业`);
    const intros = await server.gql<{
      introductions: { stage: string; channel: string; note: string; introducer: { id: string } }[];
    }>(
      'query ($t: ID!) { introductions(talent: $t) { stage channel note introducer { id } } }',
      { t: talent },
      { token: staff.token },
    );
    expect(intros.data!.introductions).toEqual([
      {
        stage: 'proposed',
        channel: 'wechat',
        note: `${p}校友会上认识`,
        introducer: { id: introducer },
      },
    ]);

    await page.locator('#action-interaction summary').click();
    await page.locator('#interaction-channel').selectOption('call');
    await page.locator('#interaction-note').fill(`${p}电话沟通回汉意向`);
    await page.locator('#interaction-form button[type=submit]').click();
    await page.locator('#interaction-done').waitFor({ timeout: 20_000 });
    expect(await page.locator('#interaction-done').textContent()).toContain('电话');
    const logged = await server.gql<{
      node: { interactions: { channel: string; note: string }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Person { interactions { channel note } } } }',
      { id: talent },
      { token: staff.token },
    );
    expect(logged.data!.node.interactions).toEqual([
      { channel: 'call', note: `${p}电话沟通回汉意向` },
    ]);

    // A typed error from the API is shown under the form: a claimant of only spaces is refused.
    await page.locator('#action-claim summary').click();
    await page.locator('#claim-claimant').fill('   ');
    await page.locator('#claim-form button[type=submit]').click();
    await page.locator('#claim-problem').waitFor({ timeout: 20_000 });
    // The field in words, and what is wrong with it.
    expect(await page.locator('#claim-problem').textContent()).toContain('接洽人：不能为空');
    await page.locator('#details').screenshot({ path: `${screenshots}details-actions.png` });
    expect(pageErrors).toEqual([]);
  });

  it('a viewer sees no outreach screens', async () => {
    const viewer = await createTestAccount(server.db, 'viewer', { name: `${p}访客` });
    await page.context().clearCookies();
    await signIn(viewer);
    expect(await page.locator('nav .nav-link[data-route="people"]').count()).toBe(0);
    expect(await page.locator('nav .nav-link[data-route="pipeline"]').count()).toBe(0);
    expect(await page.locator('nav .nav-link[data-route="consultants"]').count()).toBe(0);
    await page.goto(`${server.url}/#/pipeline`);
    await page.locator('#no-access').waitFor();
    expect(await page.locator('#board').count()).toBe(0);
  });
});
