/**
 * Search keys of every entity through searchKeys (schema/shared/search-keys.ts): tone-folded forms,
 * surname and given name apart, the stored name pinyin and initials the search ranks by, and the
 * generated short forms of organisation names (华中科技大学 → 华科, 华中科大) as marked aliases.
 *
 * The full-text index is rebuilt over searchText alone: searchText already holds every form of the
 * name, latinName and aliases, and a query over one field looks each term up once instead of four times.
 * It is dropped first, so the backfill's writes do not update it twice.
 */
import type { Db } from '../../server/db/run.ts';
import { entityKinds } from '../shared/entity-kinds.ts';
import { type EntityNames, searchKeys } from '../shared/search-keys.ts';

const batch = 5_000;

/**
 * Computes the search keys of every entity written before they existed (no `namePinyin` yet), in
 * batches of one transaction each; safe to run again after an interruption. Returns how many it wrote.
 */
export async function backfillSearchKeys(db: Db): Promise<number> {
  let written = 0;
  for (const kind of entityKinds) {
    const seen = new Set<string>();
    for (;;) {
      const rows = await db.read<EntityNames & { id: string }>(
        `MATCH (n:${kind}) WHERE n.namePinyin IS NULL AND n.name IS NOT NULL
         RETURN n.id AS id, n.name AS name, n.latinName AS latinName, n.aliases AS aliases
         LIMIT $batch`,
        { batch },
      );
      if (!rows.length) break;
      // A node that still lacks the keys after its write would loop forever: fail instead.
      const again = rows.find((r) => seen.has(r.id));
      if (again) throw new Error(`search keys of ${kind} ${again.id} were not stored`);
      for (const r of rows) seen.add(r.id);
      const updates = rows.map(({ id, ...names }) => ({ id, keys: searchKeys(kind, names) }));
      await db.writeTx((tx) =>
        tx.run(`UNWIND $updates AS u MATCH (n:${kind} {id: u.id}) SET n += u.keys`, { updates }),
      );
      written += rows.length;
    }
  }
  return written;
}

export async function up(db: Db): Promise<void> {
  await db.autoCommit('DROP INDEX entity_names IF EXISTS');
  await backfillSearchKeys(db);
  await db.autoCommit(
    `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
     FOR (n:Person|Organization|Place|Field|Project|Event) ON EACH [n.searchText]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
  );
  // Exact-name lookups of the search run over every kind: Project had no index on name.
  await db.autoCommit('CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name)');
}
