import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createDriver, type Neo4jConnection } from '../../server/db/driver.ts';
import { Db, type QueryEvent } from '../../server/db/run.ts';

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  driver: Driver;
  db: Db;
  /** The Cypher round trips of the request sent with this x-request-id. */
  queriesOf(requestId: string): QueryEvent[];
  /** POSTs a GraphQL request; `role` sets the x-role header. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { role?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** The real app on a real HTTP port (0 = any free one), talking to the run's local Neo4j. */
export async function startTestServer(
  connection: Neo4jConnection = inject('neo4j'),
): Promise<TestServer> {
  const driver = createDriver(connection);
  const db = new Db(driver);
  const queries = new Map<string, QueryEvent[]>();
  const app = createApp({
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    onQuery: (event, requestId) =>
      queries.set(requestId, [...(queries.get(requestId) ?? []), event]),
  });
  const server: Server = createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    driver,
    db,
    queriesOf: (requestId) => queries.get(requestId) ?? [],
    async gql(query, variables = {}, options = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(options.role ? { 'x-role': options.role } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}
