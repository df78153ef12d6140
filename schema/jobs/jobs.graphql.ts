/**
 * One place to read how a background job is doing (server/jobs/): `job(id)` takes the id of any job
 * (an ImportJob's or ExportJob's id, or a Job's) and returns its run state and progress. The domain
 * types add their own details (an import's rejected rows, an export's download).
 */
import type { JobRecord } from '../../server/jobs/job-runner.ts';
import { builder } from '../builder.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';

export const JobRef = builder.objectRef<JobRecord>('Job').implement({
  description: 'A background job (import, export, rebuild, scan): its state and progress.',
  fields: (t) => ({
    id: t.id({ resolve: (j) => encodeGlobalId('Job', j.id) }),
    kind: t.exposeString('kind', { description: 'import, export, derived-ties ...' }),
    status: t.exposeString('status', {
      description:
        'queued, running, done, failed, or interrupted (stopped by a shutdown; resumed at the next start)',
    }),
    phase: t.exposeString('phase', { nullable: true, description: 'What it is doing now.' }),
    done: t.int({ resolve: (j) => Number(j.done ?? 0) }),
    total: t.int({ nullable: true, resolve: (j) => (j.total == null ? null : Number(j.total)) }),
    percent: t.float({
      nullable: true,
      description: '0 to 100; 100 once done.',
      resolve: (j) =>
        j.status === 'done'
          ? 100
          : j.total
            ? Math.min(100, (100 * Number(j.done ?? 0)) / Number(j.total))
            : null,
    }),
    error: t.exposeString('error', { nullable: true }),
    attempts: t.int({ resolve: (j) => Number(j.attempts ?? 0) }),
    createdAt: t.exposeString('createdAt'),
    startedAt: t.exposeString('startedAt', { nullable: true }),
    finishedAt: t.exposeString('finishedAt', { nullable: true }),
    result: t.exposeString('result', { nullable: true, description: 'What it returned, as JSON.' }),
  }),
});

const jobTypes = ['Job', 'ImportJob', 'ExportJob', 'DatasetImport'] as const;

builder.queryField('job', (t) =>
  t.field({
    type: JobRef,
    nullable: true,
    description:
      'A background job you started (admins: any) by its id or the id of its import or export.',
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const job = await ctx.jobs.get(idOf(args.id, jobTypes, ['id']).id);
      return job && (ctx.role === 'admin' || job.actor === ctx.actor) ? job : null;
    },
  }),
);
