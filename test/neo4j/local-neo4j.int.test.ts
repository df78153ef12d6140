import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decodeGlobalId } from '../../schema/shared/global-id.ts';
import { createApp } from '../../server/app.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { registry } from '../../server/metrics.ts';
import {
  findRunningLocalNeo4j,
  type LocalNeo4j,
  LocalNeo4jError,
  startLocalNeo4j,
} from '../../server/neo4j/local-neo4j.ts';
import { type SupervisedNeo4j, superviseLocalNeo4j } from '../../server/neo4j/supervisor.ts';
import { freePort } from '../helpers/free-port.ts';
import { copyMigratedStore } from '../helpers/migrated-store.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';

// This file runs its own local Neo4j (not the run's shared one), because it stops and restarts it.
const home = mkdtempSync(join(tmpdir(), 'talentgraph-local-'));
copyMigratedStore(home);
let neo4j: LocalNeo4j | SupervisedNeo4j | undefined;
const start = async (port: number) =>
  startLocalNeo4j({ home, boltPort: port, heap: '512m', pageCache: '128m' });

afterAll(async () => {
  await neo4j?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('the local Neo4j', () => {
  it('starts, keeps data across a restart, refuses a second instance, and /ready follows it', async () => {
    const port = await freePort();
    neo4j = await start(port);
    expect(neo4j.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(findRunningLocalNeo4j(home)?.pid).toBe(neo4j.pid);

    let driver = createDriver(neo4j);
    let db = new Db(driver);
    expect(await migrate(db)).toEqual([]); // a copy of the run's migrated store
    await db.writeTx((tx) =>
      tx.run("CREATE (:Person {id: 'keep-me', name: '留存测试', deleted: false})"),
    );
    await driver.close();

    // A second instance on the same data folder is refused with a clear error, whatever the port.
    const second = start(await freePort());
    await expect(second).rejects.toBeInstanceOf(LocalNeo4jError);
    await expect(second).rejects.toMatchObject({ kind: 'locked' });
    // A port already in use is named as such.
    const otherHome = mkdtempSync(join(tmpdir(), 'talentgraph-port-'));
    await expect(
      startLocalNeo4j({ home: otherHome, boltPort: port, heap: '256m' }),
    ).rejects.toMatchObject({ kind: 'port-taken' });
    rmSync(otherHome, { recursive: true, force: true });

    // /ready answers 200 while Neo4j runs and 503 once it stops; it recovers by itself after a restart.
    driver = createDriver(neo4j);
    db = new Db(driver);
    const app = createApp({ db, logger: pino({ level: 'silent' }) });
    const server = createServer(app.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const readyUrl = `${base}/ready`;
    const { token } = await createTestAccount(db, 'staff');
    const gql = async (query: string) => {
      const started = performance.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as {
        data?: { createPerson?: { __typename: string }; people?: { totalCount: number } };
        errors?: { extensions?: { code?: string } }[];
      };
      return { ms: performance.now() - started, body };
    };
    // A write acknowledged before the stop must be there after it.
    const written = await gql(
      'mutation { createPerson(input: { name: "停机前写入" }) { __typename } }',
    );
    expect(written.body.data?.createPerson?.__typename).toBe('MutationCreatePersonSuccess');
    const ready = async () => {
      const res = await fetch(readyUrl);
      return { status: res.status, body: (await res.json()) as { status: string } };
    };
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready' } });

    await neo4j.stop();
    expect(findRunningLocalNeo4j(home)).toBeUndefined();
    expect(await ready()).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    // Requests fail fast with a clear code instead of hanging until a client time-out.
    const down = await gql('{ people(first: 1) { totalCount } }');
    expect(down.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.ms).toBeLessThan(20_000);

    neo4j = await start(port);
    const rows = await db.read<{ name: string }>(
      "MATCH (p:Person {id: 'keep-me'}) RETURN p.name AS name",
    );
    expect(rows).toEqual([{ name: '留存测试' }]);
    expect(await ready()).toMatchObject({ status: 200 });
    // The same server, without a restart, answers again and still has the write.
    const back = await gql('{ people(filter: { text: "停机前写入" }, first: 1) { totalCount } }');
    expect(back.body.data?.people?.totalCount).toBe(1);

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await driver.close();
  }, 900_000); // three starts: minutes each on a busy shared machine
});

async function metricValue(name: string): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  return Number(metric?.values[0]?.value ?? 0);
}

describe('the supervised local Neo4j', () => {
  it('comes back by itself after kill -9 during a stream of writes, losing no acknowledged write', async () => {
    await neo4j?.stop();
    const supervised = await superviseLocalNeo4j({
      home,
      boltPort: await freePort(),
      heap: '512m',
      pageCache: '128m',
      startTimeoutMs: 600_000,
    });
    neo4j = supervised;
    const restartsBefore = await metricValue('talentgraph_local_neo4j_restarts_total');
    const driver = createDriver(supervised);
    const db = new Db(driver, { unavailable: supervised.down });
    await migrate(db);
    const app = createApp({
      db,
      logger: pino({ level: 'silent' }),
      // A cold JVM on a busy machine is slow, not down: only unavailability may refuse a write here.
      limits: {
        perIpPerMinute: 1_000_000,
        perAccountPerMinute: 1_000_000,
        queryTimeoutMs: 300_000,
      },
    });
    const server = createServer(app.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const { token } = await createTestAccount(db, 'staff');
    const readyStatus = async () => (await fetch(`${base}/ready`)).status;

    // Nothing leaves the machine: Neo4j's usage reporting is off (it would log this line at start).
    const logs = readdirSync(join(home, 'logs'));
    expect(logs).toContain('debug.log');
    for (const file of logs) {
      expect(readFileSync(join(home, 'logs', file), 'utf8')).not.toMatch(/Anonymous Usage Data/i);
    }

    // A stream of writes: each acknowledged id is kept; each refusal must be quick and say why.
    const acknowledged: string[] = [];
    const refusals: { code: string | undefined; ms: number }[] = [];
    let writing = true;
    let sent = 0;
    /** One write: its id when acknowledged, else it is recorded as a refusal. */
    const write = async (): Promise<string | undefined> => {
      const started = performance.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation { createPerson(input: { name: "写入流 ${sent++}" }) {
            __typename ... on MutationCreatePersonSuccess { data { id } } } }`,
        }),
      });
      const body = (await res.json()) as {
        data?: { createPerson?: { data?: { id: string } } };
        errors?: { extensions?: { code?: string } }[];
      };
      const id = body.data?.createPerson?.data?.id;
      if (id) acknowledged.push(id);
      else
        refusals.push({
          code: body.errors?.[0]?.extensions?.code,
          ms: performance.now() - started,
        });
      return id;
    };
    const writer = (async () => {
      while (writing) {
        if (!(await write())) {
          // Refused: the next write goes once /ready says the database is back (or the stream ends).
          await vi.waitFor(
            async () => {
              if (writing) expect(await readyStatus()).toBe(200);
            },
            { timeout: 600_000, interval: 200 },
          );
        }
      }
    })();
    // A cold JVM on a busy machine may take minutes; every state is polled every 200 ms.
    const minutes = { timeout: 600_000, interval: 200 };
    await vi.waitFor(
      () => expect(acknowledged.length, 'writes before the kill').toBeGreaterThanOrEqual(10),
      minutes,
    );

    const killedPid = supervised.pid;
    process.kill(killedPid, 'SIGKILL');
    const ackedBeforeKill = acknowledged.length;
    // While it restarts (a 1 s backoff, then the JVM's start): the supervisor says why, /ready says
    // 503 and writes are refused at once with a typed code. Before the supervisor has seen the exit, a
    // write waits in the driver's retry (up to 5 s) and may succeed: a restart takes ~4 s now.
    await vi.waitFor(
      () => expect(supervised.down(), 'the supervisor has seen the JVM die').toBeDefined(),
      { timeout: 30_000, interval: 20 },
    );
    expect(await readyStatus(), '/ready while Neo4j restarts').toBe(503);
    expect(await write(), 'a write sent while Neo4j is down').toBeUndefined();
    // Then it comes back with no hand on it, and writes are acknowledged again.
    await vi.waitFor(
      async () => expect(await readyStatus(), '/ready once Neo4j is restarted').toBe(200),
      minutes,
    );
    expect(supervised.pid).not.toBe(killedPid);
    await vi.waitFor(
      () =>
        expect(acknowledged.length, 'writes after the restart').toBeGreaterThanOrEqual(
          ackedBeforeKill + 5,
        ),
      minutes,
    );
    writing = false;
    await writer;

    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect(refusal.code).toBe('DATABASE_UNAVAILABLE');
      // The driver's own retry (maxTransactionRetryTime 5 s) is the longest a write should wait.
      expect(refusal.ms).toBeLessThan(15_000);
    }
    const ids = acknowledged.map((id) => decodeGlobalId(id).id);
    const stored = await db.read<{ id: string }>(
      'MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id',
      { ids },
    );
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(ids));
    expect(await metricValue('talentgraph_local_neo4j_restarts_total')).toBe(restartsBefore + 1);

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await driver.close();
  }, 1_800_000);
});
