import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { removeImportData } from '../helpers/import-data.ts';
import { rosterDir, writeCsv } from '../helpers/roster-files.ts';
import { testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('impapi');
const dir = rosterDir();
const header = ['姓名', '出生年份', '籍贯', '工作单位', '职务', '研究领域', '微信'];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await removeImportData(server.db, p);
  await server.close();
});

const jobFields = `id status totalRows doneRows rejected created updated unchanged lastLine
  preview { line action links reasons ties { kind name isNew } problems { column code params { name value } } }
  rejectedRows { line reason code } rejectedCsv`;

/** POSTs startImport as a GraphQL multipart request (the file travels as a real upload). */
async function upload(
  path: string,
  variables: Record<string, unknown>,
  role: 'staff' | 'viewer' = 'staff',
  headers: Record<string, string> = {},
) {
  const { token } = await server.signIn(role);
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: `mutation ($file: File!, $preset: ImportPreset!, $dryRun: Boolean, $keep: Boolean, $dataset: String) {
        startImport(file: $file, preset: $preset, dryRun: $dryRun, keepGoodRows: $keep, dataset: $dataset, wait: true) {
          __typename ... on MutationStartImportSuccess { data { ${jobFields} } }
          ... on ValidationError { issues { path message } } } }`,
      variables: { ...variables, file: null },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([readFileSync(path)]), path.split('/').pop());
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: form,
  });
  return (await res.json()) as {
    data?: { startImport: { __typename: string; data: Record<string, unknown> } };
    errors?: { message: string }[];
  };
}

describe('import API', () => {
  const rows = [
    header,
    [`${p}周明`, 1978, '运城', `${p}晋南能源`, '董事长', `${p}氢能`, 'zhouming_88'],
    [`${p}吴刚`, 2099, '运城', '', '', '', ''],
  ];

  it('refuses viewers', async () => {
    const res = await upload(writeCsv(dir, 'a.csv', rows), { preset: 'talent' }, 'viewer');
    expect(res.errors?.[0]?.message).toMatch(/Not authorized/);
  });

  it('previews, rejects a file with bad rows, then keeps the good rows when asked', async () => {
    const path = writeCsv(dir, 'a.csv', rows);
    const dataset = `${p}-api`;
    const dry = await upload(path, { preset: 'talent', dryRun: true, dataset });
    expect(dry.data?.startImport.data).toMatchObject({
      status: 'done',
      totalRows: 2,
      rejected: 1,
      created: 1,
      preview: [
        {
          line: 2,
          action: 'create',
          links: ['BORN_IN 运城', `WORKED_AT ${p}晋南能源 (new)`, `EXPERT_IN ${p}氢能 (new)`],
        },
        {
          line: 3,
          action: 'reject',
          reasons: ['birthYear: must not be in the future'],
          problems: [{ column: 'birthYear', code: 'in_future', params: [] }],
        },
      ],
    });
    // The ties as data, for a client to say in its language.
    const preview = (dry.data!.startImport.data as { preview: { ties: unknown[] }[] }).preview;
    expect(preview[0]!.ties).toEqual([
      { kind: 'BORN_IN', name: '运城', isNew: false },
      { kind: 'WORKED_AT', name: `${p}晋南能源`, isNew: true },
      { kind: 'EXPERT_IN', name: `${p}氢能`, isNew: true },
    ]);
    const strict = await upload(path, { preset: 'talent', dataset });
    expect(strict.data?.startImport.data).toMatchObject({ status: 'rejected', created: 0 });
    const kept = await upload(path, { preset: 'talent', keep: true, dataset });
    const job = kept.data?.startImport.data as Record<string, unknown>;
    expect(job).toMatchObject({
      status: 'done',
      created: 1,
      rejected: 1,
      rejectedRows: [{ line: 3, code: 'in_future' }],
    });
    // The rejected rows as a file in the requester's language: Chinese unless asked for English.
    expect(job.rejectedCsv).toBe(
      `\uFEFF行,列,姓名,原因\r\n3,出生年份,${p}吴刚,不能是将来的年份\r\n`,
    );
    const english = await server.gql<{ importJob: { rejectedCsv: string } }>(
      'query ($id: ID!) { importJob(id: $id) { rejectedCsv } }',
      { id: job.id },
      { role: 'staff', headers: { 'accept-language': 'en-US,en' } },
    );
    expect(english.data?.importJob.rejectedCsv).toBe(
      `\uFEFFline,column,name,reason\r\n3,Birth year,${p}吴刚,must not be in the future\r\n`,
    );
    // The WeChat id went to a Contact node; reading it needs personalData.
    const person = await server.db.read<{ wechat: string[] }>(
      'MATCH (n:Person {name: $name})-[:HAS_CONTACT]->(c:Contact) RETURN collect(c.value) AS wechat',
      { name: `${p}周明` },
    );
    expect(person[0]!.wechat).toEqual(['zhouming_88']);
  });

  it('resumes a killed CLI import without duplicates', async () => {
    const n = 3000;
    const big = [
      header,
      ...Array.from({ length: n }, (_, i) => [
        `${p}人${i}`,
        1950 + (i % 60),
        '武汉',
        `${p}公司${i % 50}`,
        '',
        '',
        '',
      ]),
    ];
    const path = writeCsv(dir, 'big.csv', big);
    const { uri, user, password } = inject('neo4j');
    const env = {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      LOG_LEVEL: 'warn',
    };
    const args = [
      'tsx',
      'server/cli/import.ts',
      path,
      '--preset',
      'talent',
      '--dataset',
      `${p}-big`,
      '--batch',
      '100',
    ];
    const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    // Killed once it has written 300 rows; an import that ends first fails the test at once.
    const ended = new Promise<never>((_, reject) =>
      child.on('exit', () =>
        reject(new Error(`the import ended before it was killed:\n${stderr}`)),
      ),
    );
    ended.catch(() => undefined); // it also ends when killed, after the race below is over
    const jobId = await Promise.race([
      ended,
      vi.waitFor(
        async () => {
          const id = /import job (\w+)/.exec(stderr)?.[1];
          if (!id) throw new Error(`the import has not named its job yet:\n${stderr}`);
          const [job] = await server.db.read<{ done: number }>(
            'MATCH (j:ImportJob {id: $id}) RETURN j.doneRows AS done',
            { id },
          );
          if ((job?.done ?? 0) < 300)
            throw new Error(`import job ${id} has written ${job?.done ?? 0} of 300 rows`);
          return id;
        },
        { timeout: 120_000, interval: 100 },
      ),
    ]);
    process.kill(-(child.pid as number), 'SIGKILL');
    const count = async () =>
      (
        await server.db.read<{ n: number }>(
          'MATCH (s:Source {dataset: $d})-[:DESCRIBES]->(n:Person) RETURN count(DISTINCT n) AS n',
          { d: `${p}-big` },
        )
      )[0]!.n;
    const partial = await count();
    expect(partial).toBeGreaterThanOrEqual(300);
    expect(partial).toBeLessThan(n);
    const res = await server.gql<{
      resumeImport: { data: { status: string; doneRows: number; lastLine: number } };
    }>(
      'mutation ($id: ID!) { resumeImport(id: $id, wait: true) { ... on MutationResumeImportSuccess { data { status doneRows lastLine } } } }',
      { id: `ImportJob:${jobId}` },
      { role: 'staff' },
    );
    expect(res.data?.resumeImport.data).toMatchObject({
      status: 'done',
      doneRows: n,
      lastLine: n + 1,
    });
    expect(await count()).toBe(n);
    const people = await server.db.read<{ n: number }>(
      'MATCH (n:Person) WHERE n.name STARTS WITH $q RETURN count(n) AS n',
      { q: `${p}人` },
    );
    expect(people[0]!.n).toBe(n);
  }, 180_000);
});
