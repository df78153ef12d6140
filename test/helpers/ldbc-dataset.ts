/**
 * The LDBC SNB fixture files (test/fixtures/ldbc-snb) as tests import them: the committed mapping
 * with a dataset name and a name prefix of the test's own (the database is shared), and the removal
 * of everything such an import wrote.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '../../server/db/run.ts';
import { deleteNodes } from './test-data.ts';

export const ldbcFixtures = resolve('test/fixtures/ldbc-snb');

/** The committed LDBC mapping, as `dataset`, with every node name prefixed by `prefix`. */
export function ldbcTestMapping(
  dataset: string,
  prefix: string,
  edit?: (m: Record<string, unknown>) => void,
): Record<string, unknown> {
  const mapping = JSON.parse(readFileSync('seed/datasets/ldbc-snb.mapping.json', 'utf8'));
  mapping.dataset = dataset;
  for (const file of mapping.nodes) file.fields.name.prefix = prefix;
  edit?.(mapping);
  return mapping;
}

/** The fixture files as paths relative to the fixture folder ("static/place_0_0.csv", ...). */
export function ldbcFixtureFiles(): string[] {
  return readdirSync(ldbcFixtures, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(ldbcFixtures, f)).isFile())
    .sort();
}

/** The rows of a fixture file (header left out), split on '|'. */
export function ldbcRows(file: string): string[][] {
  return readFileSync(join(ldbcFixtures, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('|'));
}

/** Deletes what imports of `dataset` wrote: its people, organisations, new places, jobs and records. */
export async function removeDataset(db: Db, dataset: string): Promise<void> {
  await db.writeTx(async (tx) => {
    const jobs = await tx.run<{ id: string }>(
      `MATCH (x:ExternalId {dataset: $dataset}) RETURN DISTINCT x.jobId AS id`,
      { dataset },
    );
    const ids = jobs.map((j) => j.id);
    // Through deleteNodes, so the people counts forget the people (schema/person/people-counts.ts).
    const made = await tx.run<{ id: string }>(
      `MATCH (x:ExternalId {dataset: $dataset})-[:IDENTIFIES]->(n)
       WHERE n:Person OR n:Organization OR (n:Place AND n.code IS NULL) RETURN n.id AS id`,
      { dataset },
    );
    await deleteNodes(
      tx,
      made.map((r) => r.id),
    );
    await tx.run('MATCH (x:ExternalId {dataset: $dataset}) DETACH DELETE x', { dataset });
    await tx.run('MATCH (c:Change) WHERE c.jobId IN $ids DELETE c', { ids });
    await tx.run('MATCH (r:ImportRejection) WHERE r.jobId IN $ids DELETE r', { ids });
    await tx.run('MATCH (s:Source) WHERE s.jobId IN $ids DETACH DELETE s', { ids });
    await tx.run('MATCH (j:Job) WHERE j.id IN $ids DELETE j', { ids });
  });
}
