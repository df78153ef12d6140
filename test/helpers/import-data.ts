import type { Db } from '../../server/db/run.ts';
import { removeTestData } from './test-data.ts';

/** Removes what imports under test `prefix` made: people, organisations, fields, sources, jobs, ties. */
export async function removeImportData(db: Db, prefix: string): Promise<void> {
  await db.writeTx(async (tx) => {
    const jobs = await tx.run<{ id: string }>(
      'MATCH (j:ImportJob) WHERE j.dataset STARTS WITH $prefix RETURN j.id AS id',
      { prefix },
    );
    const ids = jobs.map((j) => j.id);
    await tx.run('MATCH (r:ImportRejection) WHERE r.jobId IN $ids DELETE r', { ids });
    await tx.run(
      'MATCH (s:Source) WHERE s.jobId IN $ids OR s.dataset STARTS WITH $prefix DETACH DELETE s',
      { ids, prefix },
    );
    await tx.run('MATCH (c:Change) WHERE c.jobId IN $ids DELETE c', { ids });
    await tx.run('MATCH (j:ImportJob) WHERE j.id IN $ids DELETE j', { ids });
    await tx.run('MATCH (j:Job) WHERE j.id IN $ids DELETE j', { ids });
  });
  await removeTestData(db, prefix);
}
