/**
 * `npm run import -- FILE --preset alumni|talent [--dry-run] [--accept-partial] [--dataset NAME]
 *  [--encoding utf8|gb18030] [--map "Header=field" ...] [--batch N] [--resume JOB]`
 *
 * Imports a roster (CSV or .xlsx) into the app's database: NEO4J_URI, or the local Neo4j below DATA_DIR
 * (attaching to the one the running server started). Progress goes to stderr; bad rows are written to
 * FILE.rejected.csv; the summary goes to stdout. Exit code 0 = imported (or previewed), 1 = nothing
 * imported (bad rows without --accept-partial, or a failure: the message says how to resume).
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type PresetName, presetNames } from '../../schema/import/columns.ts';
import { importJobKind } from '../../schema/import/import.job.ts';
import { rejectionsCsv } from '../../schema/import/rejections-csv.ts';
import { type ImportOptions, ImportRunner } from '../../schema/import/run-import.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { createDriver } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { Db } from '../db/run.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { createLogger } from '../logger.ts';

const USAGE = `usage: npm run import -- FILE --preset ${presetNames.join('|')} [--dry-run] [--accept-partial]
       [--dataset NAME] [--encoding utf8|gb18030] [--map "Header=field"]... [--batch N] [--resume JOB]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'accept-partial': { type: 'boolean', default: false },
      dataset: { type: 'string' },
      encoding: { type: 'string' },
      map: { type: 'string', multiple: true },
      batch: { type: 'string' },
      resume: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || (!values.resume && (positionals.length !== 1 || !values.preset))) {
    console.error(USAGE);
    return 2;
  }
  if (values.preset && !presetNames.includes(values.preset as PresetName)) {
    console.error(`unknown preset "${values.preset}"\n${USAGE}`);
    return 2;
  }
  if (values.encoding && !['utf8', 'gb18030', 'utf16le'].includes(values.encoding)) {
    console.error(`unknown encoding "${values.encoding}"\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const target = await openDatabase(config, { attach: true });
  const driver = createDriver(target.connection);
  const db = new Db(driver, { database: target.database, metadata: { app: 'import-cli' } });
  try {
    await migrate(db, undefined, (line) => console.error(line));
    let jobId: string;
    let path: string;
    let options: ImportOptions;
    if (values.resume) {
      const job = await ImportRunner.loadJob(db, values.resume);
      if (!job) {
        console.error(`no import job ${values.resume}`);
        return 1;
      }
      ({ path, options } = job);
      jobId = values.resume;
      console.error(`resuming job ${jobId} (${path}) after line ${job.lastLine}`);
    } else {
      path = resolve(positionals[0] as string);
      const mapping = Object.fromEntries(
        (values.map ?? []).map((m) => {
          const at = m.lastIndexOf('=');
          return [m.slice(0, at), m.slice(at + 1)];
        }),
      );
      options = {
        preset: values.preset as PresetName,
        dataset: values.dataset,
        dryRun: values['dry-run'],
        keepGoodRows: values['accept-partial'],
        mapping,
        encoding: values.encoding as ImportOptions['encoding'],
        batchSize: values.batch ? Number(values.batch) : undefined,
        actor: `cli:${process.env.USER ?? 'unknown'}`,
        fileName: basename(path),
      };
      jobId = await ImportRunner.createJob(db, path, options);
      console.error(`import job ${jobId}: ${path} into ${target.describe}`);
    }
    // The job runs through the job runner, as from the API: its state and progress are on its (:Job).
    const jobs = new JobRunner(
      db,
      createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
    );
    if (!values.resume || !(await jobs.resume(jobId))) {
      await jobs.start(importJobKind.kind, null, { actor: options.actor, id: jobId });
    }
    const started = performance.now();
    const ticker = setInterval(async () => {
      const job = await jobs.get(jobId).catch(() => null);
      if (job?.status !== 'running' || !job.done) return;
      const seconds = (performance.now() - started) / 1000;
      const rate = job.done / Math.max(seconds, 0.001);
      const of = job.total ? ` / ${job.total.toLocaleString('en')}` : '';
      console.error(
        `  ${job.phase ?? ''} ${job.done.toLocaleString('en')}${of} rows, ${Math.round(rate).toLocaleString('en')} rows/s`,
      );
    }, 1000);
    const stop = () => void jobs.shutdown();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const job = await jobs.wait(jobId);
    clearInterval(ticker);
    const summary = await ImportRunner.loadSummary(db, jobId);
    if (!job || !summary || job.status !== 'done') {
      console.error(
        `import ${job?.status ?? 'failed'}: ${job?.error ?? 'unknown error'}\ncommitted batches are kept; resume with: npm run import -- --resume ${jobId}`,
      );
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (summary.rejected) {
      const file = `${path}.rejected.csv`;
      await writeFile(file, rejectionsCsv(await ImportRunner.rejections(db, jobId, 100_000)));
      console.error(`${summary.rejected} rejected rows (line and reason) written to ${file}`);
    }
    if (options.dryRun) {
      for (const row of summary.preview.slice(0, 50)) {
        const what = row.action === 'reject' ? row.reasons.join('; ') : row.links.join(', ');
        console.log(`  line ${row.line}\t${row.action}\t${row.name ?? ''}\t${what}`);
      }
    }
    console.log(
      [
        `${options.dryRun ? 'dry run' : 'import'} ${summary.status}: ${summary.totalRows} rows, ${summary.rejected} rejected`,
        `  ${options.dryRun ? 'would create' : 'created'} ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`,
        `  new organisations ${summary.newOrganizations}, new fields ${summary.newFields}`,
        ...(summary.error ? [`  problem: ${summary.error}`] : []),
        `  ${seconds.toFixed(1)} s, ${Math.round(summary.totalRows / Math.max(seconds, 0.001))} rows/s (job ${jobId})`,
      ].join('\n'),
    );
    return summary.status === 'done' ? 0 : 1;
  } finally {
    await driver.close();
    await target.local?.stop();
  }
}

process.exitCode = await main();
