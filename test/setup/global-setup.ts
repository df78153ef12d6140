import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadDemo } from '../../seed/demo.ts';
import { createDriver, type Neo4jConnection } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { ensureWebBuilt } from '../../server/http/web-build.ts';
import { startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's local Neo4j, migrated and loaded with the demo graph (treat demo data as read-only). */
    neo4j: Neo4jConnection;
    /** A stopped Neo4j home, migrated and empty: see test/helpers/migrated-store.ts. */
    migratedStore: string;
  }
}

/**
 * The built web app, and one local Neo4j for the whole run, on a free port with a throwaway data folder, migrated and loaded
 * with the demo graph. Tests keep their own data apart (see test/helpers/test-data.ts).
 */
export default async function setup(project: TestProject) {
  // The browser tests serve web/dist: built here once (and only if its sources changed), never by
  // test files running in parallel.
  const webBuilt = ensureWebBuilt((line) => console.log(line));
  webBuilt.catch(() => {}); // awaited below, after the database; a failure is thrown there
  const home = mkdtempSync(join(tmpdir(), 'talentgraph-test-'));
  const migratedStore = mkdtempSync(join(tmpdir(), 'talentgraph-migrated-'));
  const start = async () =>
    startLocalNeo4j({
      home,
      boltPort: await freePort(),
      heap: '1g',
      pageCache: '512m',
      // The machine is often shared with other runs: a slow start is not a failure (setting the
      // password at start-up runs under the default transaction timeout; requests set their own).
      startTimeoutMs: 600_000,
      txTimeout: '0s',
    });
  let neo4j = await start();
  let driver = createDriver(neo4j);
  await migrate(new Db(driver));
  // The migrated, still empty store, kept for the test files that run a Neo4j of their own: a copy
  // spares each of them the migrations of an empty database (~20 s on 2 cores), for one stop and start
  // here (~4 s).
  await driver.close();
  await neo4j.stop();
  cpSync(home, migratedStore, {
    recursive: true,
    filter: (path) => !path.startsWith(join(home, 'logs')),
  });
  neo4j = await start();
  driver = createDriver(neo4j);
  await loadDemo(new Db(driver));
  await driver.close();
  await webBuilt;
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  project.provide('migratedStore', migratedStore);

  return async () => {
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(migratedStore, { recursive: true, force: true });
  };
}
