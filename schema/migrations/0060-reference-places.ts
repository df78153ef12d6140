/**
 * Loads the reference places (schema/place/reference-places.ts): the world's countries and China's
 * provinces, cities and districts, each with its code (`Place.code`, unique). A place already in the
 * graph that is the same place (same kind, same parent, a name in common; e.g. the demo graph's 武汉市)
 * takes the code and the reference names as aliases instead of getting a twin. Safe to run again.
 */

import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { PlaceMatcher } from '../place/place-match.ts';
import { referencePlaces } from '../place/reference-places.ts';
import { searchKeys } from '../shared/search-keys.ts';

export async function up(db: Db): Promise<void> {
  await db.autoCommit(
    'CREATE CONSTRAINT place_code IF NOT EXISTS FOR (p:Place) REQUIRE p.code IS UNIQUE',
  );
  const existing = await db.read<{
    id: string;
    name: string;
    latinName: string | null;
    aliases: string[] | null;
    kind: string;
    code: string | null;
    parentId: string | null;
  }>(
    `MATCH (p:Place) WHERE NOT p.deleted
     OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
     RETURN p.id AS id, p.name AS name, p.latinName AS latinName, p.aliases AS aliases, p.kind AS kind,
            p.code AS code, parent.id AS parentId ORDER BY p.id`,
  );
  const byId = new Map(existing.map((p) => [p.id, p]));
  const byCode = new Map(existing.filter((p) => p.code).map((p) => [p.code as string, p.id]));
  const matcher = new PlaceMatcher(existing.filter((p) => !p.code));
  const idOfCode = new Map<string, string>();
  const creates: Record<string, unknown>[] = [];
  const adopts: Record<string, unknown>[] = [];
  const sourceId = ulid();
  for (const place of referencePlaces()) {
    const parentId = place.parentCode ? (idOfCode.get(place.parentCode) ?? null) : null;
    const known = byCode.get(place.code) ?? matcher.find(place, parentId);
    if (known) {
      idOfCode.set(place.code, known);
      const mine = byId.get(known);
      if (mine && !byCode.has(place.code)) {
        const aliases = [
          ...new Set([...(mine.aliases ?? []), place.name, place.latinName, ...place.aliases]),
        ].filter((a) => a !== mine.name && a !== mine.latinName);
        adopts.push({
          id: known,
          code: place.code,
          // The name stays: the aliases are stored as given (searchKeys, schema/shared/search-keys.ts).
          keys: searchKeys(
            'Place',
            { name: mine.name, latinName: mine.latinName, aliases },
            { name: mine.name },
          ),
        });
      }
      continue;
    }
    const id = ulid();
    idOfCode.set(place.code, id);
    creates.push({
      id,
      code: place.code,
      name: place.name,
      latinName: place.latinName,
      kind: place.kind,
      parentId,
      keys: searchKeys('Place', {
        name: place.name,
        latinName: place.latinName,
        aliases: place.aliases,
      }),
    });
  }
  if (creates.length) {
    await db.writeTx((tx) =>
      tx.run(
        `CREATE (:Source {id: $sourceId, kind: 'seed', title: 'reference places (ISO 3166-1, GB/T 2260)',
                          createdAt: datetime(), createdBy: 'migration'})`,
        { sourceId },
      ),
    );
  }
  for (let i = 0; i < creates.length; i += 2000) {
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row
         CREATE (p:Place {id: row.id, code: row.code, name: row.name, latinName: row.latinName,
                          kind: row.kind, reference: true,
                          deleted: false, verified: true, createdAt: datetime(), updatedAt: datetime(),
                          createdBy: 'migration', sourceId: $sourceId})
         SET p += row.keys
         WITH p, row WHERE row.parentId IS NOT NULL
         MATCH (parent:Place {id: row.parentId})
         CREATE (p)-[:PART_OF {id: row.id + '-part-of', sourceId: $sourceId, recordedAt: datetime(),
                               verified: true, deleted: false}]->(parent)`,
        { rows: creates.slice(i, i + 2000), sourceId },
      ),
    );
  }
  if (adopts.length) {
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row MATCH (p:Place {id: row.id})
         SET p.code = row.code, p.reference = true, p += row.keys`,
        { rows: adopts },
      ),
    );
  }
}
