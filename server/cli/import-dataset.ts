/**
 * `npm run import:dataset -- MAPPING.json [--dir DIR] [--dry-run] [--accept-partial] [--batch N]
 *  [--no-duplicate-scan]`
 *
 * Imports a dataset (several node and edge files, read by a mapping: schema/dataset/mapping.ts) into
 * the app's database (NEO4J_URI, or the local Neo4j below DATA_DIR, attaching to the running
 * server's). Runs as a background job (server/jobs/) in this process. Bad rows go to stderr with file
 * and line; the per-file summary goes to stdout. Exit code 0 = imported (or checked), 1 = not.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { datasetJobKind } from '../../schema/dataset/dataset.job.ts';
import { type DatasetSummary, loadMapping } from '../../schema/dataset/run-dataset.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { createDriver } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { Db } from '../db/run.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { createLogger } from '../logger.ts';

const USAGE =
  'usage: npm run import:dataset -- MAPPING.json [--dir DIR] [--dry-run] [--accept-partial] [--batch N] [--no-duplicate-scan]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'accept-partial': { type: 'boolean', default: false },
      'no-duplicate-scan': { type: 'boolean', default: false },
      batch: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const mappingPath = resolve(positionals[0] as string);
  try {
    await loadMapping(mappingPath);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const config = loadConfig();
  const target = await openDatabase(config, { attach: true });
  const driver = createDriver(target.connection);
  const db = new Db(driver, { database: target.database, metadata: { app: 'import-cli' } });
  try {
    await migrate(db);
    const jobs = new JobRunner(
      db,
      createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
    );
    const id = await jobs.start(
      datasetJobKind.kind,
      {
        mappingPath,
        dir: values.dir ? resolve(values.dir) : undefined,
        dryRun: values['dry-run'],
        keepGoodRows: values['accept-partial'],
        scanDuplicates: !values['no-duplicate-scan'],
        batchSize: values.batch ? Number(values.batch) : undefined,
      },
      { actor: `cli:${process.env.USER ?? 'unknown'}` },
    );
    console.error(`dataset import job ${id} into ${target.describe}`);
    const stop = () => void jobs.shutdown();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const job = await jobs.wait(id);
    if (job?.status !== 'done') {
      console.error(`dataset import ${job?.status ?? 'failed'}: ${job?.error ?? 'unknown error'}`);
      return 1;
    }
    const summary = JSON.parse(job.result ?? 'null') as DatasetSummary;
    for (const r of summary.rejections) {
      console.error(`  ${r.file}:${r.line}  ${r.reason}`);
    }
    for (const f of summary.files) {
      console.log(
        `${f.path} (${f.what}): ${f.rows} rows, ${f.skipped} skipped, ${f.rejected} rejected, ` +
          `${f.created} created, ${f.matched} matched, ${f.updated} updated, ${f.unchanged} unchanged` +
          f.warnings.map((w) => `\n  warning: ${w}`).join(''),
      );
    }
    console.log(
      `dataset ${summary.dataset}: ${summary.status}, ${summary.rejected} bad rows (job ${id})`,
    );
    return summary.status === 'rejected' ? 1 : 0;
  } finally {
    await driver.close();
    await target.local?.stop();
  }
}

process.exitCode = await main();
