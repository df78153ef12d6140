import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { type LocalNeo4j, startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';
import { snapshot } from '../helpers/graph-snapshot.ts';
import { copyMigratedStore } from '../helpers/migrated-store.ts';

// Its own local Neo4j below its own DATA_DIR: the scripts need the store stopped.
const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'talentgraph-backup-'));
const home = join(dataDir, 'neo4j');
copyMigratedStore(home);
const backups = join(dataDir, 'backups');
let neo4j: LocalNeo4j | undefined;

afterAll(async () => {
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run backup` / `npm run restore` as a person runs them, on this file's DATA_DIR. */
async function script(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'server', 'cli', 'backup.ts'), ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, timeout: 600_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  neo4j = await startLocalNeo4j({
    home,
    boltPort: await freePort(),
    heap: '512m',
    pageCache: '128m',
  });
  const driver = createDriver(neo4j);
  try {
    return await work(new Db(driver));
  } finally {
    await driver.close();
    await neo4j.stop();
    neo4j = undefined;
  }
}

describe('npm run backup / npm run restore (local Neo4j)', () => {
  it('round-trips: back up, change the data, restore, and the data is as at backup time', async () => {
    const atBackup = await withDb(async (db) => {
      expect(await migrate(db)).toEqual([]); // a copy of the run's migrated store
      await db.writeTx(async (tx) => {
        await tx.run(
          `UNWIND range(1, 50) AS i
           CREATE (p:Person {id: 'bk-' + i, name: '备份测试 ' + i, deleted: false, birthYear: 1960 + i,
                             createdAt: datetime('2024-01-01T00:00:00Z') + duration({days: i})})`,
        );
        await tx.run(
          `MATCH (a:Person), (b:Person) WHERE a.id STARTS WITH 'bk-' AND b.id = 'bk-' + toString(toInteger(substring(a.id, 3)) + 1)
           CREATE (a)-[:KNOWS {kind: 'friend', strength: 0.5, deleted: false}]->(b)`,
        );
      });
      // While the store is open the scripts refuse, saying what to stop.
      const refused = await script('backup', '--to', backups);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/is running \(pid \d+\): stop the server first/);
      return snapshot(db);
    });
    expect(atBackup.counts).toMatchObject({ Person: 50, KNOWS: 49 });

    const backedUp = await script('backup', '--to', backups);
    expect(backedUp.output).toMatch(/backed up/);
    expect(backedUp.code).toBe(0);
    const dumps = readdirSync(backups).filter((f) => /^talentgraph-.*\.dump$/.test(f));
    expect(dumps).toHaveLength(1);

    const changed = await withDb(async (db) => {
      await db.writeTx(async (tx) => {
        await tx.run("MATCH (p:Person {id: 'bk-1'}) DETACH DELETE p");
        await tx.run("MATCH (p:Person {id: 'bk-2'}) SET p.name = '改过的名字'");
        await tx.run("CREATE (:Person {id: 'bk-new', name: '备份后新增', deleted: false})");
      });
      return snapshot(db);
    });
    expect(changed.checksum).not.toBe(atBackup.checksum);

    const restored = await script('restore', join(backups, dumps[0] as string));
    expect(restored.output).toMatch(/restored/);
    expect(restored.code).toBe(0);
    const afterRestore = await withDb(snapshot);
    expect(afterRestore.counts).toEqual(atBackup.counts);
    expect(afterRestore.checksum).toBe(atBackup.checksum);
  }, 1_200_000);
});
