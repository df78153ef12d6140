/**
 * Dataset imports as background jobs (server/jobs/). Writing is idempotent on external ids, so a job
 * stopped by a restart is simply run again from the start.
 */
import { defineJob } from '../../server/jobs/job-kinds.ts';
import { type DatasetJobParams, runDataset } from './run-dataset.ts';

export const datasetJobKind = defineJob<DatasetJobParams, Awaited<ReturnType<typeof runDataset>>>({
  kind: 'dataset-import',
  onRestart: 'resume',
  run: runDataset,
});
