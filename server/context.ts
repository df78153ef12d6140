import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Db, QueryEvent } from './db/run.ts';

/** Who is asking. Accounts arrive with the accounts issue; until then the role comes from the request. */
export type Role = 'admin' | 'staff' | 'consultant' | 'viewer';
export const roles: readonly Role[] = ['admin', 'staff', 'consultant', 'viewer'];

/** What every resolver gets. One per request. */
export interface Context {
  db: Db;
  role: Role;
  /** The actor recorded on writes and personal-data reads. */
  actor: string;
  requestId: string;
  logger: Logger;
  /** Cypher round trips of this request (tests assert on the count; slow ones are logged). */
  queries: QueryEvent[];
  /** Per-request DataLoaders, created on first use (see schema/shared/loaders.ts). */
  loaders: Map<string, DataLoader<string, unknown>>;
}
