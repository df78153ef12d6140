/**
 * The dataset wizard in the API: the committed mappings (seed/datasets/*.mapping.json) with the files
 * each one reads, and `startDatasetImport`, which takes the files as uploads (plus a mapping of the
 * user's own, if not a committed one), keeps them under DATA_DIR/datasets/<id>/ at the paths the
 * mapping names, and runs the same dataset-import job as `npm run import:dataset`.
 */

import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { JobRef } from '../jobs/jobs.graphql.ts';
import { mutationErrors, ValidationError } from '../shared/errors.ts';
import { codeOf } from '../shared/validate.ts';
import { datasetJobKind } from './dataset.job.ts';
import { type DatasetMapping, datasetMapping } from './mapping.ts';
import { fileName, mappingFiles } from './mapping-files.ts';
import { loadMapping } from './run-dataset.ts';

const committedDir = resolve('seed/datasets');
const maxUploadBytes = 512 * 1024 * 1024;

interface CommittedMapping {
  name: string;
  dataset: string;
  description: string | null;
  files: string[];
}

async function committedMappings(): Promise<CommittedMapping[]> {
  const names = (await readdir(committedDir)).filter((f) => f.endsWith('.mapping.json')).sort();
  return Promise.all(
    names.map(async (file) => {
      const mapping = await loadMapping(join(committedDir, file));
      return {
        name: file.replace(/\.mapping\.json$/, ''),
        dataset: mapping.dataset,
        description: mapping.description ?? null,
        files: mappingFiles(mapping),
      };
    }),
  );
}

const DatasetMappingRef = builder.objectRef<CommittedMapping>('DatasetMapping').implement({
  description: 'A committed dataset mapping: which files it reads and how.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What startDatasetImport(mapping:) takes.' }),
    dataset: t.exposeString('dataset'),
    description: t.exposeString('description', { nullable: true }),
    files: t.exposeStringList('files', {
      description: 'The files it reads, as paths; uploads are matched to them by file name.',
    }),
  }),
});

builder.queryField('datasetMappings', (t) =>
  t.field({
    type: [DatasetMappingRef],
    authScopes: { editor: true },
    description: 'The dataset mappings shipped with the app (seed/datasets/).',
    resolve: () => committedMappings(),
  }),
);

/** The mapping named, or the one uploaded: exactly one of them. */
async function chosenMapping(
  name: string | null | undefined,
  file: File | null | undefined,
): Promise<DatasetMapping> {
  if (Boolean(name) === Boolean(file)) {
    throw new ValidationError([
      {
        path: ['mapping'],
        code: 'mapping_both',
        message: 'give a committed mapping or upload one (not both)',
      },
    ]);
  }
  if (name) {
    const known = (await committedMappings()).map((m) => m.name);
    if (!known.includes(name)) {
      throw new ValidationError([
        {
          path: ['mapping'],
          code: 'unknown_mapping',
          params: { names: known.join(', ') },
          message: `unknown mapping; one of: ${known.join(', ')}`,
        },
      ]);
    }
    return loadMapping(join(committedDir, `${name}.mapping.json`));
  }
  let json: unknown;
  try {
    json = JSON.parse(await (file as File).text());
  } catch {
    throw new ValidationError([
      { path: ['mappingFile'], code: 'not_json', message: 'is not JSON' },
    ]);
  }
  const parsed = datasetMapping.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        path: ['mappingFile', ...i.path.map(String)],
        message: i.message,
        ...codeOf(i),
      })),
    );
  }
  return parsed.data;
}

builder.mutationField('startDatasetImport', (t) =>
  t.field({
    type: JobRef,
    description:
      'Uploads the files of a dataset and imports them as one background job (as `npm run import:dataset`). Files are matched to the mapping by name; files it does not read are ignored. Poll job(id) for progress; its result is the per-file summary with bad rows by file and line.',
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    args: {
      mapping: t.arg.string({ required: false, description: 'A committed mapping by name.' }),
      mappingFile: t.arg({ type: 'File', required: false, description: 'A mapping (JSON).' }),
      files: t.arg({ type: ['File'], required: true }),
      dryRun: t.arg.boolean({ required: false }),
      keepGoodRows: t.arg.boolean({ required: false }),
      scanDuplicates: t.arg.boolean({
        required: false,
        description: 'Score new people for the duplicate review queue (default true).',
      }),
      wait: t.arg.boolean({ required: false, description: 'Return only when the job has ended.' }),
    },
    resolve: async (_root, args, ctx) => {
      const mapping = await chosenMapping(args.mapping, args.mappingFile);
      const wanted = mappingFiles(mapping);
      const byName = new Map<string, string[]>();
      for (const path of wanted)
        byName.set(fileName(path), [...(byName.get(fileName(path)) ?? []), path]);
      const clashes = [...byName].filter(([, paths]) => paths.length > 1).map(([name]) => name);
      if (clashes.length) {
        throw new ValidationError([
          {
            path: ['mapping'],
            code: 'mapping_clash',
            params: { names: clashes.join(', ') },
            message: `reads several files named ${clashes.join(', ')}`,
          },
        ]);
      }
      const uploads = new Map(args.files.map((f) => [f.name, f]));
      const missing = [...byName.keys()].filter((name) => !uploads.has(name));
      if (missing.length) {
        throw new ValidationError([
          {
            path: ['files'],
            code: 'files_missing',
            params: { names: missing.join(', ') },
            message: `missing: ${missing.join(', ')}`,
          },
        ]);
      }
      const used = [...byName].map(([name, [path]]) => ({
        path: path as string,
        file: uploads.get(name) as File,
      }));
      const size = used.reduce((n, u) => n + u.file.size, 0);
      if (size > maxUploadBytes) {
        throw new ValidationError([
          {
            path: ['files'],
            code: 'file_too_big',
            params: { max: '512 MB' },
            message: 'must be at most 512 MB together',
          },
        ]);
      }
      // Kept after the job: a job resumed after a restart reads them again.
      const dir = join(loadConfig().dataDir, 'datasets', ulid());
      for (const { path, file } of used) {
        const target = resolve(dir, path);
        if (!target.startsWith(`${dir}/`)) {
          throw new ValidationError([
            {
              path: ['mapping'],
              code: 'path_outside',
              params: { path },
              message: `path outside the dataset: ${path}`,
            },
          ]);
        }
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
      }
      const mappingPath = join(dir, 'mapping.json');
      await writeFile(mappingPath, JSON.stringify(mapping, null, 2), { mode: 0o600 });
      const id = await ctx.jobs.start(
        datasetJobKind.kind,
        {
          mappingPath,
          dir,
          dryRun: args.dryRun ?? false,
          keepGoodRows: args.keepGoodRows ?? false,
        },
        { actor: ctx.actor },
      );
      if (args.wait) await ctx.jobs.wait(id);
      const job = await ctx.jobs.get(id);
      if (!job) throw new Error(`dataset import job ${id} could not be read back`);
      return job;
    },
  }),
);
