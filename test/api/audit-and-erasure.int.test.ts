import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('audit');
const staff = { role: 'staff' } as const;
let admin: TestAccount;

const createPerson = `mutation ($input: PersonInput!) { createPerson(input: $input) {
  __typename ... on MutationCreatePersonSuccess { data { id } } } }`;
const personalData = 'personalData { visible reason contacts { kind value } }';

async function person(name: string, extra: Record<string, unknown> = {}) {
  const res = await server.gql<{ createPerson: { data: { id: string } } }>(
    createPerson,
    { input: { name: `${p}${name}`, consentStatus: 'granted', ...extra } },
    staff,
  );
  return res.data!.createPerson.data.id;
}
async function contact(id: string, kind: string, value: string) {
  const res = await server.gql<{ setContact: { __typename: string } }>(
    'mutation ($id: ID!, $kind: ContactKind!, $value: String!) { setContact(person: $id, kind: $kind, value: $value) { __typename } }',
    { id, kind, value },
    staff,
  );
  expect(res.data?.setContact.__typename).toBe('MutationSetContactSuccess');
}
type Line = {
  actor: string;
  action: string;
  subjectId: string;
  changes: string | null;
  fields: string[];
};
async function auditOf(subject: string, token = admin.token) {
  const res = await server.gql<{ auditLog: { edges: { node: Line }[] } }>(
    `query ($f: AuditFilter) { auditLog(filter: $f, first: 50) { edges { node { actor action subjectId changes fields } } } }`,
    { f: { subject } },
    { token },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.auditLog.edges.map((e) => e.node);
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await createTestAccount(server.db, 'admin');
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('audit log', () => {
  it('records each write with who and what changed, in order, and each personal-data read', async () => {
    const writer = await createTestAccount(server.db, 'staff');
    const res = await server.gql<{ createPerson: { data: { id: string } } }>(
      createPerson,
      { input: { name: `${p}审计`, birthYear: 1980 } },
      { token: writer.token },
    );
    const id = res.data!.createPerson.data.id;
    await server.gql(
      'mutation ($id: ID!) { updatePerson(id: $id, input: { birthYear: 1981 }) { __typename } }',
      { id },
      { token: writer.token },
    );
    await contact(id, 'email', 'someone@example.com');
    await server.gql(
      `query ($id: ID!) { person(id: $id) { ${personalData} } }`,
      { id },
      { token: writer.token },
    );

    const lines = await auditOf(id);
    expect(lines.map((l) => l.action)).toEqual([
      'read_personal_data',
      'update',
      'update',
      'create',
    ]);
    expect(lines[0]).toMatchObject({ actor: `Account:${writer.id}`, fields: ['email'] });
    expect(JSON.parse(lines[2]!.changes!)).toEqual({ birthYear: [1980, 1981] });
    expect(lines[2]!.actor).toBe(`Account:${writer.id}`);
    // Personal values never reach the log.
    expect(JSON.stringify(lines)).not.toContain('someone@example.com');

    const csv = await server.gql<{ auditLogCsv: string }>(
      'query ($f: AuditFilter) { auditLogCsv(filter: $f) }',
      { f: { subject: id } },
      { token: admin.token },
    );
    const rows = csv
      .data!.auditLogCsv.replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('at,actor,action,subjectId,tieId,fields,changes,requestId,id');
    expect(rows).toHaveLength(5);
  });

  it('has no entry for a write that failed and changed nothing', async () => {
    const id = await person('回滚');
    const before = await auditOf(id);
    const res = await server.gql<{ updatePerson: { __typename: string } }>(
      'mutation ($id: ID!) { updatePerson(id: $id, input: { birthYear: 3000 }) { __typename } }',
      { id },
      staff,
    );
    expect(res.data?.updatePerson.__typename).toBe('ValidationError');
    expect(await auditOf(id)).toEqual(before);
  });

  it('is for admins only', async () => {
    for (const role of ['staff', 'consultant', 'viewer'] as const) {
      const res = await server.gql(
        '{ auditLog(first: 1) { edges { node { id } } } }',
        {},
        { role },
      );
      expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });
});

describe('contact details by team scope', () => {
  it('shows staff of a place-scoped team only people tied to that place', async () => {
    const places = await server.db.read<{ id: string; name: string }>(
      "MATCH (p:Place {name: '运城市'}) RETURN p.id AS id, p.name AS name",
    );
    const yuncheng = places[0]!.id;
    const team = await server.gql<{ createTeam: { data: { id: string } } }>(
      `mutation ($input: NewTeamInput!) { createTeam(input: $input) { ... on MutationCreateTeamSuccess { data { id } } } }`,
      { input: { name: `${p}运城人才局`, kind: 'bureau', scopePlace: `Place:${yuncheng}` } },
      { token: admin.token },
    );
    const teamId = team.data!.createTeam.data.id.split(':')[1]!;
    const local = await createTestAccount(server.db, 'staff', { teamId });

    const native = await person('运城老乡');
    const outsider = await person('外人');
    const tie = await server.gql<{ addTie: { __typename: string } }>(
      'mutation ($input: AddTieInput!) { addTie(input: $input) { __typename } }',
      { input: { kind: 'BORN_IN', subject: native, object: `Place:${yuncheng}` } },
      staff,
    );
    expect(tie.data?.addTie.__typename).toBe('MutationAddTieSuccess');
    // Distinct numbers: the duplicates test auto-merges people who share one.
    await contact(native, 'phone', '+86 139 0000 0001');
    await contact(outsider, 'phone', '+86 139 0000 0002');

    const read = async (id: string) =>
      (
        await server.gql<{ person: { personalData: { visible: boolean; reason: string | null } } }>(
          `query ($id: ID!) { person(id: $id) { ${personalData} } }`,
          { id },
          { token: local.token },
        )
      ).data!.person.personalData;
    expect((await read(native)).visible).toBe(true);
    expect(await read(outsider)).toMatchObject({
      visible: false,
      reason: expect.stringContaining('scope'),
    });
    // Nothing was read, so nothing is logged for the outsider.
    expect((await auditOf(outsider)).filter((l) => l.action === 'read_personal_data')).toEqual([]);
  });
});

describe('erasure on request', () => {
  it('deletes contacts and consents for good and leaves only an audit stub', async () => {
    const id = await person('删除我');
    await contact(id, 'phone', '+86 139 1234 5678');
    await contact(id, 'wechat', 'erase_me_2026');
    const res = await server.gql<{ erasePersonalData: { data?: { erased: string[] } } }>(
      `mutation ($id: ID!) { erasePersonalData(person: $id, scope: CONTACTS, reason: "PIPL request 2026-17") {
         ... on MutationErasePersonalDataSuccess { data { erased auditEntryId } } } }`,
      { id },
      staff,
    );
    expect(res.data?.erasePersonalData.data?.erased.sort()).toEqual([
      'contact.phone',
      'contact.wechat',
    ]);
    const left = await server.db.read<{ n: number }>(
      "MATCH (c:Contact) WHERE c.value IN ['+86 139 1234 5678', 'erase_me_2026'] RETURN count(c) AS n",
    );
    expect(left[0]!.n).toBe(0);
    const after = await server.gql<{
      person: { doNotContact: boolean; personalData: { contacts: unknown } };
    }>(
      `query ($id: ID!) { person(id: $id) { doNotContact ${personalData} } }`,
      { id },
      { role: 'admin' },
    );
    expect(after.data?.person.doNotContact).toBe(true);
    expect(after.data?.person.personalData.contacts).toBeNull();
    const stub = (await auditOf(id)).find((l) => l.action === 'erase');
    expect(stub?.fields.sort()).toEqual(['contact.phone', 'contact.wechat']);
  });

  it('erases the person with every tie, keeping history entries without values', async () => {
    const id = await person('全部删除', { birthYear: 1977 });
    const res = await server.gql<{ erasePersonalData: { __typename: string } }>(
      'mutation ($id: ID!) { erasePersonalData(person: $id, scope: EVERYTHING, reason: "PIPL") { __typename } }',
      { id },
      staff,
    );
    expect(res.data?.erasePersonalData.__typename).toBe('MutationErasePersonalDataSuccess');
    const gone = await server.gql<{ person: unknown }>(
      'query ($id: ID!) { person(id: $id) { id } }',
      { id },
      staff,
    );
    expect(gone.data?.person).toBeNull();
    const lines = await auditOf(id);
    expect(lines.map((l) => l.action)).toEqual(['erase', 'create']);
    expect(lines[1]!.changes).toBe('{"erased":true}');
    expect(JSON.stringify(lines)).not.toContain('1977');
  });

  it('is refused to roles without personal-data rights', async () => {
    const id = await person('不许删');
    const res = await server.gql(
      'mutation ($id: ID!) { erasePersonalData(person: $id, scope: CONTACTS, reason: "x") { __typename } }',
      { id },
      { role: 'consultant' },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
