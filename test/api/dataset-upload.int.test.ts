/**
 * The dataset wizard's API: the committed mappings with their files, and startDatasetImport with the
 * files as uploads. The LDBC fixture files, uploaded with a mapping of the test's own, give the same
 * graph as the command line; a missing file, a bad or doubled mapping are refused by field, and
 * write nothing.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ldbcFixtureFiles,
  ldbcFixtures,
  ldbcRows,
  ldbcTestMapping,
  removeDataset,
} from '../helpers/ldbc-dataset.ts';
import { testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const p = testPrefix('dsup');
const dataset = `${p}ldbc`;
let server: TestServer;

interface Answer {
  __typename: string;
  data?: { id: string; status: string; result: string | null; error: string | null };
  issues?: { path: string[]; message: string }[];
}

/** Sends startDatasetImport as a multipart request (files as parts, by the multipart spec). */
async function upload(args: {
  mapping?: string;
  mappingJson?: string;
  files: string[];
  dryRun?: boolean;
}): Promise<Answer> {
  const { token } = await server.signIn('staff');
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: `mutation ($mapping: String, $mappingFile: File, $files: [File!]!, $dryRun: Boolean) {
        startDatasetImport(mapping: $mapping, mappingFile: $mappingFile, files: $files, dryRun: $dryRun,
                           scanDuplicates: false, wait: true) {
          __typename
          ... on MutationStartDatasetImportSuccess { data { id status result error } }
          ... on ValidationError { issues { path message } } } }`,
      variables: {
        mapping: args.mapping ?? null,
        mappingFile: null,
        files: args.files.map(() => null),
        dryRun: args.dryRun ?? false,
      },
    }),
  );
  const map: Record<string, string[]> = {};
  args.files.forEach((_, i) => {
    map[String(i)] = [`variables.files.${i}`];
  });
  if (args.mappingJson) map.m = ['variables.mappingFile'];
  form.set('map', JSON.stringify(map));
  args.files.forEach((file, i) => {
    form.set(String(i), new Blob([readFileSync(join(ldbcFixtures, file))]), basename(file));
  });
  if (args.mappingJson) form.set('m', new Blob([args.mappingJson]), 'mapping.json');
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as {
    data?: { startDatasetImport: Answer };
    errors?: { message: string }[];
  };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.startDatasetImport;
}

async function people(): Promise<number> {
  const rows = await server.db.read<{ n: number }>(
    `MATCH (:ExternalId {dataset: $dataset, label: 'Person'})-[:IDENTIFIES]->(n:Person) RETURN count(n) AS n`,
    { dataset },
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await removeDataset(server.db, dataset);
  await server.close();
});

describe('dataset import through uploads', () => {
  it('lists the committed mappings with the files they read', async () => {
    const res = await server.gql<{ datasetMappings: { name: string; files: string[] }[] }>(
      '{ datasetMappings { name dataset files } }',
      {},
      { role: 'staff' },
    );
    const ldbc = res.data?.datasetMappings.find((m) => m.name === 'ldbc-snb');
    expect(ldbc?.files.sort()).toEqual(ldbcFixtureFiles().filter((f) => f.endsWith('.csv')));
  });

  it('refuses a missing file, a bad mapping and two mappings, writing nothing', async () => {
    const all = ldbcFixtureFiles().filter((f) => f.endsWith('.csv'));
    const mappingJson = JSON.stringify(ldbcTestMapping(dataset, p));
    const missing = await upload({ mappingJson, files: all.filter((f) => !f.includes('knows')) });
    expect(missing.issues).toEqual([
      { path: ['files'], message: 'missing: person_knows_person_0_0.csv' },
    ]);
    const bad = await upload({
      mappingJson: JSON.stringify({ dataset, nodes: [{ path: 'x.csv' }] }),
      files: all,
    });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues?.[0]?.path.slice(0, 2)).toEqual(['mappingFile', 'nodes']);
    const both = await upload({ mapping: 'ldbc-snb', mappingJson, files: all });
    expect(both.issues?.[0]?.path).toEqual(['mapping']);
    const unknown = await upload({ mapping: 'no-such', files: all });
    expect(unknown.issues?.[0]?.message).toMatch(/ldbc-snb/);
    expect(await people()).toBe(0);
  });

  it('imports the uploaded files as the command line does, ignoring files it does not read', async () => {
    const files = ldbcFixtureFiles();
    const mappingJson = JSON.stringify(ldbcTestMapping(dataset, p));
    const dry = await upload({ mappingJson, files, dryRun: true });
    expect(dry.data?.status, dry.data?.error ?? '').toBe('done');
    expect(JSON.parse(dry.data?.result ?? '{}').status).toBe('checked');
    expect(await people()).toBe(0);

    const done = await upload({ mappingJson, files });
    expect(done.data?.status, done.data?.error ?? '').toBe('done');
    const summary = JSON.parse(done.data?.result ?? '{}') as {
      status: string;
      files: { path: string; rows: number; created: number }[];
    };
    expect(summary.status).toBe('done');
    const persons = ldbcRows('dynamic/person_0_0.csv').length;
    expect(summary.files.find((f) => f.path === 'dynamic/person_0_0.csv')?.created).toBe(persons);
    expect(await people()).toBe(persons);
    const knows = await server.db.read<{ n: number }>(
      `MATCH (:ExternalId {dataset: $dataset, label: 'Person'})-[:IDENTIFIES]->(n:Person)-[r:KNOWS]->()
       WHERE NOT r.deleted RETURN count(r) AS n`,
      { dataset },
    );
    expect(knows[0]?.n).toBe(ldbcRows('dynamic/person_knows_person_0_0.csv').length);
  }, 600_000);
});
