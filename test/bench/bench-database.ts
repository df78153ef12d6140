import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { rebuildDerivedTies } from '../../schema/connections/derived-ties.ts';
import { isEmpty } from '../../seed/demo.ts';
import { generateGraph } from '../../seed/generate.ts';
import { loadGraph } from '../../seed/load.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { type LocalNeo4j, startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';
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
  const neo4j = await startLocalNeo4j({
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
    await migrate(db);
    const marker = readLoadMarker(home) ?? (await loadInto(driver, db, people, home, log));
    return { people, home, memory, neo4j, driver, db, marker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function loadInto(
  driver: Driver,
  db: Db,
  people: number,
  home: string,
  log: (line: string) => void,
): Promise<LoadMarker> {
  if (!(await isEmpty(db)))
    throw new Error(`${home} holds data but no load marker; delete the folder`);
  log(`loading ${people.toLocaleString('en')} people into ${home}`);
  const started = performance.now();
  let lastPrint = 0;
  const loaded = await loadGraph(driver, generateGraph({ people }), {
    concurrency: 2,
    onProgress: ({ label, done, rate }) => {
      const now = performance.now();
      if (now - lastPrint < 5000) return;
      lastPrint = now;
      log(`  ${label} ${done.toLocaleString('en')} rows (${Math.round(rate)}/s)`);
    },
  });
  const loadMs = Math.round(performance.now() - started);
  log(`loaded ${loaded.nodes} nodes, ${loaded.ties} ties in ${(loadMs / 1000).toFixed(0)} s`);
  const derivedStarted = performance.now();
  const derivedTies = await rebuildDerivedTies(driver);
  const derivedMs = Math.round(performance.now() - derivedStarted);
  log(`derived ${derivedTies} ties in ${(derivedMs / 1000).toFixed(0)} s`);
  const marker: LoadMarker = {
    people,
    nodes: loaded.nodes,
    ties: loaded.ties,
    derivedTies,
    loadMs,
    derivedMs,
    loadedAt: new Date().toISOString(),
  };
  writeLoadMarker(home, marker);
  return marker;
}
