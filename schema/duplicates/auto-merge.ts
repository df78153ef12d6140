/**
 * Automatic merges, only on hard identifiers: people who share an identity number, phone number or
 * e-mail address are one person. Each merge is its own transaction, recorded as a `(:Merge)` with
 * `auto: true` and undoable like any other. Pairs staff judged "not the same" are never merged.
 */
import type { Db } from '../../server/db/run.ts';
import { hardContactKinds, normalizeContact } from './dedupe-score.ts';
import { type MergeResult, mergeNodes } from './merge.ts';

function find(parent: Map<string, string>, x: string): string {
  let root = x;
  while (parent.get(root) !== root) root = parent.get(root) as string;
  parent.set(x, root);
  return root;
}

export async function autoMergeHardIdentifiers(db: Db, actor: string): Promise<MergeResult[]> {
  const rows = await db.read<{ id: string; at: number | null; kind: string; value: string }>(
    `MATCH (p:Person)-[:HAS_CONTACT]->(c:Contact) WHERE NOT p.deleted AND c.kind IN $kinds
     RETURN p.id AS id, p.createdAt.epochMillis AS at, c.kind AS kind, c.value AS value`,
    { kinds: [...hardContactKinds] },
  );
  const notSame = new Set(
    (
      await db.read<{ key: string }>(
        "MATCH (d:DuplicatePair {kind: 'Person', status: 'not_same'}) RETURN d.key AS key",
      )
    ).map((r) => r.key),
  );
  // Milliseconds, not the datetime's text: Neo4j drops trailing zeros of the fraction, so
  // "…:55Z" sorts after "…:55.5Z" and "…:55.1Z" after "…:55.12Z" as text.
  const createdAt = new Map<string, number>();
  const byValue = new Map<string, string[]>();
  const reasonOf = new Map<string, string>();
  for (const r of rows) {
    createdAt.set(r.id, r.at ?? Number.POSITIVE_INFINITY);
    const key = normalizeContact(r.kind, r.value);
    byValue.set(key, [...(byValue.get(key) ?? []), r.id]);
  }
  const parent = new Map<string, string>();
  for (const [key, ids] of byValue) {
    const distinct = [...new Set(ids)];
    if (distinct.length < 2) continue;
    for (const id of distinct) if (!parent.has(id)) parent.set(id, id);
    for (const id of distinct.slice(1)) {
      parent.set(find(parent, id), find(parent, distinct[0] as string));
      reasonOf.set(id, `same ${key.slice(0, key.indexOf(':'))}`);
      reasonOf.set(distinct[0] as string, `same ${key.slice(0, key.indexOf(':'))}`);
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(parent, id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  const results: MergeResult[] = [];
  for (const members of groups.values()) {
    // The oldest record is kept.
    members.sort(
      (x, y) => (createdAt.get(x) as number) - (createdAt.get(y) as number) || x.localeCompare(y),
    );
    const [keep, ...rest] = members as [string, ...string[]];
    for (const merged of rest) {
      const key = keep < merged ? `${keep}|${merged}` : `${merged}|${keep}`;
      if (notSame.has(key)) continue;
      results.push(
        await db.writeTx((tx) =>
          mergeNodes(tx, 'Person', keep, merged, {
            actor,
            auto: true,
            reason: reasonOf.get(merged) ?? 'same identifier',
          }),
        ),
      );
    }
  }
  return results;
}
