import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultantRoles } from '../../schema/outreach/attribution.ts';
import { createEntity, introduce, mutate, removeOutreachData } from '../api/outreach-helpers.ts';
import { type BrowserApp, openBrowserApp, signInWithForm } from '../helpers/browser-app.ts';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import type { TestServer } from '../helpers/test-server.ts';
import {
  screenText,
  type Untranslated,
  untranslated,
  type Vocabulary,
  vocabulary,
} from '../helpers/untranslated.ts';

/**
 * Every screen in Chinese and in English, as an admin on the demo graph with outreach records of its
 * own (a segment and the list frozen from it, an event with invitations, introductions, a follow-up,
 * an import dry run with bad rows, a refused move): on each, nothing the API codes (enum values, field
 * names, problem codes) shows as a code, and the Chinese screens show no Latin words but data, addresses
 * and a few abbreviations (test/helpers/untranslated.ts says which and why).
 */

const p = testPrefix('words');

let server: TestServer;
let app: BrowserApp;
let page: Page;
let admin: TestAccount;
let words: Vocabulary;
const made: Record<string, string> = {};
/** What each screen showed untranslated, by screen and language. */
const found: Record<string, Untranslated[]> = {};

beforeAll(async () => {
  app = await openBrowserApp();
  ({ server, page } = app);
  admin = await createTestAccount(server.db, 'admin', { name: `${p}管理员` });
  const who = { token: admin.token };

  // A demo person with categories, a degree and acquaintances, for the details panel.
  const [person] = await server.db.read<{ id: string }>(
    `MATCH (a:Person)-[k:KNOWS]-(:Person), (a)-[s:STUDIED_AT]->() WHERE s.degree IS NOT NULL
       AND k.kind IS NOT NULL AND size(a.categories) > 0 AND a.level IS NOT NULL
     RETURN a.id AS id ORDER BY a.id LIMIT 1`,
  );
  made.person = `Person:${person!.id}`;
  // A consultant of the demo graph introduces our people, so the consultants screen has one to open.
  const [consultant] = await server.db.read<{ id: string }>(
    `MATCH (c:Person)-[m:MEMBER_OF]->(:Organization)
     WHERE NOT m.deleted AND coalesce(m.current, m.to IS NULL) AND m.role IN $roles
     RETURN c.id AS id ORDER BY c.id LIMIT 1`,
    { roles: consultantRoles },
  );
  made.consultant = `Person:${consultant!.id}`;
  const [refs] = await server.db.read<{
    field: string;
    city: string;
    cityName: string;
    org: string;
  }>(
    `MATCH (f:Field)<-[:EXPERT_IN]-(:Person) WITH f LIMIT 1
     MATCH (c:Place {kind: 'city'}) WITH f, c LIMIT 1
     MATCH (o:Organization {type: 'enterprise'})
     RETURN f.id AS field, c.id AS city, c.name AS cityName, o.id AS org LIMIT 1`,
  );
  made.city = `Place:${refs!.city}`;
  made.cityName = refs!.cityName;

  const segment = await mutate(
    server,
    'createSegment',
    '$name: String!, $filter: PersonFilter!',
    'name: $name, filter: $filter',
    'id',
    {
      name: `${p}人群`,
      filter: {
        categories: ['academician', 'native_elsewhere'],
        levels: ['national'],
        fields: [`Field:${refs!.field}`],
        livesIn: [made.city],
        birthYearFrom: 1950,
      },
    },
    who,
  );
  made.segment = segment.data.id;
  const list = await mutate(
    server,
    'freezeSegment',
    '$s: ID!, $n: String!',
    'segment: $s, name: $n',
    'id',
    { s: made.segment, n: `${p}名单` },
    who,
  );
  made.list = list.data.id;

  // People of our own, with consent, to invite and introduce.
  const people: string[] = [];
  for (const [i, categories] of [['returnee'], ['alumnus', 'native_elsewhere'], []].entries()) {
    people.push(
      await createEntity(server, 'Person', {
        name: `${p}人才${i}`,
        consentStatus: 'granted',
        categories,
        level: i === 0 ? 'provincial' : null,
      }),
    );
  }
  const event = await mutate(
    server,
    'createEvent',
    '$input: EventInput!',
    'input: $input',
    'id',
    {
      input: {
        name: `${p}校友专场`,
        kind: 'special_session',
        startsAt: '2026-06-01T14:00:00+08:00',
        timeZone: 'Asia/Shanghai',
        city: made.city,
        venue: '光谷会议中心',
        capacity: 1,
      },
    },
    who,
  );
  made.event = event.data.id;
  await mutate(
    server,
    'inviteToEvent',
    '$input: InviteInput!',
    'input: $input',
    'invited',
    { input: { event: made.event, people } },
    who,
  );
  const invitations = await server.gql<{ node: { invitations: { id: string }[] } }>(
    'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id } } } }',
    { id: made.event },
    who,
  );
  // One accepted, one waitlisted (the event seats one).
  for (const inv of invitations.data!.node.invitations.slice(0, 2)) {
    await mutate(
      server,
      'setInvitationStatus',
      '$id: ID!, $status: InvitationStatus!',
      'id: $id, status: $status',
      'status',
      { id: inv.id, status: 'accepted' },
      who,
    );
  }
  const target = `Organization:${refs!.org}`;
  made.intro = await introduce(
    server,
    { introducer: made.consultant, talent: people[0], target, channel: 'wechat', note: `${p}引荐` },
    ['contacted'],
    who,
  );
  await introduce(server, { introducer: made.consultant, talent: people[1], target }, [], who);
  await mutate(
    server,
    'createFollowUp',
    '$input: FollowUpInput!',
    'input: $input',
    'id',
    { input: { title: `${p}回访`, dueOn: '2026-01-10', subject: made.intro } },
    who,
  );
  words = await vocabulary(server);
  await signInWithForm(app, admin);
}, 300_000);

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
      tx.run('MATCH (f:FollowUp) WHERE f.title STARTS WITH $p DETACH DELETE f', { p }),
    );
    await removeOutreachData(server, p);
    await removeTestData(server.db, p);
    await app.close();
  }
});

/** Waits until `selector` is there and nothing on the screen is still loading. */
async function settled(selector: string) {
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-busy="true"]') &&
      !/加载中…|Loading…|正在检查…|Checking…/.test(document.body.innerText),
    undefined,
    { timeout: 30_000 },
  );
}

async function switchTo(lang: 'zh' | 'en') {
  if ((await page.getAttribute('html', 'lang'))?.startsWith(lang)) return;
  await page.locator('#lang-toggle').click();
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
}

/** Reads the screen in Chinese, then in English (the same state), and keeps what is untranslated. */
async function read(screen: string, selector: string) {
  await switchTo('zh');
  await settled(selector);
  found[`${screen} (zh)`] = untranslated(await screenText(page), 'zh', words);
  await switchTo('en');
  await settled(selector);
  found[`${screen} (en)`] = untranslated(await screenText(page), 'en', words);
  await switchTo('zh');
}

async function go(hash: string) {
  await page.goto(`${server.url}/#/${hash}`);
}

describe('every screen in both languages', { timeout: 600_000 }, () => {
  it('shows no code and, in Chinese, no English', async () => {
    await go(`explore?open=${encodeURIComponent(made.person)}`);
    await page.locator('#details .timeline').waitFor({ timeout: 60_000 });
    await read('explorer, a person’s details', '#details .ties');

    await go('paths');
    await read('paths', '#paths');
    await go('maps');
    await read('maps', '#maps');
    // A university's alumni: the map's scope switch and note, the bars' groups.
    await page.locator('#map-subject').pressSequentially('华中科技大学', { delay: 20 });
    await page.locator('#map-subject-results .hit', { hasText: '华中科技大学' }).first().click();
    await page.locator('#map-geo[data-state="drawn"]').waitFor({ timeout: 60_000 });
    await read('maps, a university’s alumni', '#map-geo-note');
    await go('views');
    await read('saved views', '#saved-views');

    await go('people');
    await read('people', '#people-rows li');
    await go(`segments?segment=${encodeURIComponent(made.segment)}`);
    await read('a segment', '#segment-conditions');
    // Its conditions by name: coded values in words, the city by its name, no ids.
    const conditions = (await page.locator('#segment-conditions').textContent()) ?? '';
    expect(conditions).toContain('人才类别：院士、在外乡贤');
    expect(conditions).toContain('人才级别：国家级');
    expect(conditions).toContain(`现居地：${made.cityName}`);
    expect(conditions).toContain('出生年份自：1950');
    expect(conditions).not.toMatch(/Ids|Place:|Field:|[0-9A-Z]{26}/);
    await go(`segments?list=${encodeURIComponent(made.list)}`);
    await read('a list', '#list-from a');
    // The list names the segment it was frozen from, not its id.
    expect(await page.locator('#list-from').textContent()).toBe(`冻结自人群：${p}人群`);

    await go('events');
    await read('events', '#event-table');
    await go(`events?event=${encodeURIComponent(made.event)}`);
    await read('an event', '#invitation-table');

    // The board, a card's history, and a refused move (contacted → signed skips stages).
    await go(`pipeline?open=${encodeURIComponent(made.intro)}`);
    const card = page.locator(`#board li.card[data-id="${made.intro}"]`);
    await card.locator('select').selectOption({ label: '已签约' });
    await card.locator('.card-move button').click();
    await page.locator('#board-refusal').waitFor({ timeout: 20_000 });
    await read('the pipeline, a history and a refusal', '#history-moves li');

    await go('follow-ups');
    await read('follow-ups', '#follow-up-list');
    await go('report');
    await read('outcome report', '#report');
    await go('consultants');
    await settled('#consultants table');
    await page.locator('#consultants a[href*="consultant="]').first().click();
    await read('a consultant', '#consultants .outreach-main table');

    // An import dry run with bad rows: the reasons and the ties in words.
    await go('import');
    await page.locator('#import-file').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          '姓名,性别,出生年份,籍贯,工作单位,职务,类别,毕业院校,学历',
          `${p}甲,男,1978,运城,华中科技大学,教授,院士,武汉大学,博士`,
          `${p}乙,?,2099,火星城,,经理,神仙,武汉大学,`,
          ',女,去年,,,,,,',
        ].join('\r\n'),
        'utf8',
      ),
    });
    await page.locator('#import-preview').click();
    await read('import preview', '#import-preview-result .rejected-rows');

    await go('duplicates');
    await read('duplicates', '#duplicates');
    await go('admin');
    // The log of our own writes (other tests write theirs at the same time): every row is ours.
    await page.locator('#audit-actor').fill(`Account:${admin.id}`);
    await page.locator('#audit-actor').press('Enter');
    await page.waitForFunction((actor) => {
      const cells = [...document.querySelectorAll('#audit-table tbody td[data-actor]')];
      return cells.length > 0 && cells.every((c) => c.getAttribute('data-actor') === actor);
    }, `Account:${admin.id}`);
    await read('admin and audit log', '#audit-table tbody tr');

    const problems = Object.entries(found).filter(([, list]) => list.length > 0);
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
    // The walk saw each screen in both languages.
    expect(Object.keys(found)).toHaveLength(2 * 17);
  });
});
