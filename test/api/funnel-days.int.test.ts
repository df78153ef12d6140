/**
 * The funnel days (schema/outreach/funnel-days.ts) must equal a fresh recount after any sequence of
 * writes through the API: introductions created and moved (back from dormant too), talents merged
 * and unmerged, talents erased with their introductions. The recount below reads each introduction's
 * moves itself (not the facts the product keeps on it) and groups them in TypeScript. The test's
 * introductions belong to a team of its own, so its days hold nothing another file writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelStages, type IntroductionStage, stageMoves } from '../../schema/outreach/stages.ts';
import { type SeededRandom, seededRandom } from '../helpers/seeded-random.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  createEntity,
  createTeam,
  ERR,
  introduce,
  moveIntroduction,
  removeOutreachData,
} from './outreach-helpers.ts';

let server: TestServer;
let team: string;
let who: { token: string };
const p = testPrefix('fday');
const admin = { role: 'admin' as const };

const world = {
  people: [] as string[],
  target: '',
  intros: [] as { id: string; stage: IntroductionStage }[],
  /** Merges that may be undone, with the person merged away (gone until the undo). */
  merges: [] as { id: string; person: string }[],
  erased: 0,
  merged: 0,
};

beforeAll(async () => {
  server = await startTestServer();
  team = await createTeam(server, `${p}组`, 'team');
  who = { token: (await server.signIn('staff', { teamId: team })).token };
  world.target = await createEntity(server, 'Organization', {
    name: `${p}实验室`,
    type: 'key_lab',
  });
  for (let k = 0; k < 14; k++) {
    world.people.push(await createEntity(server, 'Person', { name: `${p}人${k}` }));
  }
}, 120_000);

afterAll(async () => {
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

async function move(intro: { id: string; stage: IntroductionStage }, stage: IntroductionStage) {
  await moveIntroduction(server, intro.id, stage, who);
  intro.stage = stage;
}

const ops = {
  async introduce(r: SeededRandom) {
    const introducer = r.pick(world.people);
    const talent = r.pick(world.people.filter((x) => x !== introducer));
    const id = await introduce(server, { introducer, talent, target: world.target }, [], who);
    const intro = { id, stage: 'proposed' as IntroductionStage };
    world.intros.push(intro);
    for (let k = r.int(4); k > 0 && stageMoves[intro.stage].length; k--) {
      await move(intro, r.pick(stageMoves[intro.stage]));
    }
  },
  async move(r: SeededRandom) {
    const movable = world.intros.filter((i) => stageMoves[i.stage].length);
    if (!movable.length) return;
    const intro = r.pick(movable);
    // Back from dormant when it can: a second stay in `contacted`.
    const next = stageMoves[intro.stage];
    await move(intro, next.includes('contacted') ? 'contacted' : r.pick(next));
  },
  async merge(r: SeededRandom) {
    const keep = r.pick(world.people);
    const merge = r.pick(world.people.filter((x) => x !== keep));
    const res = await server.gql<{ mergePeople: { __typename: string; data?: { id: string } } }>(
      `mutation ($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m) { ${ERR} ... on MutationMergePeopleSuccess { data { id } } } }`,
      { k: keep, m: merge },
      admin,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const id = res.data?.mergePeople.data?.id;
    if (!id) return;
    world.merges.push({ id, person: merge });
    world.merged++;
    world.people = world.people.filter((x) => x !== merge);
  },
  async undoMerge(r: SeededRandom) {
    if (!world.merges.length) return;
    const [{ id, person }] = world.merges.splice(r.int(world.merges.length), 1) as [
      { id: string; person: string },
    ];
    const res = await server.gql<{ undoMerge: { __typename: string } }>(
      `mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} } }`,
      { id },
      admin,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data?.undoMerge.__typename).toBe('MutationUndoMergeSuccess');
    world.people.push(person);
  },
  async erase(r: SeededRandom) {
    if (world.people.length < 8) return;
    const id = world.people.splice(r.int(world.people.length), 1)[0] as string;
    const res = await server.gql(
      `mutation ($id: ID!) { erasePersonalData(person: $id, scope: EVERYTHING, reason: "测试") { ${ERR} } }`,
      { id },
      admin,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    world.erased++;
  },
};

/** The team's days as the product keeps them, and as recounted from each introduction's moves. */
async function storedAndRecounted() {
  const stored = await server.db.read<{ f: Record<string, unknown> }>(
    'MATCH (f:FunnelDay {teamId: $team}) RETURN f {.*, day: toString(f.day)} AS f ORDER BY f.key',
    { team },
  );
  const intros = await server.db.read<{
    createdAt: number;
    stage: IntroductionStage;
    moves: { to: IntroductionStage; at: number }[];
  }>(
    `MATCH (i:Introduction {teamId: $team}) WHERE NOT coalesce(i.deleted, false)
     RETURN i.createdAt.epochMillis AS createdAt, i.stage AS stage,
            COLLECT { MATCH (i)-[:MOVED]->(m:StageMove) WITH m ORDER BY m.at, m.id
                      RETURN {to: m.to, at: m.at.epochMillis} } AS moves`,
    { team },
  );
  const days = new Map<string, { counts: Map<string, number>; stays: Map<string, number[]> }>();
  for (const i of intros) {
    const day = new Date(i.createdAt).toISOString().slice(0, 10);
    const d = days.get(day) ?? { counts: new Map(), stays: new Map() };
    days.set(day, d);
    const reached = i.moves.length ? i.moves.map((m) => m.to) : [i.stage];
    const furthest = Math.max(0, ...reached.map((s) => funnelStages.indexOf(s as never)));
    const key = `${i.stage}|${furthest}`;
    d.counts.set(key, (d.counts.get(key) ?? 0) + 1);
    for (let k = 1; k < i.moves.length; k++) {
      const stage = i.moves[k - 1]?.to as string;
      d.stays.set(stage, [
        ...(d.stays.get(stage) ?? []),
        (i.moves[k]?.at as number) - (i.moves[k - 1]?.at as number),
      ]);
    }
  }
  const recounted = [...days]
    .map(([day, d]) => {
      const keys = [...d.counts.keys()].sort();
      return {
        key: `${day}|${team}`,
        day,
        teamId: team,
        counts: keys,
        countNs: keys.map((k) => d.counts.get(k)),
        ...Object.fromEntries(
          [...d.stays].map(([stage, ms]) => [`stays_${stage}`, ms.sort((a, b) => a - b)]),
        ),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  return { stored: stored.map((r) => r.f), recounted, intros: intros.length };
}

describe('the funnel days', () => {
  it('equal a fresh recount after random moves, merges, undos and erasures', async () => {
    const r = seededRandom(20261207);
    for (let k = 0; k < 12; k++) await ops.introduce(r);
    const weighted = [
      ...Array<keyof typeof ops>(4).fill('move'),
      'introduce',
      'merge',
      'undoMerge',
      'erase',
    ] as const;
    for (let k = 0; k < 30; k++) await ops[r.pick(weighted)](r);
    // Last, so no later move recomputes its day: the erasure of a talent must have done it.
    const [talent] = await server.db.read<{ id: string }>(
      `MATCH (i:Introduction {teamId: $team})-[:TALENT]->(t:Person) WHERE NOT t.deleted
       RETURN 'Person:' + t.id AS id LIMIT 1`,
      { team },
    );
    const erased = await server.gql(
      `mutation ($id: ID!) { erasePersonalData(person: $id, scope: EVERYTHING, reason: "测试") { ${ERR} } }`,
      { id: talent?.id },
      admin,
    );
    expect(erased.errors, JSON.stringify(erased.errors)).toBeUndefined();
    world.people = world.people.filter((x) => x !== talent?.id);
    const { stored, recounted, intros } = await storedAndRecounted();
    expect(stored).toEqual(recounted);
    // The credits find introducer and event by the ids kept on each introduction: those of its ties.
    const ids = await server.db.read<{ kept: unknown[]; tied: unknown[] }>(
      `MATCH (i:Introduction {teamId: $team})
       RETURN [i.introducerId, i.eventId] AS kept,
              [COLLECT { MATCH (i)-[:INTRODUCER]->(p) RETURN p.id }[0],
               COLLECT { MATCH (i)-[:VIA_EVENT]->(e) RETURN e.id }[0]] AS tied`,
      { team },
    );
    for (const r of ids) expect(r.kept).toEqual(r.tied);
    expect(world.merged).toBeGreaterThan(0);
    // What the sequence must have done for the comparison to mean something.
    expect(intros).toBeGreaterThan(5);
    expect(world.erased).toBeGreaterThan(0);
    expect(recounted.some((d) => Object.keys(d).some((k) => k.startsWith('stays_')))).toBe(true);
  }, 300_000);

  it('forget a day whose introductions are all gone', async () => {
    for (const person of [...world.people]) {
      const res = await server.gql(
        `mutation ($id: ID!) { erasePersonalData(person: $id, scope: EVERYTHING, reason: "测试") { ${ERR} } }`,
        { id: person },
        admin,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    }
    const { stored, intros } = await storedAndRecounted();
    expect(intros).toBe(0);
    expect(stored).toEqual([]);
  }, 300_000);
});
