import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// A hand-built graph whose answers were worked out by hand (see the comments on each expectation).
let server: TestServer;
const p = testPrefix('path');
const staff = { role: 'staff' } as const;
const id: Record<string, string> = {};

async function create(
  kind: 'Person' | 'Organization',
  key: string,
  extra: Record<string, unknown> = {},
) {
  const res = await server.gql<Record<string, { data: { id: string } }>>(
    `mutation ($input: ${kind}Input!) { create${kind}(input: $input) { ... on MutationCreate${kind}Success { data { id } } } }`,
    { input: { name: `${p}${key}`, ...extra } },
    staff,
  );
  id[key] = res.data![`create${kind}`]!.data.id;
}

async function tie(input: Record<string, unknown>, source?: Record<string, unknown>) {
  const res = await server.gql<{ addTie: { __typename: string } }>(
    'mutation ($input: AddTieInput!, $source: SourceInput) { addTie(input: $input, source: $source) { __typename ... on Error { message } } }',
    { input, source },
    staff,
  );
  expect(res.data?.addTie.__typename).toBe('MutationAddTieSuccess');
}

const roster = { title: `${p} 校友名录` };
const knows = (a: string, b: string, strength: number, verified: boolean, kind = 'classmate') =>
  tie(
    {
      kind: 'KNOWS',
      subject: id[a],
      object: id[b],
      knowsKind: kind,
      strength,
      since: 2005,
      verified,
    },
    verified ? roster : undefined,
  );

type Paths = {
  introductionPaths: {
    reason: string | null;
    paths: {
      score: { score: number; hops: number };
      people: { name: string }[];
      hops: { derived: boolean; explanation: string; en: string }[];
    }[];
  };
};
async function paths(args: Record<string, unknown>) {
  const res = await server.gql<Paths>(
    `query ($from: [ID!]!, $to: ID!, $maxHops: Int, $first: Int, $derived: Boolean, $avoid: [ID!], $minStrength: Float) {
      introductionPaths(from: $from, to: $to, maxHops: $maxHops, first: $first, derived: $derived, avoid: $avoid, minStrength: $minStrength) {
        reason paths { score { score hops } people { name } hops { derived explanation en: explanation(lang: EN) } }
      } }`,
    { from: [id.A], to: id.T, first: 4, ...args },
  );
  expect(res.errors).toBeUndefined();
  const result = res.data!.introductionPaths;
  return {
    ...result,
    routes: result.paths.map((x) => x.people.map((n) => n.name.slice(p.length)).join('-')),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  for (const key of ['A', 'B', 'C', 'D', 'E', 'T', 'F', 'G']) await create('Person', key);
  await create('Organization', 'O', { type: 'enterprise' });
  await knows('A', 'B', 0.9, true); // A-B-T: 0.9 × 0.9 × 0.8 = 0.648
  await knows('B', 'T', 0.9, true);
  await knows('A', 'D', 0.9, true); // A-D-E-T: 0.9³ × 0.8² = 0.467
  await knows('D', 'E', 0.9, true);
  await knows('E', 'T', 0.9, true);
  await knows('A', 'C', 0.5, false); // A-C-T: (0.5 × 0.7)² × 0.8 = 0.098 (unsourced, unverified)
  await knows('C', 'T', 0.5, false);
  await knows('B', 'C', 0.5, false); // a cycle B-C
  // A and T overlapped at O (2010-2015): a derived colleague tie, 0.45 × 0.725 × 0.8 ≈ 0.26.
  await tie({ kind: 'WORKED_AT', subject: id.A, object: id.O, startYear: 2010, endYear: 2015 });
  await tie({ kind: 'WORKED_AT', subject: id.T, object: id.O, startYear: 2012, endYear: 2015 });
  // G was at O later, with no overlap: no derived tie.
  await tie({ kind: 'WORKED_AT', subject: id.G, object: id.O, startYear: 2018, endYear: 2020 });
}, 120_000);

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('introductionPaths', () => {
  it('ranks paths by score: strong verified ties first, then fewer hops, derived ties weaker', async () => {
    const { routes, paths: found } = await paths({});
    expect(routes).toEqual(['A-B-T', 'A-D-E-T', 'A-T', 'A-C-T']);
    expect(found[0]?.score.score).toBeCloseTo(0.648, 2);
    expect(found[1]?.score.score).toBeCloseTo(0.467, 2);
    expect(found[2]?.hops[0]?.derived).toBe(true);
    expect(found[3]?.score.score).toBeCloseTo(0.098, 2);
  });

  it('explains each hop with its source, in Chinese and English', async () => {
    const { paths: found } = await paths({});
    expect(found[0]?.hops[0]?.explanation).toBe(
      `同学（自2005年起），来源：${p} 校友名录（已核实）`,
    );
    expect(found[2]?.hops[0]?.en).toBe(
      `colleagues at ${p}O (2012–2015), derived from employment records`,
    );
    expect(found[3]?.hops[0]?.explanation).toBe('同学（自2005年起），未注明来源');
  });

  it('switches derived ties off, avoids people, and honours a minimum strength', async () => {
    expect((await paths({ derived: false, first: 3 })).routes).toEqual([
      'A-B-T',
      'A-D-E-T',
      'A-C-T',
    ]);
    // Six simple paths exist within 4 hops (A-B-C-T and A-C-B-T through the cycle too), no more.
    expect((await paths({ first: 10 })).routes).toHaveLength(6);
    expect((await paths({ avoid: [id.B] })).routes[0]).toBe('A-D-E-T');
    expect((await paths({ minStrength: 0.6 })).routes).toEqual(['A-B-T', 'A-D-E-T']);
    expect((await paths({ first: 1 })).routes).toEqual(['A-B-T']);
  });

  it('answers an empty list with the reason when the target is out of reach', async () => {
    expect(await paths({ maxHops: 1, derived: false })).toMatchObject({
      paths: [],
      reason: 'not reachable within 1 hops with the ties allowed',
    });
    expect(await paths({ to: id.F })).toMatchObject({ paths: [] });
    // G's years at O did not overlap with A's: no derived tie, so no path.
    expect(await paths({ to: id.G })).toMatchObject({ paths: [] });
  });

  it('refuses bad arguments with the field named', async () => {
    const res = await server.gql(
      'query ($to: ID!) { introductionPaths(from: [], to: $to, maxHops: 9) { reason } }',
      { to: id.T },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['maxHops'] }],
    });
  });

  it('spares an introducer asked often lately, and warms to one we have been talking to', async () => {
    // Two equal routes H-I-T and H-J-T (0.9 × 0.9 × 0.8 = 0.648 each, I before J by id order).
    for (const key of ['H', 'I', 'J']) await create('Person', key);
    for (const [a, b] of [
      ['H', 'I'],
      ['I', 'T'],
      ['H', 'J'],
      ['J', 'T'],
    ] as const)
      await knows(a, b, 0.9, true);
    const ranked = async () => {
      const res = await server.gql<{
        introductionPaths: {
          paths: {
            people: { name: string }[];
            score: {
              score: number;
              tieScore: number;
              introducerLoad: number;
              recentInteractions: number;
            };
          }[];
        };
      }>(
        `query ($from: [ID!]!, $to: ID!) { introductionPaths(from: $from, to: $to, maxHops: 2, derived: false) {
          paths { people { name } score { score tieScore introducerLoad recentInteractions } } } }`,
        { from: [id.H], to: id.T },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.introductionPaths.paths.map((x) => ({
        via: x.people[1]?.name.slice(p.length),
        ...x.score,
      }));
    };
    const before = await ranked();
    expect(before.map((x) => x.tieScore)).toEqual([before[0]?.score, before[1]?.score]);
    expect(before[0]?.tieScore).toBeCloseTo(before[1]?.tieScore ?? 0, 6);

    // I is asked for two introductions: the route through J wins, and the reason is given.
    for (let n = 0; n < 2; n++) {
      const res = await server.gql<{ createIntroduction: { __typename: string } }>(
        `mutation ($input: NewIntroductionInput!) { createIntroduction(input: $input) { __typename } }`,
        { input: { introducer: id.I, talent: id.T, target: id.O } },
        staff,
      );
      expect(res.data?.createIntroduction.__typename).toBe('MutationCreateIntroductionSuccess');
    }
    const busy = await ranked();
    expect(busy.map((x) => x.via)).toEqual(['J', 'I']);
    expect(busy[1]).toMatchObject({ introducerLoad: 2 });
    expect(busy[1]?.score).toBeCloseTo((busy[1]?.tieScore ?? 0) * 0.8, 6);

    // We talk to I four times: +30 % (capped at three) outweighs the −20 % load.
    for (let n = 0; n < 4; n++) {
      const res = await server.gql<{ logInteraction: { __typename: string } }>(
        `mutation ($input: InteractionInput!) { logInteraction(input: $input) { __typename } }`,
        { input: { person: id.I, channel: 'wechat' } },
        staff,
      );
      expect(res.data?.logInteraction.__typename).toBe('MutationLogInteractionSuccess');
    }
    const warm = await ranked();
    expect(warm.map((x) => x.via)).toEqual(['I', 'J']);
    expect(warm[0]).toMatchObject({ introducerLoad: 2, recentInteractions: 4 });
    expect(warm[0]?.score).toBeCloseTo((warm[0]?.tieScore ?? 0) * 0.8 * 1.3, 6);
  });
});
