/**
 * `npm run backup [-- --to DIR]`: dumps the local Neo4j's database (below DATA_DIR) to
 * DIR/talentgraph-<date and time>.dump (default DIR: ./backups).
 * `npm run restore -- FILE`: loads such a dump in place of the local database.
 *
 * Both need the store stopped (Neo4j Community cannot dump a running database consistently): they
 * refuse, naming the process, while the server or a CLI runs on DATA_DIR. With NEO4J_URI they print the
 * equivalent for the database host instead (README, "Backup and restore").
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { runNeo4jAdmin } from '../neo4j/admin-tool.ts';
import { findRunningLocalNeo4j } from '../neo4j/local-neo4j.ts';

const USAGE = `usage: npm run backup [-- --to DIR]
       npm run restore -- FILE.dump`;

const externalHowTo = `With NEO4J_URI the database is not this app's: back it up on its host.
  Community:   neo4j stop && neo4j-admin database dump neo4j --to-path=/backups/ && neo4j start
  restore:     neo4j stop && neo4j-admin database load neo4j --from-path=/backups/ --overwrite-destination=true && neo4j start
  Enterprise:  neo4j-admin database backup (online); Aura: its snapshots.`;

/** The database the app uses in the local Neo4j (Neo4j's default). */
const database = 'neo4j';

function stamp(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { to: { type: 'string', default: 'backups' }, help: { type: 'boolean' } },
  });
  const [mode, file] = positionals;
  if (values.help || (mode !== 'backup' && mode !== 'restore') || (mode === 'restore' && !file)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (config.neo4j.mode === 'external') {
    console.error(externalHowTo);
    return 2;
  }
  const { home } = config.neo4j;
  const running = findRunningLocalNeo4j(home);
  if (running) {
    console.error(
      `The local Neo4j of ${config.dataDir} is running (pid ${running.pid}): stop the server first ` +
        `(Ctrl-C where \`npm start\` runs, or kill -TERM its process; wait for "stopped"), then run npm run ${mode} again.`,
    );
    return 1;
  }
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

  if (mode === 'backup') {
    if (!existsSync(join(home, 'data', 'databases', database))) {
      console.error(`There is no local database in ${home} to back up (has the server run once?).`);
      return 1;
    }
    const dir = resolve(values.to as string);
    mkdirSync(dir, { recursive: true });
    // neo4j-admin names the dump after the database; a folder of its own keeps a failed dump apart.
    const work = mkdtempSync(join(dir, '.dump-'));
    try {
      await runNeo4jAdmin(home, ['database', 'dump', database, `--to-path=${work}`]);
      const out = join(dir, `talentgraph-${stamp()}.dump`);
      renameSync(join(work, `${database}.dump`), out);
      const mb = (statSync(out).size / 1e6).toFixed(1);
      console.log(`backed up ${home} to ${out} (${mb} MB) in ${seconds()} s`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return 0;
  }

  const dump = resolve(file as string);
  if (!existsSync(dump)) {
    console.error(`No such file: ${dump}`);
    return 1;
  }
  mkdirSync(home, { recursive: true });
  const work = mkdtempSync(join(home, '.load-'));
  try {
    symlinkSync(dump, join(work, `${database}.dump`));
    await runNeo4jAdmin(home, [
      'database',
      'load',
      database,
      `--from-path=${work}`,
      '--overwrite-destination=true',
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`restored ${dump} into ${home} in ${seconds()} s; start the server with npm start`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${process.argv[2] ?? 'backup'} failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
