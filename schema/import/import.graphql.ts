import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../server/config.ts';
import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { JobRef } from '../jobs/jobs.graphql.ts';
import { readFirst } from '../shared/connection.ts';
import { ErrorParamRef, paramList } from '../shared/errors.graphql.ts';
import { mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { type FileProblem, isImportField, presetNames } from './columns.ts';
import { importJobKind } from './import.job.ts';
import type { Rejection } from './parse-row.ts';
import { rejectionsCsv } from './rejections-csv.ts';
import {
  type ImportOptions,
  ImportRunner,
  type PreviewRow,
  type PreviewTie,
} from './run-import.ts';

builder.scalarType('File', {
  description: 'A file sent as a multipart upload (GraphQL multipart request spec).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});

interface ImportJob {
  id: string;
  status: string;
  fileName: string;
  preset: string;
  dataset: string;
  dryRun: boolean;
  keepGoodRows: boolean;
  totalRows: number;
  doneRows: number;
  validRows: number | null;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  newOrganizations: number | null;
  newFields: number | null;
  lastLine: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  preview: string | null;
  /** File problems that stopped the job, as JSON (FileProblem[]). */
  problems: string | null;
}

type RejectedRow = Rejection;

const ImportPresetEnum = builder.enumType('ImportPreset', { values: presetNames });

async function loadJob(ctx: Context, id: string): Promise<ImportJob | null> {
  const rows = await ctx.db.read<{ j: ImportJob }>(
    'MATCH (j:ImportJob {id: $id}) RETURN j {.*, path: null, startedAt: toString(j.startedAt)} AS j',
    { id },
  );
  return rows[0]?.j ?? null;
}

function rejectedRows(ctx: Context, jobId: string, limit: number): Promise<RejectedRow[]> {
  return ImportRunner.rejections(ctx.db, jobId, limit);
}

const RejectedRowRef = builder.objectRef<RejectedRow>('ImportRejectedRow').implement({
  description: 'A row that was not imported: its line in the file and why.',
  fields: (t) => ({
    line: t.exposeInt('line'),
    column: t.exposeString('column', { nullable: true }),
    reason: t.exposeString('reason', { description: 'Why, in English.' }),
    code: t.string({
      description: 'Why, as a code (`unknown_place`, `not_year` …) to say with `params`.',
      resolve: (r) => r.code,
    }),
    params: t.field({ type: [ErrorParamRef], resolve: (r) => paramList(r.params) }),
    name: t.exposeString('name', { nullable: true }),
  }),
});

const FileProblemRef = builder.objectRef<FileProblem>('ImportFileProblem').implement({
  description: 'A problem with the whole file that stopped the job (a missing column …).',
  fields: (t) => ({
    reason: t.exposeString('reason', { description: 'In English.' }),
    code: t.string({ resolve: (p) => p.code }),
    params: t.field({ type: [ErrorParamRef], resolve: (p) => paramList(p.params) }),
  }),
});

const PreviewTieRef = builder.objectRef<PreviewTie>('ImportPreviewTie').implement({
  description: 'A tie a previewed row would make.',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description: 'WORKED_AT, STUDIED_AT, BORN_IN, LIVES_IN or EXPERT_IN',
    }),
    name: t.exposeString('name', { description: 'The other end, as the row names it.' }),
    isNew: t.exposeBoolean('isNew', { description: 'The import creates the other end.' }),
    under: t.exposeString('under', {
      nullable: true,
      description: 'Where a new place goes (its parent).',
    }),
  }),
});

const PreviewRowRef = builder.objectRef<PreviewRow>('ImportPreviewRow').implement({
  description: 'What a dry run would do with one row.',
  fields: (t) => ({
    line: t.exposeInt('line'),
    name: t.exposeString('name', { nullable: true }),
    action: t.exposeString('action', { description: 'create, update, unchanged or reject' }),
    links: t.exposeStringList('links', { description: 'The ties, in English.' }),
    ties: t.field({ type: [PreviewTieRef], resolve: (r) => r.ties ?? [] }),
    reasons: t.exposeStringList('reasons', { description: 'Why it is rejected, in English.' }),
    problems: t.field({
      type: [RejectedRowRef],
      description: 'Why it is rejected, as codes.',
      resolve: (r) => (r.problems ?? []).map((p) => ({ ...p, line: r.line, name: r.name })),
    }),
  }),
});

const ImportJobRef = builder.objectRef<ImportJob>('ImportJob').implement({
  description: 'A roster import (or dry run) and how far it got.',
  fields: (t) => ({
    id: t.id({ resolve: (j) => encodeGlobalId('ImportJob', j.id) }),
    status: t.exposeString('status', {
      description: 'checking, writing, done, rejected (bad rows, nothing imported) or failed',
    }),
    fileName: t.exposeString('fileName'),
    preset: t.exposeString('preset'),
    dataset: t.exposeString('dataset'),
    dryRun: t.exposeBoolean('dryRun'),
    keepGoodRows: t.exposeBoolean('keepGoodRows'),
    totalRows: t.int({ resolve: (j) => Number(j.totalRows ?? 0) }),
    doneRows: t.int({ resolve: (j) => Number(j.doneRows ?? 0) }),
    rejected: t.int({ resolve: (j) => Number(j.rejected ?? 0) }),
    created: t.int({ resolve: (j) => Number(j.created ?? 0) }),
    updated: t.int({ resolve: (j) => Number(j.updated ?? 0) }),
    unchanged: t.int({ resolve: (j) => Number(j.unchanged ?? 0) }),
    newOrganizations: t.int({ resolve: (j) => Number(j.newOrganizations ?? 0) }),
    newFields: t.int({ resolve: (j) => Number(j.newFields ?? 0) }),
    lastLine: t.int({
      description: 'The last line written; a resumed job continues after it.',
      resolve: (j) => Number(j.lastLine ?? 0),
    }),
    ratePerSecond: t.float({
      nullable: true,
      resolve: (j) => {
        if (!j.startedAt) return null;
        const end = j.finishedAt ? Date.parse(j.finishedAt) : Date.now();
        const seconds = (end - Date.parse(j.startedAt)) / 1000;
        return seconds > 0 ? Number(j.doneRows ?? 0) / seconds : null;
      },
    }),
    error: t.exposeString('error', { nullable: true }),
    problems: t.field({
      type: [FileProblemRef],
      description: 'Why the whole file was refused, as codes (`error` says the same in English).',
      resolve: (j) => (j.problems ? (JSON.parse(j.problems) as FileProblem[]) : []),
    }),
    job: t.field({
      type: JobRef,
      nullable: true,
      description: 'The background job behind it: run state and progress (as `job(id)`).',
      resolve: (j, _args, ctx) => ctx.jobs.get(j.id),
    }),
    preview: t.field({
      type: [PreviewRowRef],
      description: 'Dry runs: what each row (first 500) would do.',
      resolve: (j) => (j.preview ? (JSON.parse(j.preview) as PreviewRow[]) : []),
    }),
    rejectedRows: t.field({
      type: [RejectedRowRef],
      args: { first: t.arg.int({ required: false, defaultValue: 100 }) },
      resolve: (j, args, ctx) =>
        rejectedRows(ctx, j.id, readFirst(args.first, { fallback: 100, max: 10_000 })),
    }),
    rejectedCsv: t.string({
      description:
        'Every rejected row as CSV (line, column, name, reason), to download, in the request’s language (Accept-Language).',
      resolve: async (j, _args, ctx) =>
        rejectionsCsv(await rejectedRows(ctx, j.id, 100_000), ctx.lang),
    }),
  }),
});

builder.queryField('importJob', (t) =>
  t.field({
    type: ImportJobRef,
    nullable: true,
    description: 'An import job by id: status, progress, preview and rejected rows.',
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadJob(ctx, idOf(args.id, ['ImportJob'], ['id']).id),
  }),
);

const MappingInput = builder.inputType('ImportColumnMapping', {
  fields: (t) => ({
    column: t.string({ required: true, description: 'Header text or 1-based column number' }),
    field: t.string({ required: true, description: 'An import field, or "" to ignore the column' }),
  }),
});

const startInput = z.object({
  dataset: text(100).nullish(),
  mapping: z
    .array(
      z.object({
        column: text(200),
        field: z.string().refine((f) => f === '' || isImportField(f), { message: 'unknown field' }),
      }),
    )
    .max(100)
    .nullish(),
  batchSize: z.number().int().min(100).max(50_000).nullish(),
});

const maxUploadBytes = 512 * 1024 * 1024;

builder.mutationField('startImport', (t) =>
  t.field({
    type: ImportJobRef,
    description:
      'Uploads a roster (CSV or .xlsx) and starts an import job in the background (or a dry run: a per-row preview). Poll importJob for progress.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      file: t.arg({ type: 'File', required: true }),
      preset: t.arg({ type: ImportPresetEnum, required: true }),
      dryRun: t.arg.boolean({ required: false }),
      keepGoodRows: t.arg.boolean({ required: false }),
      dataset: t.arg.string({ required: false }),
      mapping: t.arg({ type: [MappingInput], required: false }),
      batchSize: t.arg.int({
        required: false,
        description: 'Rows per write transaction (100 to 50,000; default 5,000).',
      }),
      wait: t.arg.boolean({ required: false, description: 'Return only when the job has ended.' }),
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        startInput,
        { dataset: args.dataset, mapping: args.mapping, batchSize: args.batchSize },
        [],
      );
      if (args.file.size > maxUploadBytes) {
        throw new ValidationError([
          {
            path: ['file'],
            code: 'file_too_big',
            params: { max: '512 MB' },
            message: 'must be at most 512 MB',
          },
        ]);
      }
      const ext = extname(args.file.name).toLowerCase();
      if (!['.csv', '.xlsx', '.txt'].includes(ext)) {
        throw new ValidationError([
          { path: ['file'], code: 'file_type', message: 'must be a .csv or .xlsx file' },
        ]);
      }
      const dir = join(loadConfig().dataDir, 'imports');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Kept after the job (a resumed job reads it again), owner-only, until EXPORT_TTL sweeps it.
      const path = join(dir, `${ulid()}${ext}`);
      await writeFile(path, new Uint8Array(await args.file.arrayBuffer()), { mode: 0o600 });
      const options: ImportOptions = {
        preset: args.preset,
        dataset: input.dataset ?? undefined,
        dryRun: args.dryRun ?? false,
        keepGoodRows: args.keepGoodRows ?? false,
        mapping: Object.fromEntries((input.mapping ?? []).map((m) => [m.column, m.field])),
        batchSize: input.batchSize ?? undefined,
        actor: ctx.actor,
        fileName: args.file.name,
      };
      const jobId = await ImportRunner.createJob(ctx.db, path, options);
      await ctx.jobs.start(importJobKind.kind, null, { actor: ctx.actor, id: jobId });
      if (args.wait) await ctx.jobs.wait(jobId);
      const job = await loadJob(ctx, jobId);
      if (!job) throw new Error(`import job ${jobId} could not be read back`);
      return job;
    },
  }),
);

builder.mutationField('resumeImport', (t) =>
  t.field({
    type: ImportJobRef,
    description: 'Continues a failed or interrupted job after its last written line.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }), wait: t.arg.boolean({ required: false }) },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.id, ['ImportJob'], ['id']);
      const job = await ImportRunner.loadJob(ctx.db, id);
      if (!job) throw new NotFoundError('ImportJob', args.id, ['id']);
      if (job.status === 'done' || job.status === 'rejected') {
        throw new ValidationError([
          {
            path: ['id'],
            code: 'job_ended',
            params: { status: job.status },
            message: `the job is ${job.status}`,
          },
        ]);
      }
      // Jobs from before the job runner (or a CLI run) have no (:Job) yet.
      if (!(await ctx.jobs.resume(id))) {
        await ctx.jobs.start(importJobKind.kind, null, { actor: ctx.actor, id });
      }
      if (args.wait) await ctx.jobs.wait(id);
      return (await loadJob(ctx, id)) as ImportJob;
    },
  }),
);
