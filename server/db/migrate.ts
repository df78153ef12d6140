import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoPath } from '../paths.ts';
import type { Db } from './run.ts';

const migrationsDir = repoPath('schema', 'migrations');

export interface Migration {
  version: number;
  name: string;
  statements: string[];
  /** A data migration written in TypeScript (`NNNN-name.ts`): see MigrationModule. */
  module?: string;
}

/** Where a long migration reports its progress (the server's logger, a CLI's console). */
export type MigrationLog = (line: string) => void;

/**
 * A TypeScript migration exports `up(db, log)`, for data work Cypher alone cannot do (reference
 * places, search keys): it must be safe to run again after an interruption (only touch what is not
 * migrated yet), like the Cypher ones, and report progress through `log` when it walks the whole graph.
 */
export type MigrationModule = { up: (db: Db, log: MigrationLog) => Promise<void> };

/**
 * The migrations in `schema/migrations`, in version order: `NNNN-name.cypher` (statements end in `;`)
 * or `NNNN-name.ts` (a MigrationModule).
 */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.(cypher|ts)$/.test(f) && !f.endsWith('.test.ts'))
    .sort()
    .map((file) => {
      if (file.endsWith('.ts')) {
        return {
          version: Number(file.slice(0, 4)),
          name: file.replace(/\.ts$/, ''),
          statements: [],
          module: join(dir, file),
        };
      }
      const text = readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.cypher$/, ''),
        statements: text
          .split(/;\s*(?:\n|$)/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

/**
 * Applies the migrations that have not run yet and records each as a (:Migration) node. Statements use
 * IF NOT EXISTS, so a run interrupted half-way is safe to repeat. Returns the versions applied now.
 */
export async function migrate(
  db: Db,
  migrations = readMigrations(),
  log: MigrationLog = () => {},
): Promise<number[]> {
  const done = new Set(
    (await db.read<{ version: number }>('MATCH (m:Migration) RETURN m.version AS version')).map(
      (r) => r.version,
    ),
  );
  const pending = migrations.filter((m) => !done.has(m.version));
  // A warm start has nothing to apply: one read, no schema command (they wait for a schema lock).
  if (pending.length === 0) return [];
  await db.autoCommit(
    'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE',
  );
  const applied: number[] = [];
  for (const migration of pending) {
    // Schema commands cannot share a transaction with writes, so each runs on its own.
    for (const statement of migration.statements) await db.autoCommit(statement);
    if (migration.module) {
      const { up } = (await import(pathToFileURL(migration.module).href)) as MigrationModule;
      log(`migration ${migration.name}`);
      const started = performance.now();
      await up(db, log);
      log(
        `migration ${migration.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    await db.autoCommit('CALL db.awaitIndexes(300)');
    await db.writeTx((tx) =>
      tx.run(
        'MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime()',
        { version: migration.version, name: migration.name },
      ),
    );
    applied.push(migration.version);
  }
  return applied;
}

/** True when every migration on disk is recorded in the database. */
export async function migrationsApplied(db: Db, migrations = readMigrations()): Promise<boolean> {
  const rows = await db.read<{ versions: number[] }>(
    'MATCH (m:Migration) RETURN collect(m.version) AS versions',
  );
  const done = new Set(rows[0]?.versions ?? []);
  return migrations.every((m) => done.has(m.version));
}
