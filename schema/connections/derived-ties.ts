import type { Driver } from 'neo4j-driver';
import type { Db, Tx } from '../../server/db/run.ts';
import { toCypherParams } from '../../server/db/run.ts';

/**
 * Derived ties: two people who were at the same place at the same time (colleagues with overlapping
 * years at an employer, classmates at a university, members of one association, leaders of one
 * project). They are stored as `DERIVED_TIE` relationships, apart from asserted KNOWS ties (never
 * merged into them), weigh less in path ranking, and can be switched off per query.
 *
 * A large employer has thousands of people who overlapped; linking all of them would be quadratic. So
 * each person is linked to the `perGroup` people nearest in start year who overlapped with them: the
 * cohort they most likely knew.
 */
export const derivedKinds = {
  colleague: { tie: 'WORKED_AT', strength: 0.35, label: { zh: '同事', en: 'colleagues' } },
  classmate: { tie: 'STUDIED_AT', strength: 0.3, label: { zh: '同学', en: 'classmates' } },
  association: { tie: 'MEMBER_OF', strength: 0.2, label: { zh: '同会会员', en: 'fellow members' } },
  project: { tie: 'LEADS', strength: 0.4, label: { zh: '项目同事', en: 'on the same project' } },
} as const;
export type DerivedKind = keyof typeof derivedKinds;
export const derivedKindNames = Object.keys(derivedKinds) as DerivedKind[];

/** Nearest people per person and group (organisation or project). */
const perGroup = 4;
const openEnd = 9999;

export interface Membership {
  person: string;
  from: number | null;
  to: number | null;
}

export interface DerivedPair {
  a: string;
  b: string;
  from: number | null;
  to: number | null;
}

/**
 * The derived pairs within one group: members sorted by start year, each linked to the next
 * `perGroup` members whose years overlap with theirs. Pure; O(n · perGroup) after sorting.
 */
export function pairsInGroup(members: readonly Membership[], k = perGroup): DerivedPair[] {
  const sorted = [...members].sort(
    (x, y) => (x.from ?? 0) - (y.from ?? 0) || (x.person < y.person ? -1 : 1),
  );
  const pairs: DerivedPair[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as Membership;
    let linked = 0;
    for (let j = i + 1; j < sorted.length && linked < k; j++) {
      const y = sorted[j] as Membership;
      if ((y.from ?? 0) > (x.to ?? openEnd)) break; // sorted by start: nobody later overlaps either
      if (y.person === x.person) continue;
      if ((x.from ?? 0) > (y.to ?? openEnd)) continue;
      const [a, b] = x.person < y.person ? [x.person, y.person] : [y.person, x.person];
      const key = `${a}|${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      linked++;
      const from = Math.max(x.from ?? 0, y.from ?? 0) || null;
      const to = Math.min(x.to ?? openEnd, y.to ?? openEnd);
      pairs.push({ a, b, from, to: to === openEnd ? null : to });
    }
  }
  return pairs;
}

/** Strength of a derived tie: the kind's base, a little more for three or more shared years. */
export function derivedStrength(kind: DerivedKind, from: number | null, to: number | null): number {
  const years = (to ?? new Date().getUTCFullYear()) - (from ?? to ?? 0);
  return derivedKinds[kind].strength + (from !== null && years >= 3 ? 0.1 : 0);
}

const groupFilter: Record<DerivedKind, string> = {
  colleague: '',
  classmate: '',
  association: "AND g.type IN ['alumni_association', 'overseas_association', 'alliance']",
  project: '',
};

/**
 * Recomputes every derived tie from the current graph: deletes the old ones, streams memberships
 * group by group, writes the new pairs in batches. Run after a bulk load or import; single edits
 * refresh their person's ties instead (refreshDerivedTies).
 */
export async function rebuildDerivedTies(
  driver: Driver,
  options: {
    database?: string;
    batchSize?: number;
    onProgress?: (kind: string, pairs: number) => void;
  } = {},
): Promise<number> {
  const { database, batchSize = 10_000 } = options;
  const session = driver.session({ database });
  let total = 0;
  try {
    await session.run(
      'MATCH ()-[d:DERIVED_TIE]->() CALL (d) { DELETE d } IN TRANSACTIONS OF 50000 ROWS',
    );
    for (const kind of derivedKindNames) {
      const { tie } = derivedKinds[kind];
      const rows = await session.run(
        `MATCH (p:Person)-[r:${tie}]->(g) WHERE NOT r.deleted AND NOT p.deleted AND NOT g.deleted ${groupFilter[kind]}
         RETURN g.id AS group, g.name AS name, collect({person: p.id, from: r.from, to: r.to}) AS members`,
      );
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const write = driver.session({ database });
        try {
          await write.executeWrite((tx) =>
            tx.run(
              `UNWIND $rows AS row
               MATCH (a:Person {id: row.a}), (b:Person {id: row.b})
               CREATE (a)-[:DERIVED_TIE {kind: $kind, viaId: row.via, viaName: row.viaName, from: row.from,
                                         to: row.to, strength: row.strength}]->(b)`,
              toCypherParams({ rows: batch, kind }) as Record<string, unknown>,
            ),
          );
        } finally {
          await write.close();
        }
        total += batch.length;
        options.onProgress?.(kind, total);
        batch = [];
      };
      for (const record of rows.records) {
        const members = record.get('members') as Membership[];
        for (const pair of pairsInGroup(members)) {
          batch.push({
            ...pair,
            via: record.get('group'),
            viaName: record.get('name'),
            strength: derivedStrength(kind, pair.from, pair.to),
          });
          if (batch.length >= batchSize) await flush();
        }
      }
      await flush();
    }
  } finally {
    await session.close();
  }
  return total;
}

/**
 * Recomputes the derived ties of `kind` within some groups only (the organisations an import touched),
 * exactly as the full rebuild would for them: the cost grows with those groups, not with the graph.
 * Each chunk of groups is one transaction (old ties of the groups out, new pairs in).
 */
export async function refreshDerivedGroups(
  db: Db,
  kind: DerivedKind,
  groupIds: readonly string[],
  chunkSize = 500,
): Promise<number> {
  const { tie } = derivedKinds[kind];
  const label = kind === 'project' ? 'Project' : 'Organization';
  let total = 0;
  for (let i = 0; i < groupIds.length; i += chunkSize) {
    const ids = groupIds.slice(i, i + chunkSize);
    total += await db.writeTx(async (tx) => {
      await tx.run(
        `UNWIND $ids AS gid MATCH ()-[d:DERIVED_TIE {viaId: gid}]->() WHERE d.kind = $kind DELETE d`,
        { ids, kind },
      );
      const groups = await tx.run<{ group: string; name: string; members: Membership[] }>(
        `UNWIND $ids AS gid MATCH (g:${label} {id: gid}) WHERE NOT g.deleted ${groupFilter[kind]}
         MATCH (p:Person)-[r:${tie}]->(g) WHERE NOT r.deleted AND NOT p.deleted
         RETURN g.id AS group, g.name AS name, collect({person: p.id, from: r.from, to: r.to}) AS members`,
        { ids },
      );
      const rows = groups.flatMap((g) =>
        pairsInGroup(g.members).map((pair) => ({
          ...pair,
          via: g.group,
          viaName: g.name,
          strength: derivedStrength(kind, pair.from, pair.to),
        })),
      );
      for (let j = 0; j < rows.length; j += 10_000) {
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a:Person {id: row.a}), (b:Person {id: row.b})
           CREATE (a)-[:DERIVED_TIE {kind: $kind, viaId: row.via, viaName: row.viaName, from: row.from,
                                     to: row.to, strength: row.strength}]->(b)`,
          { rows: rows.slice(j, j + 10_000), kind },
        );
      }
      return rows.length;
    });
  }
  return total;
}

/**
 * Recomputes the derived ties of one person in the caller's transaction, after one of their
 * memberships changed: the nearest overlapping members of each of their groups, as in the rebuild.
 */
export async function refreshDerivedTies(
  tx: Tx,
  personId: string,
  kind: DerivedKind,
): Promise<void> {
  const { tie } = derivedKinds[kind];
  await tx.run('MATCH (:Person {id: $id})-[d:DERIVED_TIE {kind: $kind}]-() DELETE d', {
    id: personId,
    kind,
  });
  await tx.run(
    `MATCH (p:Person {id: $id})-[r:${tie}]->(g) WHERE NOT r.deleted AND NOT g.deleted AND NOT p.deleted ${groupFilter[kind]}
     CALL (p, r, g) {
       MATCH (g)<-[r2:${tie}]-(q:Person)
       WHERE q <> p AND NOT r2.deleted AND NOT q.deleted
         AND coalesce(r2.from, 0) <= coalesce(r.to, 9999) AND coalesce(r.from, 0) <= coalesce(r2.to, 9999)
       RETURN q, r2 ORDER BY abs(coalesce(r2.from, 0) - coalesce(r.from, 0)), q.id LIMIT $k
     }
     WITH p, g, q, r, r2,
          CASE WHEN coalesce(r.from, 0) > coalesce(r2.from, 0) THEN r.from ELSE r2.from END AS from,
          CASE WHEN coalesce(r.to, 9999) < coalesce(r2.to, 9999) THEN r.to ELSE r2.to END AS to
     MERGE (p)-[d:DERIVED_TIE {kind: $kind, viaId: g.id}]-(q)
     SET d.viaName = g.name, d.from = from, d.to = to,
         d.strength = $base + CASE WHEN from IS NOT NULL AND coalesce(to, $year) - from >= 3 THEN 0.1 ELSE 0 END`,
    {
      id: personId,
      kind,
      k: perGroup,
      base: derivedKinds[kind].strength,
      year: new Date().getUTCFullYear(),
    },
  );
}
