import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// Provenance per fact: a sourced update names its source on the fields it changed only; the record
// keeps the source it was created from, and fields entered without a source stay visible as such.
let server: TestServer;
const p = testPrefix('prov');
const staff = { role: 'staff' } as const;

type Prov = {
  unsourced: boolean;
  source: { title: string } | null;
  fields: { field: string; unsourced: boolean; source: { title: string } | null }[];
};

async function write(mutation: string, variables: Record<string, unknown>) {
  const res = await server.gql<Record<string, { __typename: string; data?: { id: string } }>>(
    mutation,
    variables,
    staff,
  );
  expect(res.errors).toBeUndefined();
  const result = Object.values(res.data!)[0]!;
  expect(result.__typename).toMatch(/Success$/);
  return result.data!.id;
}
const create = (input: Record<string, unknown>, source?: Record<string, unknown>) =>
  write(
    'mutation ($input: PersonInput!, $source: SourceInput) { createPerson(input: $input, source: $source) { __typename ... on MutationCreatePersonSuccess { data { id } } } }',
    { input: { ...input, name: `${p}${input.name}` }, source },
  );
const update = (id: string, input: Record<string, unknown>, source?: Record<string, unknown>) =>
  write(
    'mutation ($id: ID!, $input: PersonPatch!, $source: SourceInput) { updatePerson(id: $id, input: $input, source: $source) { __typename ... on MutationUpdatePersonSuccess { data { id } } } }',
    { id, input, source },
  );
async function provenance(id: string): Promise<Prov> {
  const res = await server.gql<{ person: { provenance: Prov } }>(
    'query ($id: ID!) { person(id: $id) { provenance { unsourced source { title } fields { field unsourced source { title } } } } }',
    { id },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.person.provenance;
}
const byField = (prov: Prov) =>
  Object.fromEntries(prov.fields.map((f) => [f.field, f.unsourced ? null : f.source?.title]));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('provenance per field', () => {
  it('relabels only the fields a sourced update changed', async () => {
    const id = await create(
      { name: '甲', birthYear: 1970, title: '教授' },
      { kind: 'roster', title: `${p}校友名录` },
    );
    await update(id, { birthYear: 1971 });
    await update(id, { title: '院长' }, { kind: 'article', title: `${p}新闻报道` });
    const prov = await provenance(id);
    expect(prov.unsourced).toBe(false);
    expect(prov.source?.title).toBe(`${p}校友名录`);
    expect(byField(prov)).toMatchObject({
      name: `${p}校友名录`,
      birthYear: null,
      title: `${p}新闻报道`,
    });
  });

  it('keeps an unsourced record unsourced when one field gets a source', async () => {
    const id = await create({ name: '乙', title: '工程师' });
    await update(id, { title: '总工程师' }, { kind: 'article', title: `${p}人事任命` });
    const prov = await provenance(id);
    expect(prov.unsourced).toBe(true);
    expect(byField(prov)).toMatchObject({ name: null, title: `${p}人事任命` });
  });
});
