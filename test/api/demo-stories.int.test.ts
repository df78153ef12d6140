import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultantRoles } from '../../schema/outreach/attribution.ts';
import { encodeGlobalId } from '../../schema/shared/global-id.ts';
import { enumWord } from '../../schema/shared/words/words.ts';
import { xlsxSheets } from '../helpers/export-files.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// The demo graph's dates and stories, and the outcome report on it, against counts made here.
let server: TestServer;
let demoSource = '';
beforeAll(async () => {
  server = await startTestServer();
  const [source] = await server.db.read<{ id: string }>(
    "MATCH (s:Source {kind: 'seed'}) WHERE s.title STARTS WITH 'Demo' RETURN s.id AS id",
  );
  demoSource = source?.id ?? '';
});
afterAll(() => server.close());

const DAY = 86_400_000;
/** Only demo introductions were made in this period (the tests' own are made today). */
const period = { from: '2024-01-01', to: '2024-12-31' };

describe('the demo graph’s dates', () => {
  it('starts no acquaintance before both were born, nor (family aside) before both were 16', async () => {
    const [r] = await server.db.read<{ ties: number; beforeBirth: number; before16: number }>(
      `MATCH (a:Person)-[k:KNOWS {sourceId: $source}]->(b:Person)
       RETURN count(k) AS ties,
         count(CASE WHEN k.since < a.birthYear OR k.since < b.birthYear THEN 1 END) AS beforeBirth,
         count(CASE WHEN k.kind <> 'family'
           AND (k.since < a.birthYear + 16 OR k.since < b.birthYear + 16) THEN 1 END) AS before16`,
      { source: demoSource },
    );
    expect(r?.ties).toBeGreaterThan(1000);
    expect(r).toMatchObject({ beforeBirth: 0, before16: 0 });
  });

  it('has degrees at the ages people take them, and work from 16', async () => {
    const bad = await server.db.read<{ degree: string; born: number; from: number; to: number }>(
      `MATCH (p:Person)-[s:STUDIED_AT {sourceId: $source}]->()
       WITH p.birthYear AS born, s.degree AS degree, s.from AS from, s.to AS to,
            {bachelor: [17, 23], master: [21, 26], phd: [22, 30], postdoc: [24, 33]}[s.degree] AS ages
       WHERE from - born < ages[0] OR coalesce(to, from) - born > ages[1]
       RETURN degree, born, from, to LIMIT 5`,
      { source: demoSource },
    );
    expect(bad).toEqual([]);
    const [work] = await server.db.read<{ jobs: number; young: number }>(
      `MATCH (p:Person)-[w:WORKED_AT {sourceId: $source}]->()
       RETURN count(w) AS jobs, count(CASE WHEN w.from < p.birthYear + 16 THEN 1 END) AS young`,
      { source: demoSource },
    );
    expect(work?.jobs).toBeGreaterThan(1000);
    expect(work?.young).toBe(0);
  });

  it('moves every introduction through its stages days to months apart, ending where it is', async () => {
    const intros = await server.db.read<{ stage: string; moves: { to: string; at: number }[] }>(
      `MATCH (i:Introduction {sourceId: $source})
       RETURN i.stage AS stage, COLLECT { MATCH (i)-[:MOVED]->(m:StageMove)
         WITH m ORDER BY m.at RETURN {to: m.to, at: m.at.epochMillis} } AS moves`,
      { source: demoSource },
    );
    expect(intros.length).toBeGreaterThan(100);
    const stays: number[] = [];
    for (const i of intros) {
      expect(i.moves[0]?.to).toBe('proposed');
      expect(i.moves[i.moves.length - 1]?.to).toBe(i.stage);
      for (let k = 1; k < i.moves.length; k++) {
        stays.push(((i.moves[k]?.at ?? 0) - (i.moves[k - 1]?.at ?? 0)) / DAY);
      }
    }
    expect(Math.min(...stays)).toBeGreaterThanOrEqual(1);
    expect(stays.filter((d) => d >= 30).length).toBeGreaterThan(10);
  });

  it('says in words who made the demo’s moves (no account did)', async () => {
    const [intro] = await server.db.read<{ id: string }>(
      `MATCH (i:Introduction {sourceId: $source, stage: 'landed'}) RETURN i.id AS id ORDER BY i.id LIMIT 1`,
      { source: demoSource },
    );
    const res = await server.gql<{ introduction: { history: { to: string; byName: string }[] } }>(
      'query ($id: ID!) { introduction(id: $id) { history { to byName } } }',
      { id: encodeGlobalId('Introduction', intro?.id ?? '') },
      { role: 'staff' },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const history = res.data?.introduction.history ?? [];
    expect(history.map((m) => m.to).slice(-2)).toEqual(['signed', 'landed']);
    expect(new Set(history.map((m) => m.byName))).toEqual(new Set(['演示数据']));
  });
});

describe('the demo graph’s stories', () => {
  it('has Hubei-born academicians and experts abroad, each with a warm path to a 武汉市招才局 consultant', async () => {
    const consultants = await server.db.read<{ id: string }>(
      `MATCH (c:Person)-[m:MEMBER_OF]->(:Organization {name: '武汉市招才局'})
       WHERE m.role IN $roles AND coalesce(m.current, m.to IS NULL) AND NOT m.deleted
       RETURN c.id AS id`,
      { roles: consultantRoles },
    );
    expect(consultants.length).toBeGreaterThan(0);
    const abroad = await server.db.read<{ id: string; name: string }>(
      `MATCH (p:Person {sourceId: $source})
       WHERE any(c IN p.categories WHERE c IN ['academician', 'leading_talent'])
         AND EXISTS { (p)-[:BORN_IN]->(:Place)-[:PART_OF*0..3]->(:Place {name: '湖北省'}) }
         AND EXISTS { MATCH (p)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(c:Place {kind: 'country'})
                      WHERE l.current AND c.name <> '中国' }
       RETURN p.id AS id, p.name AS name ORDER BY p.id`,
      { source: demoSource },
    );
    expect(abroad.length).toBeGreaterThanOrEqual(3);
    const from = consultants.map((c) => encodeGlobalId('Person', c.id));
    const withPath: string[] = [];
    for (const person of abroad) {
      const res = await server.gql<{
        introductionPaths: { paths: { people: { id: string }[]; consultants: { id: string }[] }[] };
      }>(
        `query ($from: [ID!]!, $to: ID!) { introductionPaths(from: $from, to: $to, maxHops: 3) {
           paths { people { id } consultants { id } } } }`,
        { from, to: encodeGlobalId('Person', person.id) },
        { role: 'staff' },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const path = res.data?.introductionPaths.paths[0];
      if (path && from.includes(path.people[0]?.id ?? '')) withPath.push(person.name);
    }
    expect(withPath.length, `paths to ${abroad.map((p) => p.name)}`).toBeGreaterThanOrEqual(3);
  });
});

interface Report {
  total: number;
  invited: number;
  attended: number;
  stages: {
    stage: string;
    current: number;
    reached: number | null;
    meanDays: number | null;
    medianDays: number | null;
  }[];
  byEvent: { key: string; signed: number; landed: number }[];
  byChannel: { key: string; signed: number; landed: number }[];
  byStation: { key: string; signed: number; landed: number }[];
}

describe('the outcome report on the demo graph', () => {
  let report: Report;
  beforeAll(async () => {
    const res = await server.gql<{ outcomeReport: Report }>(
      `query ($from: String!, $to: String!) { outcomeReport(from: $from, to: $to) {
         total invited attended stages { stage current reached meanDays medianDays }
         byEvent { key signed landed } byChannel { key signed landed } byStation { key signed landed } } }`,
      period,
      { role: 'staff' },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    report = res.data?.outcomeReport as Report;
  });

  it('counts the introductions in each stage and their mean and median days, as the moves say', async () => {
    const intros = await server.db.read<{ stage: string; moves: { to: string; at: number }[] }>(
      `MATCH (i:Introduction) WHERE i.createdAt >= datetime($from)
         AND i.createdAt < datetime($to) + duration('P1D') AND NOT coalesce(i.deleted, false)
       RETURN i.stage AS stage, COLLECT { MATCH (i)-[:MOVED]->(m:StageMove)
         WITH m ORDER BY m.at RETURN {to: m.to, at: m.at.epochMillis} } AS moves`,
      period,
    );
    expect(report.total).toBe(intros.length);
    const current = new Map<string, number>();
    const days = new Map<string, number[]>();
    for (const i of intros) {
      current.set(i.stage, (current.get(i.stage) ?? 0) + 1);
      for (let k = 1; k < i.moves.length; k++) {
        const stage = i.moves[k - 1]?.to as string;
        const stay = ((i.moves[k]?.at ?? 0) - (i.moves[k - 1]?.at ?? 0)) / DAY;
        days.set(stage, [...(days.get(stage) ?? []), stay]);
      }
    }
    for (const s of report.stages) {
      expect(s.current, s.stage).toBe(current.get(s.stage) ?? 0);
      const stays = days.get(s.stage);
      if (!stays) {
        expect(s.meanDays, s.stage).toBeNull();
        expect(s.medianDays, s.stage).toBeNull();
        continue;
      }
      expect(s.meanDays, s.stage).toBeCloseTo(stays.reduce((a, b) => a + b) / stays.length, 6);
      // The median of an even number of stays is halfway between the middle two.
      const sorted = [...stays].sort((a, b) => a - b);
      const mid = (sorted.length - 1) / 2;
      const median = ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
      expect(s.medianDays, s.stage).toBeCloseTo(median, 6);
    }
    // Every stage an introduction passes through has days (landed, declined and dormant end it).
    for (const stage of ['proposed', 'contacted', 'interested', 'visited', 'negotiating', 'signed'])
      expect(report.stages.find((s) => s.stage === stage)?.meanDays, stage).toBeGreaterThanOrEqual(
        1,
      );
  });

  it('credits events, channels and talent stations with what they brought', async () => {
    const credits = await server.db.read<{ cut: string; key: string; n: number }>(
      `MATCH (i:Introduction) WHERE i.createdAt >= datetime($from)
         AND i.createdAt < datetime($to) + duration('P1D') AND i.stage IN ['signed', 'landed']
       OPTIONAL MATCH (i)-[:VIA_EVENT]->(e:Event)
       OPTIONAL MATCH (e)-[:ORGANIZED_BY]->(st:Organization {type: 'talent_station'})
       UNWIND [['channel', i.channel], ['event', e.id], ['station', st.id]] AS c
       WITH c WHERE c[1] IS NOT NULL
       RETURN c[0] AS cut, c[1] AS key, count(*) AS n`,
      period,
    );
    const sum = (rows: { signed: number; landed: number }[]) =>
      rows.reduce((a, r) => a + r.signed + r.landed, 0);
    const ours = (cut: string) => credits.filter((c) => c.cut === cut).reduce((a, c) => a + c.n, 0);
    expect(sum(report.byChannel)).toBe(ours('channel'));
    expect(sum(report.byEvent)).toBe(ours('event'));
    expect(ours('event')).toBeGreaterThan(0);
    // Stations are credited through their sessions (and their staff, which the demo has few of).
    expect(sum(report.byStation)).toBeGreaterThanOrEqual(ours('station'));
    expect(ours('station')).toBeGreaterThan(0);
  });

  it('counts the people invited and attending in the period', async () => {
    const [r] = await server.db.read<{ invited: number; attended: number }>(
      // A list's invitations keep their time on their batch (InvitationBatch), the seed's their own.
      `MATCH (p:Person)-[r:INVITED_TO]->(:Event)
       OPTIONAL MATCH (b:InvitationBatch {id: left(r.id, 26)})
       WITH p, r, coalesce(r.invitedAt, r.recordedAt, b.at) AS invitedAt
       WHERE invitedAt >= datetime($from) AND invitedAt < datetime($to) + duration('P1D')
         AND NOT coalesce(r.deleted, false) AND NOT p.deleted
       RETURN count(DISTINCT p) AS invited,
              count(DISTINCT CASE WHEN r.status = 'attended' THEN p END) AS attended`,
      period,
    );
    expect(r?.invited).toBeGreaterThan(0);
    expect(r?.attended).toBeGreaterThan(0);
    expect({ invited: report.invited, attended: report.attended }).toEqual(r);
  });

  it('exports the pipeline as .xlsx with a funnel sheet beside the rows', async () => {
    const res = await server.gql<{ exportPipeline: { base64: string; rows: number } }>(
      `query ($from: String!, $to: String!) {
         exportPipeline(from: $from, to: $to, format: XLSX) { base64 rows } }`,
      period,
      { role: 'staff', headers: { 'accept-language': 'en' } },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const sheets = await xlsxSheets(res.data?.exportPipeline.base64 ?? '');
    expect(sheets.map((s) => s.name)).toEqual(['List', 'Funnel']);
    expect(sheets[0]?.rows.length).toBe(report.total + 1);
    const funnel = sheets[1]?.rows ?? [];
    expect(funnel[0]?.slice(0, 5)).toEqual([
      'Stage',
      'Now',
      'Reached',
      'Conversion',
      'Mean days in stage',
    ]);
    const byStage = new Map(funnel.slice(1).map((row) => [row[0], row]));
    for (const s of report.stages) {
      const row = byStage.get(enumWord('en', 'stage', s.stage));
      expect(row, s.stage).toBeDefined();
      expect(row?.[1], s.stage).toBe(s.current);
      expect(row?.[2] ?? null, s.stage).toBe(s.reached);
      if (s.meanDays !== null) expect(row?.[4], s.stage).toBeCloseTo(s.meanDays, 1);
    }
    expect(byStage.get('People invited')?.[1]).toBe(report.invited);
    expect(byStage.get('People attended')?.[1]).toBe(report.attended);
  });
});
