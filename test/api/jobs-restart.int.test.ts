/**
 * A background job survives a restart of the real server process (server/main.ts against the run's
 * Neo4j): stopped with SIGTERM mid-import, the job is checkpointed `interrupted` and the next start
 * resumes it from its last line; killed with SIGKILL, its heartbeat goes stale and the next start takes
 * it over. A job of a kind that cannot resume (an export) is marked failed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDriver } from '../../server/db/driver.ts';
import { Db } from '../../server/db/run.ts';
import { removeImportData } from '../helpers/import-data.ts';
import { rosterDir, writeCsv } from '../helpers/roster-files.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { createTestAccount } from '../helpers/test-accounts.ts';
import { testPrefix } from '../helpers/test-data.ts';

const p = testPrefix('jobrestart');
const neo4j = inject('neo4j');
const driver = createDriver(neo4j);
const db = new Db(driver);
const dir = rosterDir();
let token: string;
let server: ServerProcess | null = null;

/** How long an import may take on a busy shared machine, polled every 200 ms. */
const patience = { timeout: 120_000, interval: 200 };

/** Starts the real server on a free port; resolves with its URL once it answers /health. */
async function startServer(env: Record<string, string> = {}): Promise<string> {
  server = await startServerProcess(neo4j, env);
  return server.url;
}

async function stopServer(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  await server?.stop(signal);
  server = null;
}

async function startImport(url: string, path: string, dataset: string): Promise<string> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: `mutation ($file: File!, $dataset: String) {
        startImport(file: $file, preset: talent, dataset: $dataset, batchSize: 100) {
          __typename ... on MutationStartImportSuccess { data { id } } } }`,
      variables: { file: null, dataset },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([readFileSync(path)]), 'restart.csv');
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as { data?: { startImport: { data?: { id: string } } } };
  const id = body.data?.startImport.data?.id;
  if (!id) throw new Error(`startImport failed: ${JSON.stringify(body)}`);
  return id.replace(/^ImportJob:/, '');
}

async function jobState(id: string) {
  const rows = await db.read<{ status: string; attempts: number; doneRows: number }>(
    `MATCH (j:Job {id: $id}), (i:ImportJob {id: $id})
     RETURN j.status AS status, j.attempts AS attempts, i.doneRows AS doneRows`,
    { id },
  );
  return rows[0];
}

/** Waits until the import has done 300 of its rows (it is then running, mid-way). */
function halfWay(id: string) {
  return vi.waitFor(async () => {
    const state = await jobState(id);
    if ((state?.doneRows ?? 0) < 300)
      throw new Error(`the import is not half-way yet: ${JSON.stringify(state)}`);
  }, patience);
}

/** Waits until the import is done; returns its state then. */
function importDone(id: string, what: string) {
  return vi.waitFor(async () => {
    const state = await jobState(id);
    if (state?.status !== 'done') throw new Error(`${what} is not done: ${JSON.stringify(state)}`);
    return state;
  }, patience);
}

async function people(dataset: string): Promise<number> {
  const rows = await db.read<{ n: number }>(
    'MATCH (s:Source {dataset: $dataset})-[:DESCRIBES]->(n:Person) RETURN count(DISTINCT n) AS n',
    { dataset },
  );
  return rows[0]?.n ?? 0;
}

const n = 2000;
function roster(name: string): string {
  const rows: (string | number)[][] = [['姓名', '出生年份', '工作单位']];
  for (let i = 0; i < n; i++) rows.push([`${p}人${i}`, 1960 + (i % 40), `${p}单位${i % 7}`]);
  return writeCsv(dir, name, rows);
}

beforeAll(async () => {
  token = (await createTestAccount(db, 'staff')).token;
});

afterAll(async () => {
  await stopServer('SIGKILL');
  await db.writeTx((tx) => tx.run('MATCH (j:Job) WHERE j.actor = $p DELETE j', { p }));
  await removeImportData(db, p);
  await driver.close();
});

describe('a job survives a restart', () => {
  it('SIGTERM checkpoints an import; the next start resumes it after its last line', async () => {
    const dataset = `${p}-term`;
    const url = await startServer();
    const id = await startImport(url, roster('term.csv'), dataset);
    await halfWay(id);
    await stopServer('SIGTERM');
    const stopped = await jobState(id);
    expect(stopped?.status).toBe('interrupted');
    expect(stopped?.doneRows).toBeLessThan(n);
    expect(await people(dataset)).toBe(stopped?.doneRows);

    await startServer();
    const done = await importDone(id, 'the resumed import');
    expect(done.attempts).toBe(2);
    expect(done.doneRows).toBe(n);
    expect(await people(dataset)).toBe(n);
    await stopServer('SIGTERM');
  }, 300_000);

  it('SIGKILL leaves a running import; a later start takes it over once its heartbeat is stale', async () => {
    const dataset = `${p}-kill`;
    const url = await startServer();
    const id = await startImport(url, roster('kill.csv'), dataset);
    await halfWay(id);
    await stopServer('SIGKILL');
    expect((await jobState(id))?.status).toBe('running');

    // An export that was running too: exports cannot resume, so it is marked failed.
    const exportId = `${p}export`;
    await db.writeTx((tx) =>
      tx.run(
        `CREATE (:Job {id: $id, kind: 'export', status: 'running', params: 'null', actor: $p,
                       createdAt: datetime(), heartbeatAt: datetime() - duration('PT1H'), attempts: 1})
         CREATE (:ExportJob {id: $id, status: 'running', format: 'jsonl', actor: $p, contacts: false,
                             createdAt: datetime()})`,
        { id: exportId, p },
      ),
    );
    await startServer({ JOB_STALE_AFTER: '5s' });
    const done = await importDone(id, 'the taken-over import');
    expect(done.doneRows).toBe(n);
    expect(await people(dataset)).toBe(n);
    const exportJob = await db.read<{ job: string; export: string; error: string }>(
      `MATCH (j:Job {id: $id}), (e:ExportJob {id: $id})
       RETURN j.status AS job, e.status AS export, e.error AS error`,
      { id: exportId },
    );
    expect(exportJob[0]).toMatchObject({ job: 'failed', export: 'failed' });
    expect(exportJob[0]?.error).toMatch(/restart/);
    await db.writeTx((tx) => tx.run('MATCH (e:ExportJob {id: $id}) DELETE e', { id: exportId }));
    await stopServer('SIGTERM');
  }, 300_000);
});
