import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { builder, rolesWith } from '../builder.ts';
import { JobRef } from '../jobs/jobs.graphql.ts';
import { segmentMembersPart } from '../outreach/segments.cypher.ts';
import { loadSegment } from '../outreach/segments.graphql.ts';
import { PersonFilterInput, readPersonFilter } from '../person/people.graphql.ts';
import { buildPersonFilter } from '../person/person-filter.ts';
import { mutationErrors, ValidationError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { exportJobKind } from './export.job.ts';
import { type ExportLabel, exportLabels } from './export-graph.ts';
import {
  createExportJob,
  type ExportJob,
  type ExportRequest,
  loadExportJob,
  mayReadExport,
} from './export-job.ts';

const GraphExportFormatEnum = builder.enumType('GraphExportFormat', {
  description:
    'JSONL: one JSON Lines file per label and tie type; CSV: one CSV file per label and tie type. Both zipped with manifest.json.',
  values: ['JSONL', 'CSV'] as const,
});
const ExportLabelEnum = builder.enumType('ExportLabel', { values: exportLabels });

const ExportJobRef = builder.objectRef<ExportJob>('ExportJob').implement({
  description: 'A graph export started from the API, and where to download it when done.',
  fields: (t) => ({
    id: t.id({ resolve: (j) => encodeGlobalId('ExportJob', j.id) }),
    status: t.exposeString('status', {
      description:
        'running, done or failed; expired or erased once its file was deleted (EXPORT_TTL after it was made, or when a person in it was erased).',
    }),
    format: t.string({ resolve: (j) => j.format.toUpperCase() }),
    labels: t.stringList({ nullable: true, resolve: (j) => j.labels }),
    prefix: t.exposeString('prefix', { nullable: true }),
    people: t.exposeString('people', {
      nullable: true,
      description: 'What chose the people: filter, segment, or null for all.',
    }),
    contacts: t.exposeBoolean('contacts'),
    createdAt: t.exposeString('createdAt'),
    finishedAt: t.exposeString('finishedAt', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    job: t.field({
      type: JobRef,
      nullable: true,
      description: 'The background job behind it: run state and progress (as `job(id)`).',
      resolve: (j, _args, ctx) => ctx.jobs.get(j.id),
    }),
    bytes: t.int({ nullable: true, resolve: (j) => (j.bytes == null ? null : Number(j.bytes)) }),
    counts: t.string({
      nullable: true,
      description: 'Rows per label and tie type, as JSON.',
      resolve: (j) => j.counts,
    }),
    downloadUrl: t.string({
      nullable: true,
      description:
        'GET it with the same credentials (bearer token, or session cookie and the CSRF header): a zip.',
      resolve: (j) => (j.status === 'done' ? `/exports/${j.id}` : null),
    }),
  }),
});

async function visibleJob(ctx: Context, globalId: string): Promise<ExportJob | null> {
  const { id } = idOf(globalId, ['ExportJob'], ['id']);
  const job = await loadExportJob(ctx.db, id);
  return job && mayReadExport(ctx.role, ctx.actor, job) ? job : null;
}

builder.queryField('exportJob', (t) =>
  t.field({
    type: ExportJobRef,
    nullable: true,
    description: 'An export job you started (admins: any): status, counts and download link.',
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => visibleJob(ctx, args.id),
  }),
);

const startInput = z.object({
  prefix: text(100).nullish(),
  labels: z.array(z.enum(exportLabels)).min(1).max(exportLabels.length).nullish(),
});

builder.mutationField('startExport', (t) =>
  t.field({
    type: ExportJobRef,
    description:
      'Starts an export of the graph (or of some labels, names with a prefix, people chosen by a filter or a segment) as a zip of JSON Lines or CSV files per label and tie type, with sources. Contact details only with `contacts` and a role allowed personal data; each person whose details are exported is logged. Poll exportJob, then download its downloadUrl.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      format: t.arg({ type: GraphExportFormatEnum, required: true }),
      labels: t.arg({ type: [ExportLabelEnum], required: false }),
      prefix: t.arg.string({
        required: false,
        description: 'Only nodes whose name starts with this.',
      }),
      people: t.arg({ type: PersonFilterInput, required: false }),
      segment: t.arg.id({ required: false }),
      contacts: t.arg.boolean({ required: false }),
      wait: t.arg.boolean({ required: false, description: 'Return only when the job has ended.' }),
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(startInput, { prefix: args.prefix, labels: args.labels }, []);
      if (args.people && args.segment) {
        throw new ValidationError([
          {
            path: ['segment'],
            code: 'filter_or_segment',
            message: 'give a people filter or a segment, not both',
          },
        ]);
      }
      const contacts = args.contacts ?? false;
      if (contacts && !(rolesWith.personalData as readonly string[]).includes(ctx.role)) {
        throw new ValidationError([
          {
            path: ['contacts'],
            code: 'role_no_contacts',
            params: { role: enumParam('Role', ctx.role) },
            message: `the ${ctx.role} role may not export contact details`,
          },
        ]);
      }
      let people: ExportRequest['people'] = null;
      if (args.people) {
        people = {
          kind: 'filter',
          part: buildPersonFilter(await readPersonFilter(ctx, args.people)),
        };
      } else if (args.segment) {
        people = {
          kind: 'segment',
          part: segmentMembersPart(await loadSegment(ctx, args.segment, ['segment'])),
        };
      }
      const request: ExportRequest = {
        format: args.format === 'CSV' ? 'csv' : 'jsonl',
        labels: (input.labels as ExportLabel[] | null | undefined) ?? null,
        prefix: input.prefix ?? null,
        people,
        contacts,
        actor: ctx.actor,
        role: ctx.role,
        requestId: ctx.requestId,
        scopePlaceId: ctx.role === 'admin' ? null : (ctx.account?.team?.scopePlaceId ?? null),
      };
      const jobId = await createExportJob(ctx.db, request);
      await ctx.jobs.start(exportJobKind.kind, request, { actor: ctx.actor, id: jobId });
      if (args.wait) await ctx.jobs.wait(jobId);
      const job = await loadExportJob(ctx.db, jobId);
      if (!job) throw new Error(`export job ${jobId} could not be read back`);
      return job;
    },
  }),
);
