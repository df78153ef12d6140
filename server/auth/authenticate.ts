import { createGraphQLError } from 'graphql-yoga';
import { findSession, type SignedIn, tokenHash } from '../../schema/accounts/account.model.ts';
import type { Db } from '../db/run.ts';
import type { SessionCache } from './session-cache.ts';
import { csrfHeader, readCookie, sessionCookieName } from './session-cookie.ts';

export interface Authentication {
  account: SignedIn | null;
  /** Why a cookie was not accepted; shown in the "sign in" error. */
  problem: string | null;
}

/**
 * Who sent this request. A bearer token must be valid (a bad one is a 401: scripts should fail loudly);
 * a session cookie counts only with the CSRF header, and a stale cookie just means "not signed in", so
 * the browser can still call `login`.
 */
export async function authenticate(
  db: Db,
  headers: Headers,
  sessions: SessionCache,
): Promise<Authentication> {
  const find = (token: string, via: SignedIn['via']) =>
    sessions.find(`${via}:${tokenHash(token)}`, () => findSession(db, token, via));
  const authorization = headers.get('authorization');
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const account = token ? await find(token, 'bearer') : null;
    if (!account) {
      throw createGraphQLError(
        'The bearer token is malformed, unknown, expired or revoked: sign in again.',
        {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        },
      );
    }
    return { account, problem: null };
  }
  const cookie = readCookie(headers.get('cookie'), sessionCookieName);
  if (!cookie) return { account: null, problem: null };
  if (!headers.get(csrfHeader)) {
    return { account: null, problem: `a session cookie needs the ${csrfHeader} header` };
  }
  const account = await find(cookie, 'cookie');
  return account
    ? { account, problem: null }
    : { account: null, problem: 'the session has expired or was revoked' };
}
