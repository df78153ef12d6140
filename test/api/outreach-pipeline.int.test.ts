import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  createEntity,
  createTeam as createTeamAs,
  mutate,
  removeOutreachData,
} from './outreach-helpers.ts';

let server: TestServer;
const p = testPrefix('opl');
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const INTRO = 'id stage createdBy history { from to by note override } targetId';

const createTeam = (name: string, visibility: 'team' | 'deployment') =>
  createTeamAs(server, `${p}${name}`, visibility);

const introduce = (
  input: Record<string, unknown>,
  who: { role?: 'staff' | 'consultant'; token?: string } = { role: 'staff' },
) =>
  mutate(
    server,
    'createIntroduction',
    '$input: NewIntroductionInput!',
    'input: $input',
    INTRO,
    { input },
    who,
  );

const move = (
  input: Record<string, unknown>,
  who: { role?: 'staff' | 'consultant'; token?: string } = { role: 'staff' },
) =>
  mutate(
    server,
    'moveIntroduction',
    '$input: MoveIntroductionInput!',
    'input: $input',
    INTRO,
    { input },
    who,
  );

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['引荐人', '人才', '人才二']) {
    ids[name] = await createEntity(server, 'Person', { name: `${p}${name}` });
  }
  ids.place = await createEntity(server, 'Place', { name: `${p}落户区`, kind: 'district' });
  ids.host = await createEntity(server, 'Organization', { name: `${p}孵化器`, type: 'incubator' });
  ids.org = await createEntity(server, 'Organization', { name: `${p}企业`, type: 'enterprise' });
  ids.project = await createEntity(server, 'Project', {
    name: `${p}项目`,
    kind: 'startup',
    status: 'negotiating',
  });
  const privateTeam = await createTeam('甲队', 'team');
  const openTeam = await createTeam('乙队', 'deployment');
  const otherTeam = await createTeam('丙队', 'team');
  tokens.a = (await server.signIn('staff', { teamId: privateTeam })).token;
  tokens.a2 = (await server.signIn('staff', { teamId: privateTeam })).token;
  tokens.b = (await server.signIn('staff', { teamId: openTeam })).token;
  tokens.c = (await server.signIn('staff', { teamId: otherTeam })).token;
  tokens.consultant1 = (await server.signIn('consultant', { teamId: privateTeam })).token;
  tokens.consultant2 = (await server.signIn('consultant', { teamId: privateTeam })).token;
}, 60_000);

afterAll(async () => {
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

describe('introductions pipeline', () => {
  it('moves along allowed stages with a complete history, and rejects illegal moves', async () => {
    const created = await introduce({
      introducer: ids.引荐人,
      talent: ids.人才,
      target: ids.project,
      channel: 'wechat',
      note: '老同学',
    });
    expect(created.__typename).toBe('MutationCreateIntroductionSuccess');
    const intro = created.data;
    expect(intro.stage).toBe('proposed');

    const skip = await move({ id: intro.id, stage: 'signed' });
    expect(skip.__typename).toBe('ConflictError');
    expect(skip.path).toEqual(['input', 'stage']);

    for (const stage of ['contacted', 'interested', 'visited', 'negotiating']) {
      const res = await move({ id: intro.id, stage, note: `到${stage}` });
      expect(res.data?.stage, JSON.stringify(res)).toBe(stage);
    }
    const early = await move({ id: intro.id, stage: 'landed' });
    expect(early.__typename).toBe('ConflictError');
    expect(early.message).toMatch(/only after 'signed'/);

    const noNote = await move({ id: intro.id, stage: 'landed', override: true });
    expect(noNote.__typename).toBe('ValidationError');

    const overridden = await move({
      id: intro.id,
      stage: 'landed',
      override: true,
      note: '先落地后签约',
      landing: { place: ids.place, host: ids.host },
    });
    expect(overridden.data?.stage).toBe('landed');
    const history = overridden.data.history;
    expect(history.map((h: { to: string }) => h.to)).toEqual([
      'proposed',
      'contacted',
      'interested',
      'visited',
      'negotiating',
      'landed',
    ]);
    expect(history[0].from).toBeNull();
    expect(history.at(-1)).toMatchObject({
      from: 'negotiating',
      override: true,
      note: '先落地后签约',
    });
    expect(history.every((h: { by: string }) => h.by.startsWith('Account:'))).toBe(true);

    const after = await move({ id: intro.id, stage: 'contacted' });
    expect(after.__typename).toBe('ConflictError');

    // The project landed where the landing said, through the tie writer (with history).
    const project = await server.gql<{ node: { status: string } }>(
      'query ($id: ID!) { node(id: $id) { ... on Project { status } } }',
      { id: ids.project },
    );
    expect(project.data?.node.status).toBe('landed');
    const ties = await server.db.read<{ kind: string; changes: number }>(
      `MATCH (:Project {id: $id})-[r:LANDED_IN|HOSTED_BY]->(x) WHERE x.id IN $to
       RETURN type(r) AS kind, COUNT { MATCH (c:Change {tieId: r.id, op: 'tie_add'}) } AS changes ORDER BY kind`,
      { id: ids.project.split(':')[1], to: [ids.place.split(':')[1], ids.host.split(':')[1]] },
    );
    expect(ties).toEqual([
      { kind: 'HOSTED_BY', changes: 1 },
      { kind: 'LANDED_IN', changes: 1 },
    ]);
  });

  it('lands a signed introduction without override, and refuses bad ids with typed errors', async () => {
    const { data } = await introduce({
      introducer: ids.引荐人,
      talent: ids.人才二,
      target: ids.org,
    });
    for (const stage of ['contacted', 'interested', 'negotiating', 'signed', 'landed']) {
      expect((await move({ id: data.id, stage })).data?.stage).toBe(stage);
    }
    const history = (await move({ id: data.id, stage: 'dormant' })).__typename;
    expect(history).toBe('ConflictError');
    const missing = await introduce({
      introducer: ids.引荐人,
      talent: ids.人才,
      target: 'Organization:nope',
    });
    expect(missing.__typename).toBe('NotFoundError');
    const self = await introduce({ introducer: ids.人才, talent: ids.人才, target: ids.org });
    expect(self.__typename).toBe('ValidationError');
    const wrongKind = await introduce({
      introducer: ids.人才,
      talent: ids.人才二,
      target: ids.place,
    });
    expect(wrongKind.__typename).toBe('ValidationError');
  });

  it('shows introductions and their stage changes on the target organisation’s timeline', async () => {
    const res = await server.gql<{
      node: { timeline: { kind: string; status: string; at: string }[] };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Organization { timeline { kind status at } } } }',
      { id: ids.org },
      { role: 'staff' },
    );
    const items = res.data!.node.timeline;
    expect(items.filter((i) => i.kind === 'introduction')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'stage_change').map((i) => i.status)).toEqual([
      'landed',
      'signed',
      'negotiating',
      'interested',
      'contacted',
    ]);
    const ats = items.map((i) => Date.parse(i.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
  });

  it('counts introducer load over the last 90 days', async () => {
    const res = await server.gql<{ person: { introducerLoad: number } }>(
      'query ($id: ID!) { person(id: $id) { introducerLoad } }',
      { id: ids.引荐人 },
    );
    expect(res.data?.person.introducerLoad).toBe(2);
  });
});

describe('team visibility', () => {
  const seenBy = async (token: string, talent: string) => {
    const res = await server.gql<{ introductions: { id: string }[] }>(
      'query ($t: ID!) { introductions(talent: $t) { id } }',
      { t: talent },
      { token },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.introductions.map((i) => i.id);
  };

  it('shows a private team’s records to its team only, a deployment team’s to everyone', async () => {
    const talent = await createEntity(server, 'Person', { name: `${p}可见性` });
    const mine = (
      await introduce({ introducer: ids.引荐人, talent, target: ids.org }, { token: tokens.a })
    ).data.id;
    const open = (
      await introduce({ introducer: ids.引荐人, talent, target: ids.host }, { token: tokens.b })
    ).data.id;

    expect((await seenBy(tokens.a2, talent)).sort()).toEqual([mine, open].sort());
    expect(await seenBy(tokens.c, talent)).toEqual([open]);
    expect((await seenBy(tokens.b, talent)).sort()).toEqual([open].sort());
    // Another team cannot move a record it cannot see.
    const hidden = await move({ id: mine, stage: 'contacted' }, { token: tokens.c });
    expect(hidden.__typename).toBe('NotFoundError');
  });

  it('shows consultants only their own introductions and follow-ups', async () => {
    const talent = await createEntity(server, 'Person', { name: `${p}顾问` });
    const own = (
      await introduce(
        { introducer: ids.引荐人, talent, target: ids.org },
        { token: tokens.consultant1 },
      )
    ).data.id;
    await introduce(
      { introducer: ids.引荐人, talent, target: ids.host },
      { token: tokens.consultant2 },
    );
    await introduce({ introducer: ids.引荐人, talent, target: ids.project }, { token: tokens.a });
    expect(await seenBy(tokens.consultant1, talent)).toEqual([own]);
    expect((await seenBy(tokens.a, talent)).length).toBe(3);

    const task = await mutate(
      server,
      'createFollowUp',
      '$input: FollowUpInput!',
      'input: $input',
      'id',
      {
        input: { title: `${p}回访`, dueOn: '2020-01-01', subject: talent },
      },
      { token: tokens.consultant2 },
    );
    expect(task.__typename).toBe('MutationCreateFollowUpSuccess');
    const done = await mutate(
      server,
      'completeFollowUp',
      '$id: ID!',
      'id: $id',
      'id',
      { id: task.data.id },
      { token: tokens.consultant1 },
    );
    expect(done.__typename).toBe('NotFoundError');
  });
});

describe('claims', () => {
  const claim = (person: string, token: string) =>
    mutate(
      server,
      'claimPerson',
      '$input: ClaimInput!',
      'input: $input',
      'id claimant active teamName',
      {
        input: { person, claimant: '张处长', since: '2026-01-05', note: '已接触' },
      },
      { token },
    );

  it('blocks a second active claim by another team, shows claims on the person, frees on release', async () => {
    const person = await createEntity(server, 'Person', { name: `${p}认领` });
    const first = await claim(person, tokens.b);
    expect(first.__typename).toBe('MutationClaimPersonSuccess');
    const second = await claim(person, tokens.a);
    expect(second.__typename).toBe('ConflictError');
    expect(second.message).toMatch(/since 2026-01-05/);
    expect((await claim(person, tokens.b)).__typename).toBe('MutationClaimPersonSuccess');

    const shown = await server.gql<{ person: { claims: { claimant: string; active: boolean }[] } }>(
      'query ($id: ID!) { person(id: $id) { claims(activeOnly: true) { claimant active } } }',
      { id: person },
      { token: tokens.c },
    );
    expect(shown.data?.person.claims).toHaveLength(2);

    const notMine = await mutate(
      server,
      'releaseClaim',
      '$id: ID!',
      'id: $id',
      'active',
      { id: first.data.id },
      { token: tokens.a },
    );
    expect(notMine.__typename).toBe('NotFoundError');
    for (const id of [first.data.id]) {
      const released = await mutate(
        server,
        'releaseClaim',
        '$id: ID!',
        'id: $id',
        'active',
        { id },
        { token: tokens.b },
      );
      expect(released.data?.active).toBe(false);
    }
    // One active claim of team b is left, so team a is still blocked.
    expect((await claim(person, tokens.a)).__typename).toBe('ConflictError');
  });
});

describe('follow-ups', () => {
  it('lists my due and overdue open follow-ups only', async () => {
    const person = await createEntity(server, 'Person', { name: `${p}跟进` });
    const make = (title: string, dueOn: string) =>
      mutate(
        server,
        'createFollowUp',
        '$input: FollowUpInput!',
        'input: $input',
        'id overdue',
        {
          input: { title: `${p}${title}`, dueOn, subject: person },
        },
        { token: tokens.a },
      );
    const overdue = await make('逾期', '2026-01-01');
    const today = await make('今天', '2026-03-10');
    await make('以后', '2026-12-31');
    expect(overdue.data.overdue).toBe(true);
    const bad = await make('坏日期', '2026-13-01');
    expect(bad.__typename).toBe('ValidationError');

    const due = async () => {
      const res = await server.gql<{ myFollowUps: { id: string }[] }>(
        'query { myFollowUps(due: "2026-03-10") { id } }',
        {},
        { token: tokens.a },
      );
      return res.data!.myFollowUps.map((f) => f.id);
    };
    expect(await due()).toEqual([overdue.data.id, today.data.id]);
    await mutate(
      server,
      'completeFollowUp',
      '$id: ID!',
      'id: $id',
      'done',
      { id: overdue.data.id },
      { token: tokens.a },
    );
    expect(await due()).toEqual([today.data.id]);
  });
});
