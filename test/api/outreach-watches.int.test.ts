import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  createEntity,
  createTeam,
  introduce,
  mutate,
  removeOutreachData,
} from './outreach-helpers.ts';

let server: TestServer;
const p = testPrefix('owa');
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

type Who = { role?: 'admin' | 'staff' | 'consultant' | 'viewer'; token?: string };

interface Note {
  id: string;
  kind: string;
  subject: string;
  subjectName: string | null;
  detail: string | null;
  read: boolean;
}

async function notifications(who: Who, unreadOnly = false) {
  const res = await server.gql<{
    myNotifications: { unreadCount: number; edges: { node: Note }[] };
  }>(
    `query ($u: Boolean) { myNotifications(first: 100, unreadOnly: $u) { unreadCount
       edges { node { id kind subject subjectName detail read } } } }`,
    { u: unreadOnly },
    who,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.myNotifications as { unreadCount: number; edges: { node: Note }[] };
}
const about = async (who: Who, subject: string) =>
  (await notifications(who)).edges.map((e) => e.node).filter((n) => n.subject === subject);

const watch = (target: string, who: Who) =>
  mutate(
    server,
    'watch',
    '$t: ID!',
    'target: $t',
    'id target targetKind targetName',
    { t: target },
    who,
  );

async function addTie(input: Record<string, unknown>) {
  const res = await mutate(server, 'addTie', '$input: AddTieInput!', 'input: $input', 'id', {
    input,
  });
  expect(res.__typename).toBe('MutationAddTieSuccess');
  return res.data.id as string;
}

beforeAll(async () => {
  // A long query timeout: the machine running the tests is shared and often loaded.
  server = await startTestServer({ app: { limits: { queryTimeoutMs: 120_000 } } });
  for (const name of ['人才', '引荐人', '新成员', '旁人']) {
    ids[name] = await createEntity(server, 'Person', { name: `${p}${name}` });
  }
  ids.org = await createEntity(server, 'Organization', {
    name: `${p}光谷企业`,
    type: 'enterprise',
  });
  ids.city = await createEntity(server, 'Place', { name: `${p}武汉`, kind: 'city' });
  const privateTeam = await createTeam(server, `${p}甲队`, 'team');
  const otherTeam = await createTeam(server, `${p}乙队`, 'team');
  tokens.a = (await server.signIn('staff', { teamId: privateTeam })).token;
  tokens.b = (await server.signIn('staff', { teamId: otherTeam })).token;
  // An outreach role: it watches a segment too, and viewers see no outreach records.
  tokens.watcher = (await server.signIn('consultant')).token;
  tokens.bystander = (await server.signIn('viewer')).token;
}, 60_000);

afterAll(async () => {
  const subjects = Object.values(ids).map((id) => id.split(':')[1]);
  await server.db.writeTx(async (tx) => {
    await tx.run('MATCH (w:Watch) WHERE w.targetId IN $subjects DETACH DELETE w', { subjects });
    await tx.run('MATCH (n:Notification) WHERE n.subjectId IN $subjects DELETE n', { subjects });
  });
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

describe('watches and notifications', () => {
  it('refuses to watch what does not exist or is not watchable, with typed errors', async () => {
    const missing = await watch('Person:01J00000000000000000000000', { token: tokens.watcher });
    expect(missing.__typename).toBe('NotFoundError');
    const wrongKind = await watch(ids.org as string, { token: tokens.watcher });
    expect(wrongKind.__typename).toBe('ValidationError');
  });

  it('a new job, an ended job and a move are notified to the watcher only, not to the actor or others', async () => {
    await watch(ids.人才 as string, { role: 'staff' });
    const watched = await watch(ids.人才 as string, { token: tokens.watcher });
    expect(watched.data).toMatchObject({ targetKind: 'Person', targetName: `${p}人才` });
    // Watching twice keeps one watch.
    await watch(ids.人才 as string, { token: tokens.watcher });
    const mine = await server.gql<{ myWatches: { target: string }[] }>(
      '{ myWatches { target } }',
      {},
      { token: tokens.watcher },
    );
    expect(mine.data?.myWatches.filter((w) => w.target === ids.人才)).toHaveLength(1);

    const job = await addTie({
      kind: 'WORKED_AT',
      subject: ids.人才,
      object: ids.org,
      current: true,
    });
    await addTie({ kind: 'LIVES_IN', subject: ids.人才, object: ids.city, current: true });
    const ended = await mutate(server, 'endTie', '$id: ID!', 'id: $id, endYear: 2026', 'id', {
      id: job,
    });
    expect(ended.__typename).toBe('MutationEndTieSuccess');
    await mutate(
      server,
      'updatePerson',
      '$id: ID!',
      'id: $id, input: {title: "首席科学家"}',
      'id',
      {
        id: ids.人才,
      },
    );

    const seen = await about({ token: tokens.watcher }, ids.人才 as string);
    expect(seen.map((n) => n.kind).sort()).toEqual([
      'edited',
      'ended_job',
      'moved_city',
      'new_job',
    ]);
    expect(seen.find((n) => n.kind === 'new_job')?.detail).toBe(`${p}光谷企业`);
    expect(seen.find((n) => n.kind === 'moved_city')?.detail).toBe(`${p}武汉`);
    expect(seen.every((n) => n.subjectName === `${p}人才` && !n.read)).toBe(true);
    // Not watching: nothing. The staff who made the changes: nothing about their own writes.
    expect(await about({ token: tokens.bystander }, ids.人才 as string)).toEqual([]);
    expect(await about({ role: 'staff' }, ids.人才 as string)).toEqual([]);
  });

  it('a stage change of a watched introduction is notified, and not to a team that cannot see it', async () => {
    const introId = await introduce(
      server,
      { introducer: ids.引荐人, talent: ids.旁人, target: ids.org },
      [],
      { token: tokens.a },
    );
    ids.intro = introId;
    // Team b cannot see team a's introduction, so it cannot watch it either.
    expect((await watch(introId, { token: tokens.b })).__typename).toBe('NotFoundError');
    expect((await watch(introId, { token: tokens.watcher })).__typename).toBe('NotFoundError');
    // An admin sees every team's records and may watch it.
    expect((await watch(introId, { role: 'admin' })).__typename).toBe('MutationWatchSuccess');
    const moved = await mutate(
      server,
      'moveIntroduction',
      '$input: MoveIntroductionInput!',
      'input: $input',
      'id stage',
      { input: { id: introId, stage: 'contacted' } },
      { token: tokens.a },
    );
    expect(moved.data.stage).toBe('contacted');
    const seen = await about({ role: 'admin' }, introId);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: 'stage_changed' });
  });

  it('outreach activity on a watched person shows only to watchers who may see the record', async () => {
    await watch(ids.旁人 as string, { token: tokens.b });
    await watch(ids.旁人 as string, { token: tokens.watcher });
    const claim = await mutate(
      server,
      'claimPerson',
      '$input: ClaimInput!',
      'input: $input',
      'id',
      { input: { person: ids.旁人, claimant: '张处长' } },
      { token: tokens.a },
    );
    expect(claim.__typename).toBe('MutationClaimPersonSuccess');
    // Team a keeps its records to itself: neither team b nor a team-less consultant hears of the claim.
    expect(await about({ token: tokens.b }, ids.旁人 as string)).toEqual([]);
    expect(await about({ token: tokens.watcher }, ids.旁人 as string)).toEqual([]);
    await watch(ids.旁人 as string, { role: 'admin' });
    await mutate(
      server,
      'claimPerson',
      '$input: ClaimInput!',
      'input: $input',
      'id',
      { input: { person: ids.旁人, claimant: '李科长' } },
      { token: tokens.a },
    );
    expect((await about({ role: 'admin' }, ids.旁人 as string)).map((n) => n.kind)).toEqual([
      'activity',
    ]);
  });

  it('new members of a watched segment are notified once, when the watcher asks', async () => {
    const segment = await mutate(
      server,
      'createSegment',
      '$f: PersonFilter!',
      `name: "${p}武汉人", filter: $f`,
      'id',
      { f: { livesIn: [ids.city] } },
    );
    const segmentId = segment.data.id as string;
    ids.segment = segmentId;
    // 人才 lives in the city already: the snapshot at watch time holds it, so it is not "new".
    await watch(segmentId, { token: tokens.watcher });
    expect(await about({ token: tokens.watcher }, segmentId)).toEqual([]);
    await addTie({ kind: 'LIVES_IN', subject: ids.新成员, object: ids.city, current: true });
    const first = await about({ token: tokens.watcher }, segmentId);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'new_members', detail: `1: ${p}新成员` });
    // Asking again finds nothing new.
    expect(await about({ token: tokens.watcher }, segmentId)).toHaveLength(1);
    expect(await about({ token: tokens.bystander }, segmentId)).toEqual([]);
  });

  it('pages by keyset, counts unread and marks read', async () => {
    const all = await notifications({ token: tokens.watcher });
    expect(all.unreadCount).toBe(all.edges.length);
    expect(all.unreadCount).toBeGreaterThanOrEqual(5);
    const page1 = await server.gql<{
      myNotifications: {
        edges: { node: Note }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(
      '{ myNotifications(first: 2) { edges { node { id } } pageInfo { endCursor hasNextPage } } }',
      {},
      { token: tokens.watcher },
    );
    const info = page1.data?.myNotifications.pageInfo;
    expect(info?.hasNextPage).toBe(true);
    const page2 = await server.gql<{ myNotifications: { edges: { node: Note }[] } }>(
      'query ($a: String) { myNotifications(first: 2, after: $a) { edges { node { id } } } }',
      { a: info?.endCursor },
      { token: tokens.watcher },
    );
    const ids1 = page1.data?.myNotifications.edges.map((e) => e.node.id) ?? [];
    const ids2 = page2.data?.myNotifications.edges.map((e) => e.node.id) ?? [];
    expect([...ids1, ...ids2]).toEqual(all.edges.slice(0, 4).map((e) => e.node.id));

    const res = await server.gql<{ markNotificationsRead: { data: number } }>(
      'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) { ... on MutationMarkNotificationsReadSuccess { data } } }',
      { ids: ids1 },
      { token: tokens.watcher },
    );
    expect(res.data?.markNotificationsRead.data).toBe(all.unreadCount - 2);
    // Someone else cannot mark my notifications.
    const other = await server.gql<{ markNotificationsRead: { data: number } }>(
      'mutation { markNotificationsRead(all: true) { ... on MutationMarkNotificationsReadSuccess { data } } }',
      {},
      { token: tokens.bystander },
    );
    expect(other.data?.markNotificationsRead.data).toBe(0);
    expect((await notifications({ token: tokens.watcher }, true)).edges).toHaveLength(
      all.unreadCount - 2,
    );
    const unwatch = await server.gql<{ unwatch: { data: boolean } }>(
      'mutation ($t: ID!) { unwatch(target: $t) { ... on MutationUnwatchSuccess { data } } }',
      { t: ids.人才 },
      { token: tokens.watcher },
    );
    expect(unwatch.data?.unwatch.data).toBe(true);
    await mutate(server, 'updatePerson', '$id: ID!', 'id: $id, input: {title: "院长"}', 'id', {
      id: ids.人才,
    });
    expect(await about({ token: tokens.watcher }, ids.人才 as string)).toHaveLength(4);
  });
});
