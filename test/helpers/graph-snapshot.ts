import { createHash } from 'node:crypto';
import type { Db } from '../../server/db/run.ts';

/** Counts by label and type, and a SHA-256 over every node and tie with its properties. */
export async function snapshot(db: Db, options: { skipLabels?: string[] } = {}) {
  const text = (value: unknown): string =>
    JSON.stringify(value, (_key, v) =>
      v && typeof v === 'object' && !Array.isArray(v) && v.constructor !== Object
        ? String(v) // Neo4j temporal values
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
          : v,
    );
  const nodes = await db.read<{ labels: string[]; props: object }>(
    'MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip) RETURN labels(n) AS labels, properties(n) AS props',
    { skip: options.skipLabels ?? [] },
  );
  const ties = await db.read<{ type: string; props: object; from: object; to: object }>(
    `MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $skip)
     RETURN type(r) AS type, properties(r) AS props, properties(a) AS from, properties(b) AS to`,
    { skip: options.skipLabels ?? [] },
  );
  const lines = [
    ...nodes.map((n) => `node ${text([...n.labels].sort())} ${text(n.props)}`),
    ...ties.map((t) => `tie ${t.type} ${text(t.props)} ${text(t.from)} ${text(t.to)}`),
  ].sort();
  const counts: Record<string, number> = {};
  for (const n of nodes) for (const l of n.labels) counts[l] = (counts[l] ?? 0) + 1;
  for (const t of ties) counts[t.type] = (counts[t.type] ?? 0) + 1;
  return { counts, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
