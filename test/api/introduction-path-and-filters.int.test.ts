import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { addTie, createEntity, mutate, removeOutreachData } from './outreach-helpers.ts';

/**
 * Starting an introduction from a path (`NewIntroductionInput.path`, stored and read back as
 * `Introduction.path`), the consultants a path goes through, and the pipeline's owner, field, place
 * and word filters on `introductions`.
 */
let server: TestServer;
const p = testPrefix('ipf');
const ids: Record<string, string> = {};
const accounts: Record<string, { token: string; id: string }> = {};

const create = (input: Record<string, unknown>, token: string) =>
  mutate(
    server,
    'createIntroduction',
    '$input: NewIntroductionInput!',
    'input: $input',
    'id ownerName owner path { id name }',
    { input },
    { token },
  );

const list = async (args: Record<string, unknown>, token: string) => {
  const res = await server.gql<{
    introductions: { talent: { name: string }; ownerName: string }[];
  }>(
    `query ($owner: ID, $field: ID, $place: ID, $search: String, $stages: [IntroductionStage!]) {
       introductions(owner: $owner, field: $field, place: $place, search: $search, stages: $stages, first: 500) {
         talent { name } ownerName
       }
     }`,
    args,
    { token },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  // Only this run's introductions: the demo graph has its own.
  return (res.data?.introductions ?? [])
    .filter((i) => i.talent.name.startsWith(p))
    .map((i) => `${i.talent.name.slice(p.length)}@${i.ownerName}`)
    .sort();
};

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['顾问', '中间人', '人才甲', '人才乙', '人才丙']) {
    ids[name] = await createEntity(server, 'Person', { name: `${p}${name}` });
  }
  ids.bureau = await createEntity(server, 'Organization', {
    name: `${p}招才局`,
    type: 'government',
  });
  ids.org = await createEntity(server, 'Organization', { name: `${p}企业`, type: 'enterprise' });
  ids.province = await createEntity(server, 'Place', { name: `${p}省`, kind: 'province' });
  ids.city = await createEntity(server, 'Place', {
    name: `${p}市`,
    kind: 'city',
    parent: ids.province,
  });
  ids.otherCity = await createEntity(server, 'Place', { name: `${p}别市`, kind: 'city' });
  ids.field = await createEntity(server, 'Field', { name: `${p}生命健康` });
  ids.subfield = await createEntity(server, 'Field', {
    name: `${p}合成生物`,
    parent: ids.field,
  });
  await addTie(server, {
    kind: 'MEMBER_OF',
    subject: ids.顾问,
    object: ids.bureau,
    role: '招才顾问',
    current: true,
  });
  await addTie(server, {
    kind: 'KNOWS',
    subject: ids.顾问,
    object: ids.中间人,
    knowsKind: 'friend',
  });
  await addTie(server, {
    kind: 'KNOWS',
    subject: ids.中间人,
    object: ids.人才甲,
    knowsKind: 'classmate',
  });
  await addTie(server, { kind: 'LIVES_IN', subject: ids.人才甲, object: ids.city, current: true });
  await addTie(server, {
    kind: 'LIVES_IN',
    subject: ids.人才乙,
    object: ids.otherCity,
    current: true,
  });
  await addTie(server, { kind: 'EXPERT_IN', subject: ids.人才甲, object: ids.subfield, level: 4 });
  for (const [key, name] of [
    ['one', `${p}甲员`],
    ['two', `${p}乙员`],
  ] as const) {
    const account = await server.signIn('staff', { name });
    accounts[key] = { token: account.token, id: `Account:${account.id}` };
  }
}, 120_000);

afterAll(async () => {
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

describe('an introduction started from a path', () => {
  it('names the consultants a path goes through', async () => {
    const res = await server.gql<{
      introductionPaths: { paths: { people: { id: string }[]; consultants: { id: string }[] }[] };
    }>(
      `query ($from: [ID!]!, $to: ID!) {
         introductionPaths(from: $from, to: $to, derived: false) {
           paths { people { id } consultants { id } }
         }
       }`,
      { from: [ids.顾问], to: ids.人才甲 },
      { role: 'viewer' },
    );
    expect(res.errors).toBeUndefined();
    const path = res.data?.introductionPaths.paths[0];
    expect(path?.people.map((x) => x.id)).toEqual([ids.顾问, ids.中间人, ids.人才甲]);
    expect(path?.consultants.map((x) => x.id)).toEqual([ids.顾问]);
  });

  it('keeps the path in order and reads it back with the owner', async () => {
    const made = await create(
      {
        introducer: ids.顾问,
        talent: ids.人才甲,
        target: ids.org,
        path: [ids.顾问, ids.中间人, ids.人才甲],
      },
      accounts.one?.token ?? '',
    );
    expect(made.__typename, JSON.stringify(made)).toBe('MutationCreateIntroductionSuccess');
    expect(made.data.path.map((x: { id: string }) => x.id)).toEqual([
      ids.顾问,
      ids.中间人,
      ids.人才甲,
    ]);
    expect(made.data.owner).toBe(accounts.one?.id);
    expect(made.data.ownerName).toBe(`${p}甲员`);
  });

  it('refuses a path that does not run from the introducer to the talent, and writes nothing', async () => {
    const token = accounts.one?.token ?? '';
    const count = async () => (await list({}, token)).filter((x) => x.startsWith('人才乙')).length;
    const before = await count();
    const wrongEnds = await create(
      {
        introducer: ids.顾问,
        talent: ids.人才乙,
        target: ids.org,
        path: [ids.中间人, ids.人才乙, ids.人才乙],
      },
      token,
    );
    expect(wrongEnds.__typename).toBe('ValidationError');
    expect(
      (wrongEnds as unknown as { issues: { path: string[] }[] }).issues.map((i) =>
        i.path.join('.'),
      ),
    ).toEqual(['input.path.0', 'input.path.2']);
    // A person in the middle that does not exist: named, and nothing written.
    const gone = await create(
      {
        introducer: ids.顾问,
        talent: ids.人才乙,
        target: ids.org,
        path: [ids.顾问, 'Person:01NOSUCHPERSON000000000000', ids.人才乙],
      },
      token,
    );
    expect(gone.__typename).toBe('NotFoundError');
    expect(gone.path).toEqual(['input', 'path', '1']);
    const notPeople = await create(
      { introducer: ids.顾问, talent: ids.人才乙, target: ids.org, path: [ids.顾问, ids.org] },
      token,
    );
    expect(notPeople.__typename).toBe('ValidationError');
    expect(await count()).toBe(before);
  });
});

describe('the pipeline filters', () => {
  beforeAll(async () => {
    const made = await create(
      { introducer: ids.顾问, talent: ids.人才乙, target: ids.org },
      accounts.two?.token ?? '',
    );
    expect(made.__typename).toBe('MutationCreateIntroductionSuccess');
    const third = await create(
      { introducer: ids.中间人, talent: ids.人才丙, target: ids.org },
      accounts.two?.token ?? '',
    );
    expect(third.__typename).toBe('MutationCreateIntroductionSuccess');
    await mutate(
      server,
      'moveIntroduction',
      '$input: MoveIntroductionInput!',
      'input: $input',
      'id',
      { input: { id: third.data.id, stage: 'contacted' } },
      { token: accounts.two?.token ?? '' },
    );
  });

  it('narrows by owner, field (with its subfields), place (with the places in it), words and stage', async () => {
    const token = accounts.one?.token ?? '';
    const one = `${p}甲员`;
    const two = `${p}乙员`;
    expect(await list({}, token)).toEqual([`人才丙@${two}`, `人才乙@${two}`, `人才甲@${one}`]);
    expect(await list({ owner: accounts.two?.id }, token)).toEqual([
      `人才丙@${two}`,
      `人才乙@${two}`,
    ]);
    expect(await list({ field: ids.field }, token)).toEqual([`人才甲@${one}`]);
    expect(await list({ place: ids.province }, token)).toEqual([`人才甲@${one}`]);
    expect(await list({ place: ids.otherCity }, token)).toEqual([`人才乙@${two}`]);
    expect(await list({ search: '人才丙' }, token)).toEqual([`人才丙@${two}`]);
    // The introducer's name finds it too.
    expect(await list({ search: `${p}中间人` }, token)).toEqual([`人才丙@${two}`]);
    expect(await list({ stages: ['contacted'], owner: accounts.two?.id }, token)).toEqual([
      `人才丙@${two}`,
    ]);
  });

  it('lists the owners with their counts, and names a wrong filter', async () => {
    const token = accounts.one?.token ?? '';
    const res = await server.gql<{
      introductionOwners: { id: string; name: string; introductions: number }[];
    }>('{ introductionOwners { id name introductions } }', {}, { token });
    const owners = res.data?.introductionOwners.filter((o) => o.name?.startsWith(p));
    // By name (code point order: 乙 before 甲).
    expect(owners).toEqual([
      { id: accounts.two?.id, name: `${p}乙员`, introductions: 2 },
      { id: accounts.one?.id, name: `${p}甲员`, introductions: 1 },
    ]);
    const wrong = await server.gql(
      'query ($f: ID) { introductions(field: $f) { id } }',
      {
        f: ids.city,
      },
      { token },
    );
    expect(JSON.stringify(wrong.errors)).toContain('wrong_id');
  });
});
