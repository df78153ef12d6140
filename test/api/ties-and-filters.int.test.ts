import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNodes, removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('tie');
const staff = { role: 'staff' } as const;
const ids: Record<string, string> = {};

const ERR = `__typename ... on Error { message } ... on ValidationError { issues { path message } } ... on ConflictError { path } ... on NotFoundError { path }`;

async function create(kind: string, key: string, input: Record<string, unknown>) {
  const res = await server.gql<Record<string, { data: { id: string } }>>(
    `mutation ($input: ${kind}Input!) { create${kind}(input: $input) { ${ERR} ... on MutationCreate${kind}Success { data { id } } } }`,
    { input: { ...input, name: `${p}${input.name}` } },
    staff,
  );
  const id = res.data?.[`create${kind}`]?.data?.id;
  if (!id) throw new Error(`could not create ${key}: ${JSON.stringify(res)}`);
  ids[key] = id;
  return id;
}

async function addTie(input: Record<string, unknown>) {
  const res = await server.gql<{ addTie: Record<string, unknown> }>(
    `mutation ($input: AddTieInput!) { addTie(input: $input) { ${ERR} ... on MutationAddTieSuccess { data { id kind startYear endYear current other { name } provenance { unsourced } } } } }`,
    { input },
    staff,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.addTie;
}

type PeopleResult = { people: { totalCount: number; edges: { node: { name: string } }[] } };
async function peopleNames(filter: Record<string, unknown>) {
  const res = await server.gql<PeopleResult>(
    'query ($filter: PersonFilter) { people(filter: $filter, first: 50, orderBy: NAME) { totalCount edges { node { name } } } }',
    { filter: { text: p, ...filter } },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.people.edges.map((e) => e.node.name.slice(p.length));
}

beforeAll(async () => {
  server = await startTestServer();
  // A small world: a province > city > district, a field taxonomy, two employers, four people.
  await create('Place', 'hubei', { name: '湖北', kind: 'province' });
  await create('Place', 'wuhan', { name: '武汉', kind: 'city', parent: ids.hubei });
  await create('Place', 'hongshan', { name: '洪山', kind: 'district', parent: ids.wuhan });
  await create('Place', 'beijing', { name: '北京', kind: 'city' });
  await create('Field', 'bio', { name: '生命健康' });
  await create('Field', 'synbio', { name: '合成生物学', parent: ids.bio });
  await create('Field', 'protein', { name: '功能蛋白', parent: ids.synbio });
  await create('Organization', 'hust', { name: '华科', type: 'university', place: ids.hongshan });
  await create('Organization', 'huawei', { name: '华为', type: 'enterprise' });
  await create('Organization', 'yiling', { name: '以岭', type: 'enterprise' });
  for (const name of ['甲', '乙', '丙', '丁']) await create('Person', name, { name });

  await addTie({ kind: 'BORN_IN', subject: ids.甲, object: ids.hongshan });
  await addTie({ kind: 'LIVES_IN', subject: ids.甲, object: ids.beijing, current: true });
  await addTie({ kind: 'EXPERT_IN', subject: ids.甲, object: ids.protein, level: 4 });
  await addTie({
    kind: 'STUDIED_AT',
    subject: ids.甲,
    object: ids.hust,
    degree: 'phd',
    startYear: 2005,
    endYear: 2010,
  });
  await addTie({
    kind: 'WORKED_AT',
    subject: ids.甲,
    object: ids.huawei,
    title: '研究员',
    startYear: 2010,
    endYear: 2018,
  });
  await addTie({
    kind: 'WORKED_AT',
    subject: ids.甲,
    object: ids.yiling,
    title: '首席科学家',
    startYear: 2019,
    current: true,
  });
  await addTie({ kind: 'LIVES_IN', subject: ids.乙, object: ids.wuhan, current: true });
  await addTie({ kind: 'EXPERT_IN', subject: ids.乙, object: ids.bio, level: 2 });
  await addTie({
    kind: 'KNOWS',
    subject: ids.甲,
    object: ids.乙,
    knowsKind: 'classmate',
    strength: 0.8,
    since: 2005,
  });
  await addTie({
    kind: 'KNOWS',
    subject: ids.乙,
    object: ids.丙,
    knowsKind: 'colleague',
    strength: 0.5,
  });
}, 120_000);

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('ties', () => {
  it('refuses bad ties with typed errors, naming the field', async () => {
    expect(
      await addTie({
        kind: 'WORKED_AT',
        subject: ids.乙,
        object: ids.huawei,
        startYear: 2015,
        endYear: 2010,
      }),
    ).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'endYear'] }] });
    expect(
      await addTie({ kind: 'WORKED_AT', subject: ids.乙, object: ids.huawei, degree: 'phd' }),
    ).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ message: 'is not a property of a WORKED_AT tie' }],
    });
    expect(await addTie({ kind: 'STUDIED_AT', subject: ids.乙, object: ids.wuhan })).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'object'] }],
    });
    expect(
      await addTie({ kind: 'KNOWS', subject: ids.甲, object: ids.甲, knowsKind: 'friend' }),
    ).toMatchObject({
      __typename: 'ValidationError',
    });
    // Duplicates: the same KNOWS pair in the other direction, a second hometown.
    expect(
      await addTie({ kind: 'KNOWS', subject: ids.乙, object: ids.甲, knowsKind: 'friend' }),
    ).toMatchObject({
      __typename: 'ConflictError',
    });
    expect(await addTie({ kind: 'BORN_IN', subject: ids.甲, object: ids.beijing })).toMatchObject({
      __typename: 'ConflictError',
    });
    expect(
      await addTie({
        kind: 'LIVES_IN',
        subject: ids.丁,
        object: 'Place:01ARZ3NDEKTSV4RRFFQ69G5FAV',
      }),
    ).toMatchObject({ __typename: 'NotFoundError', path: ['input', 'object'] });
  });

  it('shows a person’s ties from both ends, KNOWS in both directions', async () => {
    const res = await server.gql<{ person: Record<string, unknown> }>(
      `query ($id: ID!) { person(id: $id) {
        hometown { name } location { name }
        positions { title current other { name } }
        education { degree startYear endYear other { name } }
        expertise { level other { name } }
        knows { knowsKind strength other { name } }
      } }`,
      { id: ids.乙 },
    );
    expect(res.data?.person).toMatchObject({
      hometown: null,
      location: { name: `${p}武汉` },
      knows: expect.arrayContaining([
        { knowsKind: 'classmate', strength: 0.8, other: { name: `${p}甲` } },
        { knowsKind: 'colleague', strength: 0.5, other: { name: `${p}丙` } },
      ]),
    });
  });

  it('reports each of several addTie in one request as it happened (no stale read-back)', async () => {
    // Its own people and employers, removed after: the filter tests below count this file's people.
    const person = await create('Person', 'multi', { name: '多' });
    const friend = await create('Person', 'multiFriend', { name: '多友' });
    const m1 = await create('Organization', 'm1', { name: '多一', type: 'enterprise' });
    const m2 = await create('Organization', 'm2', { name: '多二', type: 'enterprise' });
    const res = await server.gql<Record<string, { __typename: string; data?: { id: string } }>>(
      `mutation ($a: AddTieInput!, $b: AddTieInput!, $c: AddTieInput!) {
        a: addTie(input: $a) { ${ERR} ... on MutationAddTieSuccess { data { id } } }
        b: addTie(input: $b) { ${ERR} ... on MutationAddTieSuccess { data { id } } }
        c: addTie(input: $c) { ${ERR} ... on MutationAddTieSuccess { data { id } } } }`,
      {
        a: { kind: 'WORKED_AT', subject: person, object: m1, startYear: 2001 },
        b: { kind: 'WORKED_AT', subject: person, object: m2, startYear: 2010 },
        c: { kind: 'KNOWS', subject: person, object: friend, knowsKind: 'friend' },
      },
      staff,
    );
    expect(res.errors).toBeUndefined();
    for (const alias of ['a', 'b', 'c']) {
      expect(res.data?.[alias]?.__typename, JSON.stringify(res.data)).toBe('MutationAddTieSuccess');
    }
    const ties = await server.db.read<{ n: number }>(
      'MATCH (:Person {id: $id})-[r:WORKED_AT|KNOWS]-() WHERE NOT r.deleted RETURN count(r) AS n',
      { id: person.split(':')[1] },
    );
    expect(ties[0]?.n).toBe(3);
    await server.db.writeTx((tx) =>
      deleteNodes(
        tx,
        [person, friend, m1, m2].map((id) => id.split(':')[1] as string),
      ),
    );
  });

  it('ends a job in a year and keeps it in the past (as-of queries)', async () => {
    const person = await server.gql<{
      person: { positions: { id: string; other: { name: string } }[] };
    }>('query ($id: ID!) { person(id: $id) { positions { id other { name } } } }', { id: ids.甲 });
    expect(person.data?.person.positions.map((x) => x.other.name)).toEqual([
      `${p}以岭`,
      `${p}华为`,
    ]);
    const asOf2015 = await server.gql<{ person: { positions: { other: { name: string } }[] } }>(
      'query ($id: ID!) { person(id: $id) { positions(asOfYear: 2015) { other { name } } } }',
      { id: ids.甲 },
    );
    expect(asOf2015.data?.person.positions).toEqual([{ other: { name: `${p}华为` } }]);
  });
});

describe('changing and ending ties', () => {
  it('updates a tie, ends it in a year, removes it, and keeps each step in history', async () => {
    const added = (await addTie({
      kind: 'WORKED_AT',
      subject: ids.丁,
      object: ids.huawei,
      title: '工程师',
      startYear: 2012,
      current: true,
    })) as { data: { id: string } };
    const tieId = added.data.id;
    const ERRS = `__typename ... on ValidationError { issues { path message } } ... on NotFoundError { path }`;
    const updated = await server.gql<{
      updateTie: {
        data: { title: string; provenance: { verified: boolean; source: { title: string } } };
      };
    }>(
      `mutation ($id: ID!) { updateTie(id: $id, input: {title: "高级工程师", verified: true}, source: {title: "${p} 单位证明"}) {
        ${ERRS} ... on MutationUpdateTieSuccess { data { title provenance { verified source { title } } } } } }`,
      { id: tieId },
      staff,
    );
    expect(updated.data?.updateTie.data).toEqual({
      title: '高级工程师',
      provenance: { verified: true, source: { title: `${p} 单位证明` } },
    });
    const badEnd = await server.gql<{ endTie: { __typename: string } }>(
      `mutation ($id: ID!) { endTie(id: $id, endYear: 2001) { ${ERRS} } }`,
      { id: tieId },
      staff,
    );
    expect(badEnd.data?.endTie).toMatchObject({ __typename: 'ValidationError' });
    const ended = await server.gql<{ endTie: { data: { endYear: number; current: boolean } } }>(
      `mutation ($id: ID!) { endTie(id: $id, endYear: 2020) { ${ERRS} ... on MutationEndTieSuccess { data { endYear current } } } }`,
      { id: tieId },
      staff,
    );
    expect(ended.data?.endTie.data).toEqual({ endYear: 2020, current: false });
    expect(await peopleNames({ employers: [ids.huawei] })).not.toContain('丁');
    expect(await peopleNames({ employers: [ids.huawei], asOfYear: 2019 })).toContain('丁');

    const removed = await server.gql<{ removeTie: { __typename: string } }>(
      `mutation ($id: ID!) { removeTie(id: $id) { ${ERRS} } }`,
      { id: tieId },
      staff,
    );
    expect(removed.data?.removeTie.__typename).toBe('MutationRemoveTieSuccess');
    expect(await peopleNames({ employers: [ids.huawei], employerEver: true })).not.toContain('丁');
    const again = await server.gql<{ removeTie: { __typename: string } }>(
      `mutation ($id: ID!) { removeTie(id: $id) { ${ERRS} } }`,
      { id: tieId },
      staff,
    );
    expect(again.data?.removeTie.__typename).toBe('NotFoundError');

    const history = await server.gql<{ person: { history: { op: string }[] } }>(
      'query ($id: ID!) { person(id: $id) { history { op } } }',
      { id: ids.丁 },
    );
    expect(history.data?.person.history.map((h) => h.op)).toEqual([
      'tie_remove',
      'tie_end',
      'tie_update',
      'tie_add',
      'create',
    ]);
  });

  it('updates organisations, fields and projects, and refuses a field under its own sub-field', async () => {
    const org = await server.gql<{
      updateOrganization: { data: { name: string; type: string; place: { name: string } } };
    }>(
      `mutation ($id: ID!, $place: ID!) { updateOrganization(id: $id, input: {type: investor, place: $place}) {
        ... on MutationUpdateOrganizationSuccess { data { name type place { name } } } } }`,
      { id: ids.hust, place: ids.wuhan },
      staff,
    );
    expect(org.data?.updateOrganization.data).toEqual({
      name: `${p}华科`,
      type: 'investor',
      place: { name: `${p}武汉` },
    });
    const loop = await server.gql<{ updateField: { __typename: string } }>(
      `mutation ($id: ID!, $parent: ID!) { updateField(id: $id, input: {parent: $parent}) { __typename } }`,
      { id: ids.bio, parent: ids.protein },
      staff,
    );
    expect(loop.data?.updateField.__typename).toBe('ConflictError');
    const project = await server.gql<{
      createProject: {
        data: { id: string; status: string; host: { name: string }; place: { name: string } };
      };
    }>(
      `mutation ($host: ID!, $place: ID!) { createProject(input: {name: "${p}合成生物研究院", kind: institute, status: negotiating, host: $host, place: $place, funding: 5000}) {
        ... on MutationCreateProjectSuccess { data { id status host { name } place { name } } } } }`,
      { host: ids.hust, place: ids.hongshan },
      staff,
    );
    expect(project.data?.createProject.data).toMatchObject({
      status: 'negotiating',
      host: { name: `${p}华科` },
      place: { name: `${p}洪山` },
    });
    const landed = await server.gql<{ updateProject: { data: { status: string } } }>(
      `mutation ($id: ID!) { updateProject(id: $id, input: {status: landed}) { ... on MutationUpdateProjectSuccess { data { status } } } }`,
      { id: project.data?.createProject.data.id },
      staff,
    );
    expect(landed.data?.updateProject.data.status).toBe('landed');
    const inHubei = await server.gql<{ projects: { totalCount: number } }>(
      'query ($in: ID!, $t: String) { projects(filter: {landedIn: $in, text: $t, statuses: [landed]}) { totalCount } }',
      { in: ids.hubei, t: p },
    );
    expect(inHubei.data?.projects.totalCount).toBe(1);
  });
});

describe('people filters', () => {
  it('filters by field including sub-fields', async () => {
    expect(await peopleNames({ fields: [ids.synbio] })).toEqual(['甲']);
    expect(await peopleNames({ fields: [ids.bio] })).toEqual(['乙', '甲']);
  });

  it('filters by current place and hometown including places inside', async () => {
    expect(await peopleNames({ hometown: [ids.hubei] })).toEqual(['甲']);
    expect(await peopleNames({ livesIn: [ids.hubei] })).toEqual(['乙']);
    expect(await peopleNames({ livesIn: [ids.beijing] })).toEqual(['甲']);
  });

  it('filters by employer now, ever, as of a year, and by alma mater and graduation year', async () => {
    expect(await peopleNames({ employers: [ids.huawei] })).toEqual([]);
    expect(await peopleNames({ employers: [ids.huawei], employerEver: true })).toEqual(['甲']);
    expect(await peopleNames({ employers: [ids.huawei], asOfYear: 2015 })).toEqual(['甲']);
    expect(await peopleNames({ employers: [ids.huawei], asOfYear: 2020 })).toEqual([]);
    expect(await peopleNames({ employerTypes: ['enterprise'] })).toEqual(['甲']);
    expect(
      await peopleNames({
        almaMater: [ids.hust],
        graduationYearFrom: 2010,
        graduationYearTo: 2010,
      }),
    ).toEqual(['甲']);
    expect(await peopleNames({ almaMater: [ids.hust], graduationYearFrom: 2011 })).toEqual([]);
  });

  it('filters by network distance (1st and 2nd degree)', async () => {
    expect(await peopleNames({ near: { people: [ids.甲], hops: 1 } })).toEqual(['乙']);
    expect(await peopleNames({ near: { people: [ids.甲], hops: 2 } })).toEqual(['丙', '乙']);
  });

  it('refuses a filter id of the wrong kind with the field path', async () => {
    const res = await server.gql(
      'query ($f: [ID!]) { people(filter: {fields: $f}) { totalCount } }',
      { f: [ids.hust] },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['filter', 'fields', '0'] }],
    });
  });

  it('counts facets for the filtered list', async () => {
    const res = await server.gql<{
      peopleFacets: {
        fields: { label: string; count: number }[];
        cities: { label: string; count: number }[];
      };
    }>(
      'query ($text: String) { peopleFacets(filter: {text: $text}) { fields { label count } cities { label count } } }',
      { text: p },
    );
    expect(res.data?.peopleFacets.fields).toEqual(
      expect.arrayContaining([
        { label: `${p}功能蛋白`, count: 1 },
        { label: `${p}生命健康`, count: 1 },
      ]),
    );
    expect(res.data?.peopleFacets.cities).toEqual(
      expect.arrayContaining([
        { label: `${p}武汉`, count: 1 },
        { label: `${p}北京`, count: 1 },
      ]),
    );
  });
});

describe('soft delete', () => {
  it('hides a deleted person everywhere and brings them back on restore', async () => {
    const del = await server.gql<{ deleteEntity: { __typename: string } }>(
      `mutation ($id: ID!) { deleteEntity(id: $id) { ${ERR} } }`,
      { id: ids.丙 },
      staff,
    );
    expect(del.data?.deleteEntity.__typename).toBe('MutationDeleteEntitySuccess');
    const gone = await server.gql<{ person: unknown; node: unknown; search: unknown[] }>(
      `query ($id: ID!, $name: String!) { person(id: $id) { name } node(id: $id) { id } search(text: $name) { entity { id } } }`,
      { id: ids.丙, name: `${p}丙` },
    );
    expect(gone.data).toMatchObject({ person: null, node: null });
    expect(JSON.stringify(gone.data?.search)).not.toContain(ids.丙);
    expect(await peopleNames({})).not.toContain('丙');
    const friend = await server.gql<{ person: { knows: { other: { name: string } }[] } }>(
      'query ($id: ID!) { person(id: $id) { knows { other { name } } } }',
      { id: ids.乙 },
    );
    expect(friend.data?.person.knows.map((k) => k.other.name)).toEqual([`${p}甲`]);

    await server.gql(
      `mutation ($id: ID!) { restoreEntity(id: $id) { ${ERR} } }`,
      { id: ids.丙 },
      staff,
    );
    expect(await peopleNames({})).toContain('丙');
  });
});
