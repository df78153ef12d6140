import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  addTie,
  createEntity,
  createTeam,
  introduce,
  mutate,
  removeOutreachData,
  toSigned,
} from './outreach-helpers.ts';

let server: TestServer;
const p = testPrefix('ocs');
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const accounts: Record<string, string> = {};
const today = new Date().toISOString().slice(0, 10);

type Who = { role?: 'admin' | 'staff' | 'consultant' | 'viewer'; token?: string };

async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  who: Who = { role: 'staff' },
) {
  const res = await server.gql<T>(query, variables, who);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

beforeAll(async () => {
  // A long query timeout: the machine running the tests is shared and often loaded.
  server = await startTestServer({ app: { limits: { queryTimeoutMs: 120_000 } } });
  for (const name of ['顾问', '引荐人', '站员', '人才一', '人才二', '人才三', '人才四']) {
    // Consent granted: the download test below exports their contacts for outreach.
    ids[name] = await createEntity(server, 'Person', {
      name: `${p}${name}`,
      consentStatus: 'granted',
    });
  }
  ids.bureau = await createEntity(server, 'Organization', {
    name: `${p}招才局`,
    type: 'government',
  });
  ids.station = await createEntity(server, 'Organization', {
    name: `${p}光谷上海站`,
    type: 'talent_station',
  });
  ids.org = await createEntity(server, 'Organization', { name: `${p}企业`, type: 'enterprise' });
  ids.project = await createEntity(server, 'Project', {
    name: `${p}院士项目`,
    kind: 'academician_project',
    status: 'negotiating',
  });
  await addTie(server, {
    kind: 'MEMBER_OF',
    subject: ids.顾问,
    object: ids.bureau,
    role: '招才顾问',
    current: true,
  });
  await addTie(server, {
    kind: 'WORKED_AT',
    subject: ids.站员,
    object: ids.station,
    current: true,
  });
  await addTie(server, {
    kind: 'KNOWS',
    subject: ids.顾问,
    object: ids.人才一,
    knowsKind: 'classmate',
  });
  await addTie(server, {
    kind: 'KNOWS',
    subject: ids.人才二,
    object: ids.顾问,
    knowsKind: 'colleague',
  });
  await addTie(server, {
    kind: 'KNOWS',
    subject: ids.人才一,
    object: ids.人才三,
    knowsKind: 'friend',
  });
  const event = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
    input: {
      name: `${p}上海专场`,
      kind: 'special_session',
      startsAt: '2026-12-01T14:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      organiser: ids.station,
    },
  });
  ids.event = event.data.id;
  const consultantAccount = await server.signIn('consultant', { name: `${p}顾问账号` });
  tokens.consultant = consultantAccount.token;
  accounts.consultant = `Account:${consultantAccount.id}`;

  // The hand-built pipeline: what each view below must count.
  ids.i1 = await introduce(
    server,
    { introducer: ids.顾问, talent: ids.人才一, target: ids.org, channel: 'wechat' },
    toSigned,
  );
  ids.i2 = await introduce(
    server,
    { introducer: ids.顾问, talent: ids.人才二, target: ids.project, channel: 'visit' },
    [...toSigned, 'landed'],
  );
  ids.i3 = await introduce(
    server,
    {
      introducer: ids.引荐人,
      talent: ids.人才三,
      target: ids.org,
      event: ids.event,
      channel: 'event',
    },
    ['contacted', 'declined'],
  );
  ids.i4 = await introduce(
    server,
    { introducer: ids.站员, talent: ids.人才四, target: ids.org },
    toSigned,
  );
  ids.i5 = await introduce(
    server,
    { introducer: ids.引荐人, talent: ids.人才四, target: ids.org, channel: 'wechat' },
    toSigned,
    { token: tokens.consultant },
  );
}, 300_000);

afterAll(async () => {
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

const REPORT = `total stages { stage current reached conversion stays meanDays medianDays }
  byIntroducer { key name signed landed } byEvent { key signed landed } byChannel { key signed landed }
  byStation { key name signed landed } byConsultant { key name signed landed }`;

interface Report {
  total: number;
  stages: {
    stage: string;
    current: number;
    reached: number | null;
    conversion: number | null;
    stays: number;
    medianDays: number | null;
  }[];
  byIntroducer: { key: string; signed: number; landed: number }[];
  byEvent: { key: string; signed: number; landed: number }[];
  byChannel: { key: string; signed: number; landed: number }[];
  byStation: { key: string; name: string; signed: number; landed: number }[];
  byConsultant: { key: string; name: string; signed: number; landed: number }[];
}

const report = async (scope: Record<string, unknown>, who: Who = { role: 'staff' }) =>
  (
    await gql<{ outcomeReport: Report }>(
      `query ($d: String!, $scope: OutcomeScope) { outcomeReport(from: $d, to: $d, scope: $scope) { ${REPORT} } }`,
      { d: today, scope },
      who,
    )
  ).outcomeReport;
const raw = (globalId: string) => globalId.split(':')[1];

describe('consultants', () => {
  it('shows who the consultant is, their reach, introductions, conversion and landed projects', async () => {
    const { consultant } = await gql<{
      consultant: {
        name: string;
        roles: string[];
        reach: { oneHop: number; twoHops: number; byKind: { kind: string; count: number }[] };
        introductions: { id: string }[];
        report: Report;
        projectsLanded: { project: { id: string } }[];
      };
    }>(
      `query ($id: ID!) { consultant(id: $id) { name roles reach { oneHop twoHops byKind { kind count } }
         introductions { id } report { ${REPORT} } projectsLanded { project { id } } } }`,
      { id: ids.顾问 },
    );
    expect(consultant.roles).toEqual([`招才顾问 · ${p}招才局`]);
    expect(consultant.reach).toMatchObject({ oneHop: 2, twoHops: 1 });
    expect(consultant.reach.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'knows:classmate', count: 1 },
        { kind: 'knows:colleague', count: 1 },
      ]),
    );
    expect(consultant.introductions.map((i) => i.id).sort()).toEqual([ids.i1, ids.i2].sort());
    const of = (s: string) => consultant.report.stages.find((x) => x.stage === s);
    expect(consultant.report.total).toBe(2);
    expect(of('signed')).toMatchObject({ current: 1, reached: 2, conversion: 1 });
    expect(of('landed')).toMatchObject({ current: 1, reached: 1, conversion: 0.5 });
    // Each introduction spent time in proposed, contacted, interested and negotiating: 2 stays each.
    expect(of('contacted')?.stays).toBe(2);
    expect(of('contacted')?.medianDays).not.toBeNull();
    expect(consultant.projectsLanded.map((l) => l.project.id)).toEqual([ids.project]);
  });

  it('a consultant account is a consultant too; a plain person with no introductions is not', async () => {
    const { consultant } = await gql<{
      consultant: { name: string; introductions: { id: string }[] };
    }>(
      'query ($id: ID!) { consultant(id: $id) { name introductions { id } } }',
      { id: accounts.consultant },
      { role: 'admin' },
    );
    expect(consultant.introductions.map((i) => i.id)).toEqual([ids.i5]);
    const none = await gql<{ consultant: null }>(
      'query ($id: ID!) { consultant(id: $id) { name } }',
      {
        id: ids.人才三,
      },
    );
    expect(none.consultant).toBeNull();
  });

  it('ranks consultants by landed, then signed', async () => {
    const { consultants } = await gql<{
      consultants: {
        consultant: { id: string };
        introductions: number;
        signed: number;
        landed: number;
      }[];
    }>(
      'query ($d: String!) { consultants(from: $d, to: $d, first: 500) { consultant { id } introductions signed landed } }',
      { d: today },
      { role: 'admin' },
    );
    const ours = consultants.filter((c) =>
      [ids.顾问, accounts.consultant].includes(c.consultant.id),
    );
    expect(ours).toEqual([
      { consultant: { id: ids.顾问 }, introductions: 2, signed: 1, landed: 1 },
      { consultant: { id: accounts.consultant }, introductions: 1, signed: 1, landed: 0 },
    ]);
  });

  it('refuses viewers', async () => {
    const res = await server.gql('query ($id: ID!) { consultant(id: $id) { name } }', {
      id: ids.顾问,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('talent service stations', () => {
  it('shows its people, reach and the introductions credited to it (its events, its staff)', async () => {
    const { talentStation } = await gql<{
      talentStation: {
        name: string;
        reach: { oneHop: number; byKind: { kind: string; count: number }[] };
        introductions: { id: string }[];
        report: Report;
      };
    }>(
      `query ($id: ID!) { talentStation(id: $id) { name reach { oneHop byKind { kind count } }
         introductions { id } report { ${REPORT} } } }`,
      { id: ids.station },
    );
    expect(talentStation.name).toBe(`${p}光谷上海站`);
    expect(talentStation.reach).toMatchObject({
      oneHop: 1,
      byKind: [{ kind: 'WORKED_AT', count: 1 }],
    });
    expect(talentStation.introductions.map((i) => i.id).sort()).toEqual([ids.i3, ids.i4].sort());
    expect(talentStation.report.byStation).toEqual([
      { key: raw(ids.station), name: `${p}光谷上海站`, signed: 1, landed: 0 },
    ]);
    const notAStation = await gql<{ talentStation: null }>(
      'query ($id: ID!) { talentStation(id: $id) { name } }',
      { id: ids.org },
    );
    expect(notAStation.talentStation).toBeNull();

    const { talentStations } = await gql<{ talentStations: { id: string; name: string }[] }>(
      'query { talentStations(first: 500) { id name } }',
    );
    expect(talentStations.map((s) => s.id)).toContain(ids.station);
    expect(talentStations.map((s) => s.id)).not.toContain(ids.org);
    const names = talentStations.map((s) => s.name);
    expect(names).toEqual([...names].sort());
  });
});

describe('attribution cuts of the outcome report', () => {
  it('cuts by consultant, station, channel and event, and credits each along the chain', async () => {
    const byConsultant = await report({ consultant: ids.顾问 });
    expect(byConsultant.total).toBe(2);
    expect(byConsultant.byConsultant).toEqual([
      { key: ids.顾问, name: `${p}顾问`, signed: 1, landed: 1 },
    ]);
    expect(byConsultant.byChannel.map((c) => c.key).sort()).toEqual(['visit', 'wechat']);

    const byAccount = await report({ consultant: accounts.consultant }, { role: 'admin' });
    expect(byAccount.total).toBe(1);
    expect(byAccount.byConsultant).toEqual([
      { key: accounts.consultant, name: `${p}顾问账号`, signed: 1, landed: 0 },
    ]);
    expect(byAccount.byIntroducer).toEqual([
      { key: raw(ids.引荐人), name: `${p}引荐人`, signed: 1, landed: 0 },
    ]);

    const byStation = await report({ station: ids.station });
    expect(byStation.total).toBe(2);
    expect(byStation.byIntroducer.map((c) => c.key)).toEqual([raw(ids.站员)]);

    const wechat = await report({ channel: 'wechat', introducer: ids.顾问 });
    expect(wechat.total).toBe(1);
    expect(wechat.byChannel).toEqual([{ key: 'wechat', signed: 1, landed: 0 }]);

    const byEvent = await report({ event: ids.event });
    expect(byEvent.total).toBe(1);
    expect(byEvent.stages.find((s) => s.stage === 'declined')?.current).toBe(1);
    expect(byEvent.byEvent).toEqual([]);
  });
});

describe('export downloads', () => {
  const link = async (args: Record<string, unknown>, token: string) => {
    const res = await server.gql<{
      createExportLink: { __typename: string; data?: { url: string } };
    }>(
      `mutation ($people: PeopleExportInput, $pipeline: PipelineExportInput, $format: ExportFormat!) {
         createExportLink(people: $people, pipeline: $pipeline, format: $format) {
           __typename ... on MutationCreateExportLinkSuccess { data { url expiresAt } } } }`,
      args,
      { token },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data?.createExportLink as { __typename: string; data?: { url: string } };
  };
  const get = (url: string, token?: string) =>
    fetch(`${server.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    const staff = await server.signIn('staff');
    tokens.staff = staff.token;
    accounts.staff = staff.id;
    const set = await server.gql<{ setContact: { __typename: string } }>(
      'mutation ($id: ID!) { setContact(person: $id, kind: phone, value: "+86 138 0000 0001") { __typename } }',
      { id: ids.人才一 },
      { role: 'admin' },
    );
    expect(set.data?.setContact.__typename).toBe('MutationSetContactSuccess');
    const list = await mutate(
      server,
      'createPersonList',
      '$people: [ID!]',
      `name: "${p}下载名单", people: $people`,
      'id',
      {
        people: [ids.人才一, ids.人才二],
      },
    );
    ids.list = list.data.id;
  });

  it('serves a real .xlsx with contact columns for staff, and logs the contact reads', async () => {
    const made = await link({ people: { list: ids.list }, format: 'XLSX' }, tokens.staff as string);
    expect(made.data?.url).toMatch(/^\/exports\/tgx_/);
    const reads = async () =>
      (
        await server.db.read<{ n: number }>(
          "MATCH (a:AuditEntry {subjectId: $id, action: 'read_personal_data'}) RETURN count(a) AS n",
          { id: raw(ids.人才一) },
        )
      )[0]?.n ?? 0;
    const before = await reads();
    const res = await get(made.data?.url as string, tokens.staff);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('电话');
    expect(rows.flat()).toContain('+86 138 0000 0001');
    expect(await reads()).toBe(before + 1);
  });

  it('leaves contact columns out for consultants', async () => {
    const made = await link(
      { people: { list: ids.list }, format: 'CSV' },
      tokens.consultant as string,
    );
    const res = await get(made.data?.url as string, tokens.consultant);
    expect(res.status).toBe(200);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF姓名')).toBe(true);
    expect(text).not.toContain('电话');
    expect(text.trim().split('\r\n')).toHaveLength(3);
  });

  it('refuses other accounts, no session, viewers, unknown and expired links', async () => {
    const made = await link({ people: { list: ids.list }, format: 'CSV' }, tokens.staff as string);
    const url = made.data?.url as string;
    expect((await get(url)).status).toBe(401);
    expect((await get(url, tokens.consultant)).status).toBe(403);
    expect((await get('/exports/tgx_nothing', tokens.staff)).status).toBe(404);
    const viewer = await server.gql(
      'mutation ($l: ID!) { createExportLink(people: {list: $l}, format: CSV) { __typename } }',
      { l: ids.list },
    );
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await link(
      { people: { list: ids.list, segment: ids.list }, format: 'CSV' },
      tokens.staff as string,
    );
    expect(bad.__typename).toBe('ValidationError');
    await server.db.writeTx((tx) =>
      tx.run(
        "MATCH (l:ExportLink {accountId: $me}) SET l.expiresAt = datetime() - duration('PT1S')",
        {
          me: accounts.staff,
        },
      ),
    );
    expect((await get(url, tokens.staff)).status).toBe(410);
  });

  it('exports the pipeline only with introductions the caller may see', async () => {
    const privateTeam = await createTeam(server, `${p}甲队`, 'team');
    const otherTeam = await createTeam(server, `${p}乙队`, 'team');
    const a = (await server.signIn('staff', { teamId: privateTeam })).token;
    const b = (await server.signIn('staff', { teamId: otherTeam })).token;
    ids.i6 = await introduce(
      server,
      { introducer: ids.引荐人, talent: ids.人才三, target: ids.org },
      [],
      {
        token: a,
      },
    );
    const pipeline = async (token: string) => {
      const made = await link({ pipeline: { from: today, to: today }, format: 'CSV' }, token);
      const res = await get(made.data?.url as string, token);
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer()).toString('utf8');
    };
    const ofA = await pipeline(a);
    const ofB = await pipeline(b);
    const line = `${p}引荐人,${p}人才三,${p}企业,提议`;
    expect(ofA).toContain(line);
    expect(ofB).not.toContain(line);
    // Team b still sees the team-less introductions of this file.
    expect(ofB).toContain(`${p}顾问,${p}人才一`);
  });
});
