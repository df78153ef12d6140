import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { inject } from 'vitest';
import {
  createDelivery,
  type Delivery,
  type DeliveryOptions,
} from '../../schema/outreach/delivery/delivery.ts';
import { deriveLinkSecret } from '../../schema/outreach/delivery/links.ts';
import { type App, type AppOptions, createApp } from '../../server/app.ts';
import type { Role } from '../../server/context.ts';
import { createDriver, type Neo4jConnection } from '../../server/db/driver.ts';
import { Db, type QueryEvent } from '../../server/db/run.ts';
import { JobRunner } from '../../server/jobs/job-runner.ts';
import { createTestAccount, type TestAccount } from './test-accounts.ts';

interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  driver: Driver;
  db: Db;
  /** The server's background jobs. */
  jobs: JobRunner;
  /** Its invitation channels and link signing (links point at `url`). */
  delivery: Delivery;
  /** The Cypher round trips of the request sent with this x-request-id. */
  queriesOf(requestId: string): QueryEvent[];
  /**
   * POSTs a GraphQL request as a signed-in account of `role` (default viewer; 'anonymous' sends no
   * credentials), or with the given bearer `token`.
   */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { role?: Role | 'anonymous'; token?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  /**
   * A new account of `role` (optionally in a team) with a bearer session. The accounts per role that
   * `gql` uses are made once per server.
   */
  signIn(role: Role, options?: { teamId?: string; name?: string }): Promise<TestAccount>;
  close(): Promise<void>;
}

/** The real app on a real HTTP port (0 = any free one), talking to the run's local Neo4j. */
export async function startTestServer(
  options: {
    connection?: Neo4jConnection;
    /** Options for the app under test (limits, production mode, a logger to read). */
    app?: Omit<Partial<AppOptions>, 'db' | 'onQuery' | 'delivery'>;
    /** E-mail for invitations (SMTP_URL, MAIL_FROM, rate); off when not given. */
    mail?: DeliveryOptions['mail'];
  } = {},
): Promise<TestServer> {
  const connection = options.connection ?? inject('neo4j');
  const driver = createDriver(connection);
  const db = new Db(driver);
  const queries = new Map<string, QueryEvent[]>();
  const logger = options.app?.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // Listening first: the invitation links carry the server's address, known once it listens.
  let app: App | undefined;
  const server: Server = createServer((req, res) => app?.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const delivery = createDelivery({
    mail: options.mail ?? null,
    linkSecret: deriveLinkSecret(connection.password),
    publicUrl: url,
  });
  const jobs = new JobRunner(db, logger, { heartbeatMs: 1000, services: { delivery } });
  app = createApp({
    ...options.app,
    db,
    jobs,
    delivery,
    logger,
    onQuery: (event, requestId) =>
      queries.set(requestId, [...(queries.get(requestId) ?? []), event]),
  });
  const post = async (body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  const signIn = (role: Role, options: { teamId?: string; name?: string } = {}) =>
    createTestAccount(db, role, options);
  const tokens = new Map<Role, Promise<TestAccount>>();
  const tokenFor = (role: Role) => {
    if (!tokens.has(role)) tokens.set(role, signIn(role));
    return tokens.get(role)!;
  };
  return {
    url,
    driver,
    db,
    jobs,
    delivery,
    queriesOf: (requestId) => queries.get(requestId) ?? [],
    signIn,
    async gql(query, variables = {}, options = {}) {
      const role = options.role ?? 'viewer';
      const token =
        options.token ?? (role === 'anonymous' ? undefined : (await tokenFor(role)).token);
      return post(
        { query, variables },
        { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
      ) as Promise<GqlResponse<never>>;
    },
    async close() {
      await jobs.shutdown();
      delivery.email?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}
