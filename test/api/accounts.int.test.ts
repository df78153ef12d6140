import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/test-accounts.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  server = await startTestServer();
  staff = await createTestAccount(server.db, 'staff');
});
afterAll(() => server.close());

const loginMutation = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on Error { message }
    ... on MutationLoginSuccess { data { token expiresAt account { email role } } }
  }
}`;
type Login = {
  login: {
    __typename: string;
    message?: string;
    data?: { token: string | null; expiresAt: string; account: { email: string; role: string } };
  };
};
const me = '{ me { email role } }';

async function rawPost(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('sign-in', () => {
  it('gives scripts a bearer token that works until logout', async () => {
    const res = await server.gql<Login>(
      loginMutation,
      { email: staff.email.toUpperCase(), password: staff.password },
      { role: 'anonymous' },
    );
    expect(res.data?.login.__typename, JSON.stringify(res)).toBe('MutationLoginSuccess');
    const token = res.data!.login.data!.token!;
    expect(token).toMatch(/^tg_/);
    expect(new Date(res.data!.login.data!.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + 29 * 86_400_000,
    );

    const who = await server.gql<{ me: { email: string } }>(me, {}, { token });
    expect(who.data?.me).toEqual({ email: staff.email, role: 'staff' });

    const out = await server.gql<{ logout: boolean }>('mutation { logout }', {}, { token });
    expect(out.data?.logout).toBe(true);
    const after = await server.gql(me, {}, { token });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with one message for unknown e-mails and wrong passwords', async () => {
    const wrong = await server.gql<Login>(
      loginMutation,
      { email: staff.email, password: 'not the password' },
      { role: 'anonymous' },
    );
    const unknown = await server.gql<Login>(
      loginMutation,
      { email: 'nobody@test.local', password: 'not the password' },
      { role: 'anonymous' },
    );
    expect(wrong.data?.login.__typename).toBe('AuthenticationError');
    expect(unknown.data?.login).toEqual(wrong.data?.login);
  });

  it('rejects forged, malformed and expired tokens with 401', async () => {
    for (const authorization of [
      'Bearer tg_forged',
      'Bearer',
      'Basic abc',
      `Bearer ${staff.token}x`,
    ]) {
      const res = await rawPost({ query: me }, { authorization });
      expect(res.status, authorization).toBe(401);
    }
    const expiring = await createTestAccount(server.db, 'viewer');
    await server.db.writeTx((tx) =>
      tx.run("MATCH (s:Session {accountId: $id}) SET s.expiresAt = datetime() - duration('PT1S')", {
        id: expiring.id,
      }),
    );
    expect((await server.gql(me, {}, { token: expiring.token })).status).toBe(401);
  });

  it('lets anonymous callers only sign in', async () => {
    const res = await server.gql('{ people(first: 1) { totalCount } }', {}, { role: 'anonymous' });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
    const who = await server.gql<{ me: unknown }>(me, {}, { role: 'anonymous' });
    expect(who.data?.me).toBeNull();
  });

  it('gives the browser an HttpOnly SameSite cookie, honoured only with the CSRF header', async () => {
    const res = await rawPost(
      { query: loginMutation, variables: { email: staff.email, password: staff.password } },
      { 'x-talentgraph-csrf': '1' },
    );
    const body = (await res.json()) as { data: Login };
    expect(body.data.login.data?.token).toBeNull(); // the token stays out of page scripts
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^tg_session=tg_[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    const pair = cookie.split(';')[0]!;

    const withHeader = await rawPost({ query: me }, { cookie: pair, 'x-talentgraph-csrf': '1' });
    expect(((await withHeader.json()) as { data: { me: unknown } }).data.me).toEqual({
      email: staff.email,
      role: 'staff',
    });

    // A cross-site form post carries the cookie but cannot add the header: treated as anonymous.
    const forged = await rawPost(
      { query: '{ people(first: 1) { totalCount } }' },
      { cookie: pair },
    );
    // (application/json answers 200 with the error, as the GraphQL-over-HTTP spec asks.)
    const forgedBody = JSON.stringify(await forged.json());
    expect(forgedBody).toContain('UNAUTHENTICATED');
    expect(forgedBody).toContain('x-talentgraph-csrf');

    // The cookie's token is not a bearer token.
    expect(
      (await rawPost({ query: me }, { authorization: `Bearer ${pair.split('=')[1]}` })).status,
    ).toBe(401);

    const out = await rawPost(
      { query: 'mutation { logout }' },
      { cookie: pair, 'x-talentgraph-csrf': '1' },
    );
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await rawPost({ query: me }, { cookie: pair, 'x-talentgraph-csrf': '1' });
    expect(((await after.json()) as { data: { me: unknown } }).data.me).toBeNull();
  });
});

describe('administration', () => {
  it('lets admins create accounts and teams, revoke and disable; others may not', async () => {
    const team = await server.gql<{ createTeam: { data?: { id: string; name: string } } }>(
      `mutation ($input: NewTeamInput!) { createTeam(input: $input) { ... on MutationCreateTeamSuccess { data { id name } } } }`,
      { input: { name: `测试局 ${Date.now()}`, kind: 'bureau' } },
      { role: 'admin' },
    );
    const teamId = team.data?.createTeam.data?.id;
    expect(teamId).toMatch(/^Team:/);

    const create = `mutation ($input: NewAccountInput!) { createAccount(input: $input) {
      __typename ... on MutationCreateAccountSuccess { data { id email role teamId } }
      ... on ValidationError { issues { path message } } ... on ConflictError { message } } }`;
    const email = `new.${Date.now()}@test.local`;
    const input = {
      email,
      name: '新同事',
      role: 'staff',
      password: 'a long enough password',
      team: teamId,
    };
    const made = await server.gql<{ createAccount: { data?: { id: string; teamId: string } } }>(
      create,
      { input },
      { role: 'admin' },
    );
    expect(made.data?.createAccount.data?.teamId).toBe(teamId);
    const again = await server.gql<{ createAccount: { __typename: string } }>(
      create,
      { input },
      { role: 'admin' },
    );
    expect(again.data?.createAccount.__typename).toBe('ConflictError');
    const bad = await server.gql<{ createAccount: { issues: { path: string[] }[] } }>(
      create,
      { input: { ...input, email: 'not-an-email', password: 'short' } },
      { role: 'admin' },
    );
    expect(bad.data?.createAccount.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'input.email',
      'input.password',
    ]);

    const denied = await server.gql(
      create,
      { input: { ...input, email: `x${email}` } },
      { role: 'staff' },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Disabling ends the account's sessions at once.
    const victim = await createTestAccount(server.db, 'staff');
    expect((await server.gql(me, {}, { token: victim.token })).status).toBe(200);
    const disable = await server.gql<{ updateAccount: { __typename: string } }>(
      `mutation ($id: ID!) { updateAccount(id: $id, input: { disabled: true }) { __typename } }`,
      { id: `Account:${victim.id}` },
      { role: 'admin' },
    );
    expect(disable.data?.updateAccount.__typename).toBe('MutationUpdateAccountSuccess');
    expect((await server.gql(me, {}, { token: victim.token })).status).toBe(401);
    const login = await server.gql<Login>(
      loginMutation,
      { email: victim.email, password: victim.password },
      { role: 'anonymous' },
    );
    expect(login.data?.login.__typename).toBe('AuthenticationError');

    const other = await createTestAccount(server.db, 'viewer');
    // Used once before, so a session cache holds it: revocation must still end it at once.
    expect((await server.gql(me, {}, { token: other.token })).status).toBe(200);
    const revoke = await server.gql<{ revokeSessions: { data: number } }>(
      'mutation ($id: ID!) { revokeSessions(account: $id) { ... on MutationRevokeSessionsSuccess { data } } }',
      { id: `Account:${other.id}` },
      { role: 'admin' },
    );
    expect(revoke.data?.revokeSessions.data).toBe(1);
    expect((await server.gql(me, {}, { token: other.token })).status).toBe(401);
  });

  it('changes a password and ends the other sessions', async () => {
    const user = await createTestAccount(server.db, 'consultant');
    const second = await server.gql<Login>(
      loginMutation,
      { email: user.email, password: user.password },
      { role: 'anonymous' },
    );
    const secondToken = second.data!.login.data!.token!;
    expect((await server.gql(me, {}, { token: secondToken })).status).toBe(200);
    const changed = await server.gql<{ changePassword: { __typename: string } }>(
      'mutation ($c: String!, $n: String!) { changePassword(current: $c, next: $n) { __typename } }',
      { c: user.password, n: 'a brand new password 2026' },
      { token: user.token },
    );
    expect(changed.data?.changePassword.__typename).toBe('MutationChangePasswordSuccess');
    expect((await server.gql(me, {}, { token: user.token })).status).toBe(200);
    expect((await server.gql(me, {}, { token: secondToken })).status).toBe(401);
  });

  it('ends sessions at once when an admin changes the role or the team, cached or not', async () => {
    const update = `mutation ($id: ID!, $input: AccountUpdateInput!) {
      updateAccount(id: $id, input: $input) { __typename } }`;
    const team = await server.gql<{ createTeam: { data: { id: string } } }>(
      `mutation ($input: NewTeamInput!) { createTeam(input: $input) { ... on MutationCreateTeamSuccess { data { id } } } }`,
      { input: { name: `换队局 ${Date.now()}`, kind: 'district' } },
      { role: 'admin' },
    );
    for (const input of [{ role: 'viewer' }, { team: team.data!.createTeam.data.id }]) {
      const user = await createTestAccount(server.db, 'staff');
      expect((await server.gql<{ me: unknown }>(me, {}, { token: user.token })).data?.me).toEqual({
        email: user.email,
        role: 'staff',
      });
      const res = await server.gql<{ updateAccount: { __typename: string } }>(
        update,
        { id: `Account:${user.id}`, input },
        { role: 'admin' },
      );
      expect(res.data?.updateAccount.__typename, JSON.stringify(input)).toBe(
        'MutationUpdateAccountSuccess',
      );
      expect((await server.gql(me, {}, { token: user.token })).status, JSON.stringify(input)).toBe(
        401,
      );
    }
  });
});

describe('the session cache', () => {
  it('asks Neo4j for a session once, then answers from memory', async () => {
    const user = await createTestAccount(server.db, 'viewer');
    const sessionQueries = async () => {
      const requestId = `cache-${Math.random().toString(36).slice(2)}`;
      const res = await server.gql(
        me,
        {},
        { token: user.token, headers: { 'x-request-id': requestId } },
      );
      expect(res.status).toBe(200);
      return server.queriesOf(requestId).filter((q) => q.cypher.includes(':Session')).length;
    };
    expect(await sessionQueries()).toBe(1);
    expect(await sessionQueries()).toBe(0);
    expect(await sessionQueries()).toBe(0);
  });

  it('trusts a session no longer than the cache time when it changes elsewhere', async () => {
    // It asks again until the cached session lapses: on a quiet machine that is more requests a
    // minute than the default rate limits allow (a 429 ended the wait once), and limits are not what
    // is tested here.
    const shortCache = await startTestServer({
      app: {
        sessionCacheSeconds: 1,
        limits: { perIpPerMinute: 1_000_000, perAccountPerMinute: 1_000_000 },
      },
    });
    try {
      const user = await createTestAccount(server.db, 'viewer');
      expect((await shortCache.gql(me, {}, { token: user.token })).status).toBe(200);
      // Revoked behind this app's back (by another app server, or on the database).
      await server.db.writeTx((tx) =>
        tx.run('MATCH (s:Session {accountId: $id}) SET s.revokedAt = datetime()', { id: user.id }),
      );
      const deadline = Date.now() + 15_000;
      let status = 200;
      while (status === 200 && Date.now() < deadline) {
        status = (await shortCache.gql(me, {}, { token: user.token })).status;
      }
      expect(status).toBe(401);
    } finally {
      await shortCache.close();
    }
  });
});
