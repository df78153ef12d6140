import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('ent');
const staff = { role: 'staff' } as const;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

const ERR = `__typename ... on Error { message } ... on ValidationError { issues { path message } }
  ... on NotFoundError { entity id path } ... on ConflictError { path }`;

type Result = Record<
  string,
  {
    __typename: string;
    data?: Record<string, unknown>;
    message?: string;
    issues?: { path: string[]; message: string }[];
  }
>;

async function createPerson(input: Record<string, unknown>, source?: Record<string, unknown>) {
  const res = await server.gql<Result>(
    `mutation ($input: PersonInput!, $source: SourceInput) {
      createPerson(input: $input, source: $source) {
        ${ERR}
        ... on MutationCreatePersonSuccess { data { id name latinName aliases birthYear categories
          provenance { unsourced verified recordedBy source { title url kind } } } }
      }
    }`,
    { input, source },
    staff,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createPerson!;
}

async function mutate(query: string, variables: Record<string, unknown>) {
  const res = await server.gql<Result>(query, variables, staff);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

describe('creating and changing people', () => {
  it('creates a person with names, aliases and a source, and marks a person without one unsourced', async () => {
    const sourced = await createPerson(
      {
        name: `${p}张明`,
        latinName: 'Zhang Ming',
        aliases: ['張明'],
        birthYear: 1975,
        categories: ['academician'],
      },
      { title: `${p} 校友名录 2024`, url: 'https://example.org/roster' },
    );
    expect(sourced.__typename).toBe('MutationCreatePersonSuccess');
    expect(sourced.data).toMatchObject({
      name: `${p}张明`,
      latinName: 'Zhang Ming',
      aliases: ['張明'],
      birthYear: 1975,
      categories: ['academician'],
      provenance: {
        unsourced: false,
        verified: false,
        recordedBy: expect.stringMatching(/^Account:/),
        source: { title: `${p} 校友名录 2024`, kind: 'user' },
      },
    });
    const bare = await createPerson({ name: `${p}李华` });
    expect(bare.data).toMatchObject({ provenance: { unsourced: true, source: null } });
  });

  it.each([
    [{ name: '' }, ['input', 'name'], 'must not be empty'],
    [{ name: '   ' }, ['input', 'name'], 'must not be empty'],
    [{ name: 'x'.repeat(201) }, ['input', 'name'], 'at most 200'],
    [{ name: `${p}a`, birthYear: 1800 }, ['input', 'birthYear'], '1900'],
    [{ name: `${p}a`, birthYear: new Date().getFullYear() + 1 }, ['input', 'birthYear'], 'future'],
    [{ name: `${p}a\u0007b` }, ['input', 'name'], 'control characters'],
    [
      { name: `${p}a`, aliases: Array.from({ length: 31 }, (_, i) => `a${i}`) },
      ['input', 'aliases'],
      'at most 30',
    ],
    [{ name: `${p}a`, confidence: 1.5 }, ['input', 'confidence'], 'between 0 and 1'],
  ])('refuses %j with a ValidationError naming the field', async (input, path, message) => {
    const result = await createPerson(input);
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues?.[0]?.path).toEqual(path);
    expect(result.issues?.[0]?.message).toContain(message);
  });

  it('refuses a value of the wrong type before any resolver runs', async () => {
    const res = await server.gql(
      'mutation { createPerson(input: {name: "x", birthYear: "nineteen"}) { __typename } }',
      {},
      staff,
    );
    expect(res.errors?.[0]?.message).toMatch(/Int/);
  });

  it('updates only the given fields, clears with null, and keeps the history', async () => {
    const created = await createPerson({ name: `${p}王强`, title: '教授', birthYear: 1980 });
    const id = created.data!.id as string;
    const updated = await mutate(
      `mutation ($id: ID!) { updatePerson(id: $id, input: {title: "院长", birthYear: null}) {
        ${ERR} ... on MutationUpdatePersonSuccess { data { name title birthYear history { op actor changes { field before after } } } } } }`,
      { id },
    );
    expect(updated.data).toMatchObject({ name: `${p}王强`, title: '院长', birthYear: null });
    const history = updated.data!.history as {
      op: string;
      changes: { field: string; before: string; after: string }[];
    }[];
    expect(history.map((h) => h.op)).toEqual(['update', 'create']);
    expect(history[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: '"教授"', after: '"院长"' },
        { field: 'birthYear', before: '1980', after: 'null' },
      ]),
    );
  });

  it('answers NotFoundError for an unknown id and ValidationError for a malformed one', async () => {
    const missing = await mutate(
      `mutation { updatePerson(id: "Person:01ARZ3NDEKTSV4RRFFQ69G5FAV", input: {title: "x"}) { ${ERR} } }`,
      {},
    );
    expect(missing).toMatchObject({ __typename: 'NotFoundError', entity: 'Person' });
    const malformed = await mutate(
      `mutation { updatePerson(id: "Organization:abc", input: {title: "x"}) { ${ERR} } }`,
      {},
    );
    expect(malformed).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['id'] }] });
  });

  it('refuses writes from roles that may not write', async () => {
    const res = await server.gql(
      'mutation { createPerson(input: {name: "x"}) { __typename } }',
      {},
      { role: 'viewer' },
    );
    expect(res.errors?.[0]?.message).toMatch(/authoriz|permission/i);
  });
});

describe('places, fields and organisations', () => {
  async function createPlace(name: string, kind: string, parent?: string) {
    const r = await mutate(
      `mutation ($input: PlaceInput!) { createPlace(input: $input) { ${ERR} ... on MutationCreatePlaceSuccess { data { id name kind parent { name } ancestors { name } } } } }`,
      { input: { name, kind, parent } },
    );
    return r;
  }

  it('builds a hierarchy and refuses a place inside itself, changing nothing', async () => {
    const province = (await createPlace(`${p}省`, 'province')).data!;
    const city = (await createPlace(`${p}市`, 'city', province.id as string)).data!;
    const district = (await createPlace(`${p}区`, 'district', city.id as string)).data!;
    expect(district).toMatchObject({
      parent: { name: `${p}市` },
      ancestors: [{ name: `${p}市` }, { name: `${p}省` }],
    });

    const cycle = await mutate(
      `mutation ($id: ID!, $parent: ID!) { updatePlace(id: $id, input: {parent: $parent, name: "renamed"}) { ${ERR} } }`,
      { id: province.id, parent: district.id },
    );
    expect(cycle).toMatchObject({ __typename: 'ConflictError', path: ['input', 'parent'] });
    const self = await mutate(
      `mutation ($id: ID!) { updatePlace(id: $id, input: {parent: $id}) { ${ERR} } }`,
      { id: city.id },
    );
    expect(self.__typename).toBe('ConflictError');
    // The failed update renamed nothing: the transaction rolled back whole.
    const after = await server.gql<{ place: { name: string; parent: unknown } }>(
      'query ($id: ID!) { place(id: $id) { name parent { name } } }',
      { id: province.id },
    );
    expect(after.data?.place).toEqual({ name: `${p}省`, parent: null });
  });

  it('leaves no trace of a create whose link fails (no project, no source)', async () => {
    const failed = await mutate(
      `mutation { createProject(input: {name: "${p}项目", kind: startup, status: idea, host: "Organization:01ARZ3NDEKTSV4RRFFQ69G5FAV"}, source: {title: "${p}来源"}) { ${ERR} } }`,
      {},
    );
    expect(failed).toMatchObject({ __typename: 'NotFoundError', path: ['input', 'host'] });
    const left = await server.db.read(
      'MATCH (n) WHERE n.name = $name OR n.title = $title RETURN n',
      {
        name: `${p}项目`,
        title: `${p}来源`,
      },
    );
    expect(left).toEqual([]);
  });

  it('creates an organisation in a place and lists it by type and place', async () => {
    const city = (await createPlace(`${p}光谷`, 'city')).data!;
    const org = await mutate(
      `mutation ($place: ID!) { createOrganization(input: {name: "${p}光电研究院", type: rnd_institute, place: $place}) {
        ${ERR} ... on MutationCreateOrganizationSuccess { data { id type place { name } } } } }`,
      { place: city.id },
    );
    expect(org.data).toMatchObject({ type: 'rnd_institute', place: { name: `${p}光谷` } });
    const list = await server.gql<{
      organizations: { totalCount: number; edges: { node: { name: string } }[] };
    }>(
      'query ($within: ID!) { organizations(filter: {within: $within, types: [rnd_institute]}) { totalCount edges { node { name } } } }',
      { within: city.id },
    );
    expect(list.data?.organizations).toEqual({
      totalCount: 1,
      edges: [{ node: { name: `${p}光电研究院` } }],
    });
  });
});
