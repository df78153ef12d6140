import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('hostile');
let person = '';

beforeAll(async () => {
  server = await startTestServer({ app: { limits: { perIpPerMinute: 100_000 } } });
  const res = await server.gql<{ createPerson: { data: { id: string } } }>(
    'mutation ($n: String!) { createPerson(input: { name: $n }) { ... on MutationCreatePersonSuccess { data { id } } } }',
    { n: `${p}目标` },
    { role: 'staff' },
  );
  person = res.data!.createPerson.data.id;
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

type Role = 'anonymous' | 'viewer' | 'consultant' | 'staff' | 'admin';
const roles: Role[] = ['anonymous', 'viewer', 'consultant', 'staff', 'admin'];

/**
 * Operation × role: who may use it. Writes are sent with input that fails validation, so an allowed
 * role gets a typed ValidationError (and nothing changes) while a refused one gets FORBIDDEN.
 */
const matrix: {
  name: string;
  query: string;
  vars?: () => Record<string, unknown>;
  allowed: Role[];
}[] = [
  {
    name: 'search',
    query: '{ search(text: "华中", first: 1) { score } }',
    allowed: ['viewer', 'consultant', 'staff', 'admin'],
  },
  {
    name: 'people',
    query: '{ people(first: 1) { totalCount } }',
    allowed: ['viewer', 'consultant', 'staff', 'admin'],
  },
  { name: 'me', query: '{ me { id } }', allowed: roles },
  {
    name: 'createPerson',
    query: 'mutation { createPerson(input: { name: "" }) { __typename } }',
    allowed: ['staff', 'admin'],
  },
  {
    name: 'setContact',
    query:
      'mutation ($id: ID!) { setContact(person: $id, kind: phone, value: "x") { __typename } }',
    vars: () => ({ id: person }),
    allowed: ['staff', 'admin'],
  },
  {
    name: 'erasePersonalData',
    query:
      'mutation ($id: ID!) { erasePersonalData(person: $id, scope: CONTACTS, reason: "") { __typename } }',
    vars: () => ({ id: person }),
    allowed: ['staff', 'admin'],
  },
  { name: 'auditLog', query: '{ auditLog(first: 1) { edges { cursor } } }', allowed: ['admin'] },
  { name: 'accounts', query: '{ accounts { id } }', allowed: ['admin'] },
  {
    name: 'createAccount',
    query:
      'mutation { createAccount(input: { email: "x", name: "", role: viewer, password: "" }) { __typename } }',
    allowed: ['admin'],
  },
];

describe('role × operation', () => {
  for (const op of matrix) {
    it(`${op.name}: only ${op.allowed.join(', ')}`, async () => {
      for (const role of roles) {
        const res = await server.gql<Record<string, { __typename?: string }>>(
          op.query,
          op.vars?.() ?? {},
          { role },
        );
        const code = res.errors?.[0]?.extensions?.code;
        if (op.allowed.includes(role)) {
          expect(code, `${op.name} as ${role}: ${JSON.stringify(res.errors)}`).toBeUndefined();
          if (op.query.startsWith('mutation')) {
            expect(Object.values(res.data ?? {})[0]?.__typename, `${op.name} as ${role}`).toBe(
              'ValidationError',
            );
          }
        } else {
          expect(code, `${op.name} as ${role}`).toBe(
            role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          );
        }
      }
    });
  }
});

const graphCount = async () =>
  (
    await server.db.read<{ n: number }>(
      'MATCH (n) WHERE NOT n:Change AND NOT n:AuditEntry AND NOT n:Session RETURN count(n) AS n',
    )
  )[0]!.n;

describe('hostile text in every kind of text input', () => {
  const injections = [
    `${p}' OR 1=1 //`,
    `${p}"}) MATCH (n) DETACH DELETE n //`,
    `${p}\`) CALL db.clearQueryCaches() //`,
    `${p}$id} RETURN 1 UNION MATCH (a:Account) RETURN a.passwordHash AS x //`,
    `${p}name:*~ AND (OR "\\`,
  ];
  const invalid: Record<string, string> = {
    'control characters': `${p}a\u0000b\u0007`,
    'invalid Unicode': `${p}\uD800x`,
    'a 100,000-character string': `${p}${'长'.repeat(100_000)}`,
  };

  it('stores Cypher-looking names verbatim and deletes nothing', async () => {
    const before = await graphCount();
    for (const name of injections) {
      const res = await server.gql<{
        createOrganization: { __typename: string; data?: { name: string } };
      }>(
        'mutation ($n: String!) { createOrganization(input: { name: $n, type: enterprise }) { __typename ... on MutationCreateOrganizationSuccess { data { name } } } }',
        { n: name },
        { role: 'staff' },
      );
      expect(res.data?.createOrganization.data?.name, JSON.stringify(res)).toBe(name);
    }
    expect(await graphCount()).toBe(before + injections.length);
  });

  it('searches and filters with them as plain text, never as query syntax', async () => {
    for (const text of [
      ...injections,
      ...Object.values(invalid).slice(0, 1),
      'AND OR NOT',
      '*',
      '~',
      '\\',
    ]) {
      for (const query of [
        'query ($t: String!) { search(text: $t, first: 3) { score } }',
        'query ($t: String!) { people(first: 3, filter: { text: $t }) { totalCount } }',
      ]) {
        const res = await server.gql(query, { t: text }, { role: 'viewer' });
        const code = res.errors?.[0]?.extensions?.code;
        expect(
          code === undefined || code === 'BAD_USER_INPUT',
          `${query} ${text}: ${JSON.stringify(res.errors)}`,
        ).toBe(true);
      }
    }
  });

  for (const [kind, value] of Object.entries(invalid)) {
    it(`refuses ${kind} with a typed error naming the field, and changes nothing`, async () => {
      const before = await graphCount();
      const cases: [string, Record<string, unknown>, string][] = [
        [
          'mutation ($v: String!) { createPerson(input: { name: $v }) { __typename ... on ValidationError { issues { path } } } }',
          { v: value },
          'createPerson',
        ],
        [
          'mutation ($id: ID!, $v: String!) { updatePerson(id: $id, input: { bio: $v }) { __typename ... on ValidationError { issues { path } } } }',
          { id: person, v: value },
          'updatePerson',
        ],
        [
          'mutation ($v: String!) { createField(input: { name: $v }) { __typename ... on ValidationError { issues { path } } } }',
          { v: value },
          'createField',
        ],
      ];
      for (const [query, vars, field] of cases) {
        const res = await server.gql<
          Record<string, { __typename: string; issues?: { path: string[] }[] }>
        >(query, vars, { role: 'staff' });
        expect(
          res.data?.[field]?.__typename,
          `${field}: ${JSON.stringify(res).slice(0, 300)}`,
        ).toBe('ValidationError');
        expect(res.data?.[field]?.issues?.[0]?.path.length).toBeGreaterThan(0);
      }
      const login = await server.gql<{ login: { __typename: string } }>(
        'mutation ($v: String!) { login(email: $v, password: $v) { __typename } }',
        { v: value },
        { role: 'anonymous' },
      );
      expect(login.data?.login.__typename).toMatch(/AuthenticationError|ValidationError/);
      expect(await graphCount()).toBe(before);
    });
  }
});
