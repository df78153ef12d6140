/**
 * `npm run export -- --format jsonl|csv --out DIR [--prefix P] [--contacts]`
 * `npm run export -- --import DIR [--contacts]`
 *
 * Exports everything the app keeps (a full backup: the graph, outreach records, accounts without
 * password hashes, history and audit), or with --prefix the nodes whose name starts with it and the
 * ties among them, from the app's database (NEO4J_URI, or the local Neo4j the running server started)
 * as one file per label and tie type; or imports such a folder back (derived ties are then rebuilt). Contact
 * details only with --contacts: this command has the database's own credentials, i.e. it is an
 * administrator's tool. The summary goes to stdout.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuildDerivedTies } from '../../schema/connections/derived-ties.ts';
import { exportGraph, importGraph } from '../../schema/export/export-graph.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { createDriver } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { Db } from '../db/run.ts';

const USAGE = `usage: npm run export -- --format jsonl|csv --out DIR [--prefix P] [--contacts]
       npm run export -- --import DIR [--contacts]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string', default: 'jsonl' },
      out: { type: 'string' },
      import: { type: 'string' },
      prefix: { type: 'string' },
      contacts: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const format = values.format;
  if (values.help || (!values.out && !values.import) || (format !== 'jsonl' && format !== 'csv')) {
    console.error(USAGE);
    return 2;
  }
  const target = await openDatabase(loadConfig(), { attach: true });
  const driver = createDriver(target.connection);
  const db = new Db(driver, { database: target.database, metadata: { app: 'export-cli' } });
  try {
    const started = performance.now();
    if (values.import) {
      await migrate(db, undefined, (line) => console.error(line)); // an empty database gets its constraints and indexes first
      const result = await importGraph(db, resolve(values.import), { contacts: values.contacts });
      await rebuildDerivedTies(driver, { database: target.database });
      console.log(
        `imported ${result.nodes} nodes and ${result.ties} ties into ${target.describe} in ${Math.round(performance.now() - started)} ms`,
      );
    } else {
      // Without a prefix, a full backup: every record the app keeps but secrets (see backupLabels).
      const manifest = await exportGraph(db, {
        format,
        out: resolve(values.out as string),
        prefix: values.prefix ?? null,
        contacts: values.contacts,
        backup: !values.prefix,
      });
      for (const f of manifest.files) console.log(`${f.file}\t${f.count}`);
      console.log(
        `exported from ${target.describe} in ${Math.round(performance.now() - started)} ms`,
      );
    }
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await driver.close();
    await target.local?.stop();
  }
}

process.exitCode = await main();
