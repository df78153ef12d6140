/**
 * Search keys of every entity through searchKeys (schema/shared/search-keys.ts): tone-folded forms,
 * surname and given name apart, the stored name pinyin and initials the search ranks by, and the
 * generated short forms of organisation names (华中科技大学 → 华科, 华中科大) as marked aliases.
 *
 * The full-text index is rebuilt over searchText alone: searchText already holds every form of the
 * name, latinName and aliases, and a query over one field looks each term up once instead of four times.
 * The old index is dropped first, so the backfill's writes do not update it.
 *
 * Resumable: an interrupted run (or one whose index build outlasted the wait) starts again, skips the
 * nodes that already have their keys, and leaves an index that is already the new one alone.
 */
import type { MigrationLog } from '../../server/db/migrate.ts';
import type { Db } from '../../server/db/run.ts';
import { entityKinds } from '../shared/entity-kinds.ts';
import { type EntityNames, searchKeys } from '../shared/search-keys.ts';

/** Nodes per read and per write transaction. */
const batch = 5_000;
/** At most one progress line per kind this often. */
const progressEveryMs = 10_000;

/**
 * Computes the search keys of every entity written before they existed (no `namePinyin` yet), walking
 * each kind in id order (the id constraint's index) one batch per transaction. Returns how many it wrote.
 */
export async function backfillSearchKeys(db: Db, log: MigrationLog = () => {}): Promise<number> {
  let written = 0;
  for (const kind of entityKinds) {
    const started = performance.now();
    const [count] = await db.read<{ n: number }>(`MATCH (n:${kind}) RETURN count(n) AS n`);
    const total = count?.n ?? 0;
    let seen = 0;
    let done = 0;
    let lastLog = started;
    for (let after = ''; ; ) {
      const rows = await db.read<EntityNames & { id: string; has: boolean }>(
        `MATCH (n:${kind}) WHERE n.id > $after
         WITH n ORDER BY n.id LIMIT $batch
         RETURN n.id AS id, n.name AS name, n.latinName AS latinName, n.aliases AS aliases,
                n.namePinyin IS NOT NULL AS has`,
        { after, batch },
      );
      const last = rows.at(-1);
      if (!last) break;
      after = last.id;
      seen += rows.length;
      const updates = rows
        .filter((r) => !r.has && r.name != null)
        .map(({ id, has: _, ...names }) => ({ id, keys: searchKeys(kind, names) }));
      if (updates.length) {
        await db.writeTx((tx) =>
          tx.run(`UNWIND $updates AS u MATCH (n:${kind} {id: u.id}) SET n += u.keys`, { updates }),
        );
        done += updates.length;
      }
      const now = performance.now();
      if (now - lastLog >= progressEveryMs) {
        lastLog = now;
        log(
          `search keys: ${kind} ${progress(seen, total)}, ${done} written, ${seconds(now - started)}`,
        );
      }
      if (rows.length < batch) break;
    }
    if (total > 0) {
      log(
        `search keys: ${kind} ${done} of ${total} written in ${seconds(performance.now() - started)}`,
      );
    }
    written += done;
  }
  return written;
}

const progress = (seen: number, total: number) =>
  `${seen.toLocaleString('en')}/${total.toLocaleString('en')} (${total ? Math.floor((100 * seen) / total) : 100}%)`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The fields of the `entity_names` index, or null when there is none. */
async function indexedFields(db: Db): Promise<string[] | null> {
  const rows = await db.read<{ properties: string[] }>(
    "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'entity_names' RETURN properties",
  );
  return rows[0]?.properties ?? null;
}

export async function up(db: Db, log: MigrationLog = () => {}): Promise<void> {
  const fields = await indexedFields(db);
  const current = fields?.length === 1 && fields[0] === 'searchText';
  if (fields && !current) await db.autoCommit('DROP INDEX entity_names IF EXISTS');
  await backfillSearchKeys(db, log);
  await db.autoCommit(
    `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
     FOR (n:Person|Organization|Place|Field|Project|Event) ON EACH [n.searchText]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
  );
  // Exact-name lookups of the search run over every kind: Project had no index on name.
  await db.autoCommit('CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name)');
}
