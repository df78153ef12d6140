/**
 * Roster imports as background jobs (server/jobs/): the (:ImportJob) keeps what was asked and the
 * import's own counters; the (:Job) of the same id keeps run state and progress. A job interrupted by
 * a shutdown or a crash resumes after its last written line.
 */
import { defineJob } from '../../server/jobs/job-kinds.ts';
import { ImportRunner } from './run-import.ts';

export const importJobKind = defineJob({
  kind: 'import',
  onRestart: 'resume',
  async run(job) {
    const loaded = await ImportRunner.loadJob(job.db, job.id);
    if (!loaded) throw new Error(`import job ${job.id} has no ImportJob record`);
    const runner = new ImportRunner(
      job.db,
      loaded.path,
      loaded.options,
      (p) => job.progress({ phase: p.phase, done: p.done, total: p.total || null }),
      job.signal,
    );
    const summary = await runner.run(job.id);
    job.progress({ phase: summary.status, done: summary.totalRows, total: summary.totalRows });
    const { status, totalRows, rejected, created, updated, unchanged } = summary;
    return { status, totalRows, rejected, created, updated, unchanged };
  },
  async onFailed(db, id, message) {
    await db.writeTx((tx) =>
      tx.run(
        `MATCH (j:ImportJob {id: $id}) WHERE NOT j.status IN ['done', 'rejected']
         SET j.status = 'failed', j.error = $message, j.finishedAt = toString(datetime())`,
        { id, message },
      ),
    );
  },
});
