import { sessionTtlHours } from '../../schema/accounts/account.model.ts';

export const sessionCookieName = 'tg_session';
/**
 * Cookie sessions are honoured only on requests that carry this header. A cross-site form or image
 * cannot set a custom header, and a cross-site script cannot without a CORS preflight we never grant.
 */
export const csrfHeader = 'x-talentgraph-csrf';

/** HttpOnly (no script reads it), SameSite=Strict (not sent from other sites), Secure over https. */
export function sessionCookie(token: string, secure: boolean): string {
  return [
    `${sessionCookieName}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${sessionTtlHours.cookie * 3600}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [
    `${sessionCookieName}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}
