import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import {
  findRunningLocalNeo4j,
  type LocalNeo4j,
  startLocalNeo4j,
} from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';
import { type BulkImportResult, bulkImport } from './bulk-import.ts';
import { type LoadMarker, readLoadMarker, writeLoadMarker } from './load-marker.ts';

/** Where the bench databases live: one folder per size, kept between runs. */
export const benchDataRoot = join(process.cwd(), 'data', 'bench');

/** Memory of the local Neo4j for a number of people. */
export interface Neo4jMemory {
  heap: string;
  pageCache: string;
}

/** Heap and page cache for a size: 3g/4g from a million people up, less below. */
export function memoryFor(people: number): Neo4jMemory {
  if (people >= 1_000_000) return { heap: '3g', pageCache: '4g' };
  if (people >= 300_000) return { heap: '2g', pageCache: '2g' };
  return { heap: '2g', pageCache: '1g' };
}

/** A running, migrated and loaded bench database. */
export interface BenchDatabase {
  people: number;
  home: string;
  memory: Neo4jMemory;
  neo4j: LocalNeo4j;
  driver: Driver;
  db: Db;
  marker: LoadMarker;
  /** Closes the driver and stops Neo4j cleanly; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the local Neo4j of `data/bench/<people>`, migrates it and, when the graph was never fully
 * loaded, generates and loads it (then rebuilds the derived ties) and writes the load marker.
 * A folder without a marker holds an interrupted load: it is deleted and loaded again.
 */
export async function openBenchDatabase(
  people: number,
  log: (line: string) => void,
  onStarted?: (neo4j: LocalNeo4j) => void,
): Promise<BenchDatabase> {
  const home = join(benchDataRoot, String(people));
  if (existsSync(home) && !readLoadMarker(home)) {
    log(`${home}: no completed load recorded, starting from an empty store`);
    rmSync(home, { recursive: true, force: true });
  }
  const memory = memoryFor(people);
  // A bench Neo4j left running on this folder (by `tsx test/bench/serve.ts`, to iterate on queries
  // without a restart per run) is reused; closing then leaves it running.
  const running = findRunningLocalNeo4j(home);
  let imported: BulkImportResult | undefined;
  if (!readLoadMarker(home)) {
    log(`importing ${people.toLocaleString('en')} people into ${home}`);
    imported = await bulkImport(home, people, memory.heap, log);
  }
  const neo4j: LocalNeo4j = running
    ? { ...running, stop: async () => {}, exited: new Promise<number | null>(() => {}) }
    : await startLocalNeo4j({
        home,
        boltPort: await freePort(),
        ...memory,
        txTimeout: '0s',
        startTimeoutMs: 600_000,
      });
  onStarted?.(neo4j);
  const driver = createDriver(neo4j);
  const db = new Db(driver);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await driver.close();
    await neo4j.stop();
  };
  try {
    const indexStarted = performance.now();
    await migrateWithBigIndexes(db, log);
    let marker = readLoadMarker(home);
    if (!marker) {
      if (!imported) throw new Error(`${home}: nothing was imported`);
      marker = {
        people,
        nodes: imported.nodes,
        ties: imported.ties,
        derivedTies: imported.derivedTies,
        loadMs: imported.csvMs + imported.importMs,
        derivedMs: 0,
        indexMs: Math.round(performance.now() - indexStarted),
        method: 'bulk',
        loadedAt: new Date().toISOString(),
      };
      writeLoadMarker(home, marker);
    }
    return { people, home, memory, neo4j, driver, db, marker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Migrations on a freshly imported store build every constraint and index over millions of nodes;
 * a migration waits at most 300 s for its indexes, so a timed-out wait is simply tried again.
 */
export async function migrateWithBigIndexes(db: Db, log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, undefined, log);
      return;
    } catch (error) {
      if (attempt >= 6 || !/awaitIndexes|timed? ?out|not online/i.test(String(error))) throw error;
      log(`indexes still building (${String(error).slice(0, 120)}), waiting again`);
    }
  }
}
