import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportGraph, importGraph } from '../../schema/export/export-graph.ts';
import { isEmpty } from '../../seed/demo.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { exportDigest, tempFolders } from '../helpers/export-files.ts';
import { freePort } from '../helpers/free-port.ts';
import type { TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { addTieOk, createEntity } from '../helpers/test-entities.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let staff: TestAccount;
const p = testPrefix('expapi');
const ids: Record<string, string> = {};
const ERR = '__typename ... on Error { message }';
const JOB = 'id status format people contacts counts bytes error downloadUrl';

const folders = tempFolders('tg-export-api-');
const tmp = () => folders.make();

interface Job {
  id: string;
  status: string;
  people: string | null;
  contacts: boolean;
  counts: string | null;
  bytes: number | null;
  error: string | null;
  downloadUrl: string | null;
}

async function startExport(vars: Record<string, unknown>, token = staff.token) {
  const res = await server.gql<{
    startExport: { __typename: string; message?: string; data?: Job };
  }>(
    `mutation ($format: GraphExportFormat!, $prefix: String, $contacts: Boolean, $people: PersonFilter, $labels: [ExportLabel!]) {
       startExport(format: $format, prefix: $prefix, contacts: $contacts, people: $people, labels: $labels) {
         ${ERR} ... on MutationStartExportSuccess { data { ${JOB} } } } }`,
    vars,
    { token },
  );
  return res;
}

/** Waits until the job is no longer running (up to 2 minutes: the machine is shared); returns it. */
async function finished(id: string, token = staff.token): Promise<Job> {
  const res = await vi.waitFor(
    async () => {
      const res = await server.gql<{ exportJob: Job | null }>(
        `query ($id: ID!) { exportJob(id: $id) { ${JOB} } }`,
        { id },
        { token },
      );
      if (res.data?.exportJob?.status === 'running')
        throw new Error(`the export ${id} is still running: ${JSON.stringify(res.data.exportJob)}`);
      return res;
    },
    { timeout: 120_000, interval: 250 },
  );
  const job = res.data?.exportJob;
  if (!job) throw new Error(`no job: ${JSON.stringify(res)}`);
  return job;
}

async function download(url: string, token?: string) {
  return fetch(`${server.url}${url}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** Unzips a downloaded export into a new folder. */
async function unzip(body: ArrayBuffer): Promise<string> {
  const dir = tmp();
  const zip = await JSZip.loadAsync(body);
  for (const [name, file] of Object.entries(zip.files)) {
    expect(name).toMatch(/^[\w.-]+$/);
    writeFileSync(join(dir, name), await file.async('nodebuffer'));
  }
  return dir;
}

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.signIn('staff');
  const create = async (kind: string, key: string, input: Record<string, unknown>) => {
    ids[key] = await createEntity(server, p, kind, input);
  };
  await create('Place', 'city', { name: '武汉', kind: 'city' });
  await create('Field', 'field', { name: '激光' });
  await create('Organization', 'org', { name: '光谷实验室', type: 'key_lab', place: ids.city });
  await create('Person', 'a', { name: '甲', latinName: 'Jia', aliases: ['甲甲'], birthYear: 1980 });
  await create('Person', 'b', { name: '乙', birthYear: 1985 });
  const source = { kind: 'article', title: `${p}报道` };
  await addTieOk(
    server,
    { kind: 'WORKED_AT', subject: ids.a, object: ids.org, title: '主任', startYear: 2010 },
    source,
  );
  await addTieOk(
    server,
    { kind: 'EXPERT_IN', subject: ids.a, object: ids.field, level: 5 },
    source,
  );
  await addTieOk(
    server,
    { kind: 'KNOWS', subject: ids.a, object: ids.b, knowsKind: 'mentor', strength: 0.9 },
    source,
  );
  await addTieOk(server, { kind: 'BORN_IN', subject: ids.b, object: ids.city }, source);
  const res = await server.gql<{ setContact: { __typename: string } }>(
    `mutation ($p: ID!) { setContact(person: $p, kind: email, value: "${p}jia@example.com") { ${ERR} } }`,
    { p: ids.a },
    { role: 'staff' },
  );
  expect(res.data?.setContact.__typename).toBe('MutationSetContactSuccess');
});

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
  folders.removeAll();
});

describe('export from the API', () => {
  it('is for editor roles only; contacts only for roles allowed personal data', async () => {
    for (const role of ['viewer', 'consultant'] as const) {
      const res = await server.gql(
        'mutation { startExport(format: JSONL) { __typename } }',
        {},
        { role },
      );
      expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    const res = await server.gql<{ exportJob: unknown }>(
      'query { exportJob(id: "ExportJob:01JB0000000000000000000000") { id } }',
      {},
      { role: 'viewer' },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('starts a job, reports it, and serves the zip only to its author; re-imported into an empty database it gives the same files', async () => {
    const started = await startExport({ format: 'JSONL', prefix: p, contacts: true });
    const job0 = started.data?.startExport.data;
    expect(job0, JSON.stringify(started)).toBeTruthy();
    const job = await finished(job0!.id);
    expect(job).toMatchObject({ status: 'done', contacts: true, error: null });
    expect(job.downloadUrl).toMatch(/^\/exports\/[0-9A-Z]{26}$/);
    const counts = JSON.parse(job.counts ?? '{}') as Record<string, number>;
    expect(counts).toMatchObject({ Person: 2, Organization: 1, Place: 1, Field: 1, Contact: 1 });
    expect(counts).toMatchObject({ WORKED_AT: 1, EXPERT_IN: 1, KNOWS: 1, HAS_CONTACT: 1 });

    // Someone else, or no one, cannot download it.
    const other = await server.signIn('staff');
    expect((await download(job.downloadUrl!, other.token)).status).toBe(404);
    expect((await download(job.downloadUrl!)).status).toBe(401);
    const otherView = await server.gql<{ exportJob: Job | null }>(
      'query ($id: ID!) { exportJob(id: $id) { id } }',
      { id: job.id },
      { token: other.token },
    );
    expect(otherView.data?.exportJob).toBeNull();

    const res = await download(job.downloadUrl!, staff.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const downloaded = await unzip(await res.arrayBuffer());
    expect(readFileSync(join(downloaded, 'nodes-Contact.jsonl'), 'utf8')).toContain(
      `${p}jia@example.com`,
    );

    // The same files as the CLI's export of the same selection.
    const cli = tmp();
    await exportGraph(server.db, { format: 'jsonl', out: cli, prefix: p, contacts: true });
    const expected = exportDigest(cli);
    expect(exportDigest(downloaded)).toEqual(expected);

    // The contact read and the download are in the audit log.
    const audit = await server.db.read<{ action: string; n: number }>(
      `MATCH (e:AuditEntry) WHERE e.exportJobId = $job OR e.subjectId = $job
       RETURN e.action AS action, count(*) AS n ORDER BY action`,
      { job: job.id.split(':')[1] },
    );
    expect(audit).toEqual([
      { action: 'download_export', n: 1 },
      { action: 'read_personal_data', n: 1 },
    ]);

    // Into an empty database: the re-export is identical (counts and checksum).
    const home = tmp();
    const neo4j = await startLocalNeo4j({
      home,
      boltPort: await freePort(),
      heap: '512m',
      pageCache: '256m',
      startTimeoutMs: 600_000,
      txTimeout: '0s',
    });
    const driver = createDriver(neo4j);
    try {
      const empty = new Db(driver);
      await migrate(empty);
      // Empty but for what migrations write (their records, the reference places).
      expect(await isEmpty(empty)).toBe(true);
      await importGraph(empty, downloaded, { contacts: true });
      const again = join(tmp(), 'again');
      mkdirSync(again);
      await exportGraph(empty, { format: 'jsonl', out: again, prefix: p, contacts: true });
      expect(exportDigest(again)).toEqual(expected);
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 900_000);

  it('exports the people a filter chooses, as CSV files, without contacts unless asked', async () => {
    const started = await startExport({
      format: 'CSV',
      prefix: p,
      people: { birthYearFrom: 1980, birthYearTo: 1980 },
      labels: ['Person', 'Organization', 'Source'],
    });
    const job = await finished(started.data!.startExport.data!.id);
    expect(job).toMatchObject({ status: 'done', people: 'filter', contacts: false });
    const counts = JSON.parse(job.counts ?? '{}') as Record<string, number>;
    expect(counts.Person).toBe(1);
    expect(counts.Organization).toBe(1);
    expect(counts.WORKED_AT).toBe(1);
    expect(counts.Place).toBeUndefined();
    expect(counts.Contact).toBeUndefined();
    const dir = await unzip(await (await download(job.downloadUrl!, staff.token)).arrayBuffer());
    const people = readFileSync(join(dir, 'nodes-Person.csv'), 'utf8');
    expect(people).toContain(`${p}甲`);
    expect(people).not.toContain(`${p}乙`);
    expect(readdirSync(dir)).not.toContain('nodes-Contact.csv');
  }, 180_000); // room for finished()'s wait
});
