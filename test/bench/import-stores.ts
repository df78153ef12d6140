/**
 * Stores for the import bench (import-bench.ts): a template store (migrated, demo graph, plus a
 * part's own setup) is built once and stopped, then copied for the product and for its baseline, so
 * both start from byte-identical, equally fresh stores and neither warms the other's caches. After
 * both ran, `compareStores` checks they hold the same thing.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadDemo } from '../../seed/demo.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db, type QueryEvent } from '../../server/db/run.ts';
import { type LocalNeo4j, startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';

export interface StoreMemory {
  heap: string;
  pageCache: string;
}

/** A running store of the bench. */
export interface BenchStore {
  neo4j: LocalNeo4j;
  driver: Driver;
  db: Db;
  close(): Promise<void>;
}

/** Starts the local Neo4j of `home`; `onQuery` sees every statement (the `--profile` breakdown). */
export async function openStore(
  home: string,
  memory: StoreMemory,
  onQuery?: (e: QueryEvent) => void,
): Promise<BenchStore> {
  const neo4j = await startLocalNeo4j({
    home,
    boltPort: await freePort(),
    ...memory,
    txTimeout: '0s',
    startTimeoutMs: 600_000,
  });
  const driver = createDriver(neo4j);
  return {
    neo4j,
    driver,
    db: new Db(driver, onQuery ? { onQuery } : {}),
    close: async () => {
      await driver.close();
      await neo4j.stop();
    },
  };
}

/** Builds `home` afresh: migrations, the demo graph, then `setup`; leaves it stopped. */
export async function buildTemplate(
  home: string,
  memory: StoreMemory,
  setup?: (store: BenchStore) => Promise<void>,
): Promise<void> {
  rmSync(home, { recursive: true, force: true });
  const store = await openStore(home, memory);
  try {
    await migrate(store.db);
    await loadDemo(store.db);
    await setup?.(store);
  } finally {
    await store.close();
  }
}

/** A fresh copy of a (stopped) template at `home`, started. */
export async function openCopy(
  template: string,
  home: string,
  memory: StoreMemory,
  onQuery?: (e: QueryEvent) => void,
): Promise<BenchStore> {
  rmSync(home, { recursive: true, force: true });
  cpSync(template, home, {
    recursive: true,
    filter: (src) => !src.startsWith(join(template, 'logs')),
  });
  return openStore(home, memory, onQuery);
}

/** Peak resident memory of a process (VmHWM), in MB; null when it cannot be read. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far; 0 when it cannot be read. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** What a store holds, counted: enough to tell whether two writers wrote the same thing. */
export type StoreCounts = Map<string, number>;

/**
 * Nodes per label, relationships per type, how many of each carry each property key, and every
 * people count (schema/person/people-counts.ts) with its value, summed over its shards. Labels in `bookkeeping` (job records
 * whose progress fields differ by design) are counted but their property keys are not.
 */
export async function countStore(db: Db, bookkeeping: readonly string[]): Promise<StoreCounts> {
  const counts: StoreCounts = new Map();
  const add = (rows: { k: string; n: number }[]) => {
    for (const r of rows) counts.set(r.k, r.n);
  };
  // People counts are striped over shards (each write adds to one drawn at random), so their nodes
  // differ from run to run: their sums per key are compared, below.
  add(
    await db.read(
      'MATCH (n) WHERE NOT n:PeopleCount UNWIND labels(n) AS l RETURN "label " + l AS k, count(*) AS n',
    ),
  );
  add(await db.read('MATCH ()-[r]->() RETURN "type " + type(r) AS k, count(*) AS n'));
  add(
    await db.read(
      `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $bookkeeping) AND NOT n:PeopleCount
       UNWIND labels(n) AS l UNWIND keys(n) AS key RETURN l + "." + key AS k, count(*) AS n`,
      { bookkeeping },
    ),
  );
  add(
    await db.read(
      'MATCH ()-[r]->() UNWIND keys(r) AS key RETURN type(r) + "." + key AS k, count(*) AS n',
    ),
  );
  // By name where the value is an organisation or field: those a run creates get new ids each time.
  add(
    await db.read(
      `MATCH (c:PeopleCount)
       OPTIONAL MATCH (o:Organization {id: c.value}) OPTIONAL MATCH (f:Field {id: c.value})
       WITH "count " + c.cell + "|" + c.facet + "|" + coalesce(o.name, f.name, c.value) AS k, sum(c.n) AS n
       WHERE n <> 0
       RETURN k, n`,
    ),
  );
  return counts;
}

/** The differences between two stores' counts, one line each (empty when they hold the same). */
export function countDifferences(
  product: StoreCounts,
  baseline: StoreCounts,
  limit = 30,
): string[] {
  // Labels, types and property keys first: a difference there explains those in the counts.
  const rank = (k: string) => (k.startsWith('count ') ? 1 : 0);
  const keys = [...new Set([...product.keys(), ...baseline.keys()])].sort(
    (a, b) => rank(a) - rank(b) || (a < b ? -1 : 1),
  );
  const diffs = keys
    .filter((k) => product.get(k) !== baseline.get(k))
    .map((k) => `  ${k}: product ${product.get(k) ?? 0}, baseline ${baseline.get(k) ?? 0}`);
  return diffs.length > limit
    ? [...diffs.slice(0, limit), `  ... ${diffs.length - limit} more`]
    : diffs;
}

/** Labels and relationship types with their counts, on one line (`Person 8,000, KNOWS 5,000 ...`). */
export function describeCounts(counts: StoreCounts): string {
  return [...counts]
    .filter(([k]) => k.startsWith('label ') || k.startsWith('type '))
    .map(([k, n]) => `${k.replace(/^(label|type) /, '')} ${n.toLocaleString('en')}`)
    .join(', ');
}
