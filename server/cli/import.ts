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
import { rebuildDerivedTies } from '../../schema/connections/derived-ties.ts';
import { type PresetName, presetNames } from '../../schema/import/columns.ts';
import { rejectionsCsv } from '../../schema/import/rejections-csv.ts';
import {
  derivedRefreshLimit,
  type ImportOptions,
  ImportRunner,
} from '../../schema/import/run-import.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { createDriver } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { Db } from '../db/run.ts';

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
    await migrate(db);
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
    let last = 0;
    const runner = new ImportRunner(db, path, options, (p) => {
      const now = performance.now();
      if (now - last < 1000 && p.done < p.total) return;
      last = now;
      const left = p.secondsLeft === null ? '' : `, ${Math.ceil(p.secondsLeft)} s left`;
      const of = p.total ? ` / ${p.total.toLocaleString('en')}` : '';
      console.error(
        `  ${p.phase} ${p.done.toLocaleString('en')}${of} rows, ${Math.round(p.ratePerSecond).toLocaleString('en')} rows/s${left}`,
      );
    });
    const started = performance.now();
    let summary: Awaited<ReturnType<ImportRunner['run']>>;
    try {
      summary = await runner.run(jobId);
    } catch (error) {
      console.error(
        `import failed: ${(error as Error).message}\ncommitted batches are kept; resume with: npm run import -- --resume ${jobId}`,
      );
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (summary.rejections.length) {
      const file = `${path}.rejected.csv`;
      await writeFile(file, rejectionsCsv(summary.rejections));
      console.error(`${summary.rejected} rejected rows (line and reason) written to ${file}`);
    }
    if (options.dryRun) {
      for (const row of summary.preview.slice(0, 50)) {
        const what = row.action === 'reject' ? row.reasons.join('; ') : row.links.join(', ');
        console.log(`  line ${row.line}\t${row.action}\t${row.name ?? ''}\t${what}`);
      }
    }
    if (
      !options.dryRun &&
      summary.status === 'done' &&
      options.refreshDerived === undefined &&
      summary.totalRows > derivedRefreshLimit
    ) {
      console.error('rebuilding colleague/classmate ties ...');
      await rebuildDerivedTies(driver, { database: target.database });
    }
    console.log(
      [
        `${options.dryRun ? 'dry run' : 'import'} ${summary.status}: ${summary.totalRows} rows, ${summary.rejected} rejected`,
        `  ${options.dryRun ? 'would create' : 'created'} ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`,
        `  new organisations ${summary.newOrganizations}, new fields ${summary.newFields}`,
        ...(summary.ignoredColumns.length
          ? [`  ignored columns: ${summary.ignoredColumns.join(', ')}`]
          : []),
        ...summary.problems.map((p) => `  problem: ${p}`),
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
