/**
 * The demo graph on top of the reference places (migration 0060): a demo place that is a reference
 * place (same kind, same parent, a name in common) is not created again; the demo's ties point at the
 * reference node instead, and the demo's own places (a high-tech zone, a US state) hang under it.
 */
import { PlaceMatcher } from '../schema/place/place-match.ts';
import type { Db } from '../server/db/run.ts';
import type { SeedBatch } from './model.ts';

interface PlaceRow {
  id: string;
  name: string;
  latinName?: string | null;
  aliases?: string[] | null;
  kind: string;
}

/** `batches` with every demo place that already exists as a reference place replaced by it. */
export async function onReferencePlaces(
  db: Db,
  batches: Iterable<SeedBatch>,
): Promise<SeedBatch[]> {
  const all = [...batches];
  const reference = await db.read<PlaceRow & { parentId: string | null }>(
    `MATCH (p:Place) WHERE p.code IS NOT NULL AND NOT p.deleted
     OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
     RETURN p.id AS id, p.name AS name, p.latinName AS latinName, p.aliases AS aliases, p.kind AS kind,
            parent.id AS parentId`,
  );
  if (!reference.length) return all;
  const matcher = new PlaceMatcher(reference);
  const places = new Map<string, PlaceRow>();
  const parentOf = new Map<string, string>();
  for (const batch of all) {
    if (batch.kind === 'node' && batch.label === 'Place') {
      for (const row of batch.rows as unknown as PlaceRow[]) places.set(row.id, row);
    } else if (batch.kind === 'tie' && batch.type === 'PART_OF') {
      for (const row of batch.rows) parentOf.set(row.from, row.to);
    }
  }
  // Parents first: a place can only match once its parent has been mapped (or has none).
  const mapped = new Map<string, string>();
  const resolve = (id: string, depth = 0): string | null => {
    if (mapped.has(id)) return mapped.get(id) ?? null;
    const place = places.get(id);
    if (!place || depth > 10) return null;
    const parent = parentOf.get(id);
    const parentRef = parent ? resolve(parent, depth + 1) : null;
    if (parent && !parentRef) return null;
    const hit = matcher.find(place, parentRef);
    if (hit) mapped.set(id, hit);
    return hit;
  };
  for (const id of places.keys()) resolve(id);
  const to = (id: string) => mapped.get(id) ?? id;
  return all.flatMap((batch): SeedBatch[] => {
    if (batch.kind === 'node') {
      if (batch.label !== 'Place') return [batch];
      const rows = batch.rows.filter((r) => !mapped.has(r.id as string));
      return rows.length ? [{ ...batch, rows }] : [];
    }
    const rows = batch.rows
      .filter((r) => !(batch.type === 'PART_OF' && mapped.has(r.from)))
      .map((r) => ({ ...r, from: to(r.from), to: to(r.to) }));
    return rows.length ? [{ ...batch, rows }] : [];
  });
}
