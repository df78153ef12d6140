import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { SignedIn } from '../schema/accounts/account.model.ts';
import type { Delivery } from '../schema/outreach/delivery/delivery.ts';
import type { Lang } from '../schema/shared/words/words.ts';
import type { SessionCache } from './auth/session-cache.ts';
import type { Db, QueryEvent } from './db/run.ts';
import type { JobRunner } from './jobs/job-runner.ts';

/** What a caller may do is decided by the role of their account; without one they are anonymous. */
export type Role = 'admin' | 'staff' | 'consultant' | 'viewer';

/** What every resolver gets. One per request. */
export interface Context {
  db: Db;
  /** The signed-in account, or null (anonymous callers may only sign in). */
  account: SignedIn | null;
  /** Verified sessions of this app server; account changes must `forgetAccount` (accounts.graphql.ts). */
  sessions: SessionCache;
  role: Role | 'anonymous';
  /** Why a session was not accepted (missing CSRF header, expired cookie), for a clearer error. */
  authProblem: string | null;
  /** The actor recorded on writes and personal-data reads: `Account:<id>`. */
  actor: string;
  requestId: string;
  logger: Logger;
  /** Cypher round trips of this request (tests assert on the count; slow ones are logged). */
  queries: QueryEvent[];
  /** Per-request DataLoaders, created on first use (see schema/shared/loaders.ts). */
  loaders: Map<string, DataLoader<string, unknown>>;
  /** The background jobs of this server (server/jobs/): start one, read its state. */
  jobs: JobRunner;
  /** How invitations reach people: the e-mail channel (null when off) and the signed links. */
  delivery: Delivery;
  /** Cookies to set on the response (login, logout). */
  setCookies: string[];
  secureCookies: boolean;
  requestHeaders: Headers;
  /** The language words are written in for this caller (server/lang.ts): exports, graph labels. */
  lang: Lang;
  /**
   * Sign-in throttling for this caller's address (server/auth/login-throttle.ts): `check` before the
   * password is verified (throws RateLimitedError), then `failed` or `succeeded`.
   */
  limits: {
    login: {
      check(email: string): Promise<void>;
      failed(email: string): Promise<void>;
      succeeded(email: string): void;
    };
  };
}
