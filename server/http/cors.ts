import type { CORSOptions } from 'graphql-yoga';
import { csrfHeader } from '../auth/session-cookie.ts';

/**
 * Cross-origin requests get CORS headers only from the origins listed in `CORS_ORIGINS`; every other
 * origin gets none, so browsers keep its pages from reading our answers or sending the CSRF header
 * (graphql-yoga's default would echo any origin, with credentials). The web app itself is same-origin
 * and needs no entry.
 */
export function corsPolicy(allowed: readonly string[]) {
  const origins = new Set(allowed);
  return (request: Request): CORSOptions => {
    const origin = request.headers.get('origin');
    if (!origin || !origins.has(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', 'authorization', 'x-request-id', csrfHeader],
      maxAge: 600,
    };
  };
}
