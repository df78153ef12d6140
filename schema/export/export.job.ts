/**
 * Graph exports as background jobs (server/jobs/). An export is quick to start again and its
 * half-written folder is not worth keeping, so one interrupted by a restart is marked failed.
 */
import { loadConfig } from '../../server/config.ts';
import { defineJob } from '../../server/jobs/job-kinds.ts';
import { type ExportRequest, runExportJob } from './export-job.ts';

export const exportJobKind = defineJob<ExportRequest, null>({
  kind: 'export',
  onRestart: 'fail',
  async run(job) {
    await runExportJob(job.db, loadConfig().dataDir, job.id, job.params, job.signal);
    return null;
  },
  async onFailed(db, id, message) {
    await db.writeTx((tx) =>
      tx.run(
        `MATCH (j:ExportJob {id: $id}) WHERE j.status = 'running'
         SET j.status = 'failed', j.error = $message, j.finishedAt = datetime()`,
        { id, message },
      ),
    );
  },
});
