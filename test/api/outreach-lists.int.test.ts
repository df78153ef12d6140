import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createEntity, introduce, mutate, removeOutreachData } from './outreach-helpers.ts';

/** The queries the outreach screens list from: segments and lists (who made them), scoped exports. */
let server: TestServer;
const p = testPrefix('olst');
let token = '';

beforeAll(async () => {
  server = await startTestServer();
  ({ token } = await server.signIn('staff', { name: `${p}王晓` }));
}, 60_000);

afterAll(async () => {
  await server.db.writeTx((tx) =>
    tx.run(
      'MATCH (x) WHERE (x:Segment OR x:PersonList OR x:Event) AND x.name STARTS WITH $p DETACH DELETE x',
      { p },
    ),
  );
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

describe('segments and lists to choose from', () => {
  it('lists segments and lists newest first, with the name of who made them', async () => {
    const older = await mutate(
      server,
      'createSegment',
      '$name: String!, $filter: PersonFilter!',
      'name: $name, filter: $filter',
      'id',
      { name: `${p}院士`, filter: { categories: ['academician'] } },
      { token },
    );
    const newer = await mutate(
      server,
      'createSegment',
      '$name: String!, $filter: PersonFilter!',
      'name: $name, filter: $filter',
      'id',
      { name: `${p}海归`, filter: { categories: ['returnee'] } },
      { token },
    );
    const list = await mutate(
      server,
      'freezeSegment',
      '$s: ID!, $n: String!',
      'segment: $s, name: $n',
      'id memberCount',
      { s: older.data.id, n: `${p}名单` },
      { token },
    );
    expect(list.data.memberCount).toBeGreaterThan(0);

    type Row = { id: string; name: string; createdByName: string | null; memberCount: number };
    const res = await server.gql<{ segments: Row[]; personLists: (Row & { segmentId: string })[] }>(
      '{ segments(first: 200) { id name createdByName memberCount } personLists(first: 200) { id name segmentId createdByName memberCount } }',
      {},
      { role: 'consultant' },
    );
    expect(res.errors).toBeUndefined();
    const mine = res.data!.segments.filter((s) => s.name.startsWith(p));
    expect(mine.map((s) => s.id)).toEqual([newer.data.id, older.data.id]);
    expect(mine[0]?.createdByName).toBe(`${p}王晓`);
    const frozen = res.data!.personLists.find((l) => l.id === list.data.id);
    expect(frozen).toMatchObject({
      segmentId: older.data.id,
      createdByName: `${p}王晓`,
      memberCount: list.data.memberCount,
    });
  });

  it('says a segment’s conditions with names instead of ids, and the segment a list came from', async () => {
    const field = await createEntity(server, 'Field', { name: `${p}功能蛋白` });
    const city = await createEntity(server, 'Place', { name: `${p}光谷市`, kind: 'city' });
    const gone = await createEntity(server, 'Place', { name: `${p}旧城`, kind: 'city' });
    const segment = await mutate(
      server,
      'createSegment',
      '$name: String!, $filter: PersonFilter!',
      'name: $name, filter: $filter',
      'id',
      {
        name: `${p}条件`,
        filter: {
          categories: ['academician', 'native_elsewhere'],
          fields: [field],
          livesIn: [city, gone],
          birthYearFrom: 1960,
        },
      },
      { token },
    );
    await mutate(server, 'deleteEntity', '$id: ID!', 'id: $id', 'id', { id: gone });
    const list = await mutate(
      server,
      'freezeSegment',
      '$s: ID!, $n: String!',
      'segment: $s, name: $n',
      'id',
      { s: segment.data.id, n: `${p}冻结` },
      { token },
    );
    const res = await server.gql<{
      segment: {
        conditions: {
          field: string;
          values: string[];
          enum: string | null;
          missing: number;
          entities: { id: string; name: string }[];
        }[];
      };
      personList: { segmentId: string; segment: { id: string; name: string } | null };
    }>(
      `query ($s: ID!, $l: ID!) {
        segment(id: $s) { conditions { field values enum missing entities { id name } } }
        personList(id: $l) { segmentId segment { id name } }
      }`,
      { s: segment.data.id, l: list.data.id },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.segment.conditions).toEqual([
      {
        field: 'categories',
        values: ['academician', 'native_elsewhere'],
        enum: 'PersonCategory',
        missing: 0,
        entities: [],
      },
      {
        field: 'fields',
        values: [],
        enum: null,
        missing: 0,
        entities: [{ id: field, name: `${p}功能蛋白` }],
      },
      // The deleted city is counted, not named.
      {
        field: 'livesIn',
        values: [],
        enum: null,
        missing: 1,
        entities: [{ id: city, name: `${p}光谷市` }],
      },
      { field: 'birthYearFrom', values: ['1960'], enum: null, missing: 0, entities: [] },
    ]);
    expect(res.data!.personList).toEqual({
      segmentId: segment.data.id,
      segment: { id: segment.data.id, name: `${p}条件` },
    });
  });

  it('is for outreach roles only', async () => {
    const res = await server.gql('{ segments { id } }', {}, { role: 'viewer' });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/not authorized|forbidden|permission/i);
  });
});

describe('pipeline export', () => {
  it('takes the report scope: only the introductions of the chosen event (history names who)', async () => {
    const event = async (name: string) =>
      (
        await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
          input: {
            name: `${p}${name}`,
            kind: 'forum',
            startsAt: '2026-06-01T14:00:00+08:00',
            timeZone: 'Asia/Shanghai',
          },
        })
      ).data.id as string;
    const withIntro = await event('论坛');
    const empty = await event('空场');
    const introducer = await createEntity(server, 'Person', { name: `${p}引荐人` });
    const talent = await createEntity(server, 'Person', { name: `${p}人才` });
    const target = await createEntity(server, 'Organization', {
      name: `${p}企业`,
      type: 'enterprise',
    });
    // Fails the test unless the introduction is created.
    const introId = await introduce(server, { introducer, talent, target, event: withIntro }, [], {
      token,
    });
    // Its history names who moved it (the board shows names, not account ids).
    const history = await server.gql<{
      introduction: { history: { to: string; byName: string }[] };
    }>(
      'query ($id: ID!) { introduction(id: $id) { history { to byName } } }',
      { id: introId },
      { role: 'staff' },
    );
    expect(history.data?.introduction.history).toEqual([{ to: 'proposed', byName: `${p}王晓` }]);
    const today = new Date().toISOString().slice(0, 10);
    const rows = async (e: string) => {
      const res = await server.gql<{ exportPipeline: { rows: number; base64: string } }>(
        'query ($e: ID!, $d: String!) { exportPipeline(from: $d, to: $d, scope: { event: $e }, format: CSV) { rows base64 } }',
        { e, d: today },
        { role: 'staff' },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.exportPipeline;
    };
    const one = await rows(withIntro);
    expect(one.rows).toBe(1);
    expect(Buffer.from(one.base64, 'base64').toString('utf8')).toContain(`${p}人才`);
    expect((await rows(empty)).rows).toBe(0);
  });
});
