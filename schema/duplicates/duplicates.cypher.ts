/** The Cypher of the duplicate review queue (see duplicates.graphql.ts for the model). */
import type { Db, Tx } from '../../server/db/run.ts';
import type { DuplicateKind } from './dedupe-scan.ts';

export const duplicateStatuses = ['open', 'same', 'not_same', 'unsure', 'merged'] as const;
type DuplicateStatus = (typeof duplicateStatuses)[number];

export interface RecordShape {
  id: string;
  kind: DuplicateKind;
  name: string;
  latinName: string | null;
  aliases: string[] | null;
  birthYear: number | null;
}

export interface PairShape {
  id: string;
  kind: DuplicateKind;
  score: number;
  reasons: string;
  status: DuplicateStatus;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  mergeId: string | null;
  a: RecordShape;
  b: RecordShape;
}

const pairReturn = `{id: d.id, kind: d.kind, score: d.score, reasons: d.reasons, status: d.status,
  proposedAt: toString(d.proposedAt), decidedBy: d.decidedBy, decidedAt: toString(d.decidedAt),
  note: d.note, mergeId: d.mergeId,
  a: {id: a.id, kind: d.kind, name: a.name, latinName: a.latinName, aliases: a.aliases, birthYear: a.birthYear},
  b: {id: b.id, kind: d.kind, name: b.name, latinName: b.latinName, aliases: b.aliases, birthYear: b.birthYear}} AS pair`;
const pairMatch =
  'MATCH (a {id: d.a}), (b {id: d.b}) WHERE (a:Person OR a:Organization) AND (b:Person OR b:Organization)';

/** One page of the queue, highest score first, and how many pairs it holds in all. */
export async function readDuplicateQueue(
  db: Db,
  params: {
    kind: DuplicateKind;
    status: string;
    entity: string | null;
    first: number;
    offset: number;
  },
): Promise<{ totalCount: number; pairs: PairShape[] }> {
  const filter = `MATCH (d:DuplicatePair {kind: $kind, status: $status})
        WHERE $entity IS NULL OR d.a = $entity OR d.b = $entity`;
  const [count] = await db.read<{ n: number }>(`${filter} RETURN count(d) AS n`, params);
  const rows = await db.read<{ pair: PairShape }>(
    `${filter} WITH d ORDER BY d.score DESC, d.id SKIP $offset LIMIT $first
         ${pairMatch} RETURN ${pairReturn}`,
    params,
  );
  return { totalCount: count?.n ?? 0, pairs: rows.map((r) => r.pair) };
}

export async function readPair(db: Db, id: string): Promise<PairShape | undefined> {
  const rows = await db.read<{ pair: PairShape }>(
    `MATCH (d:DuplicatePair {id: $id}) ${pairMatch} RETURN ${pairReturn}`,
    { id },
  );
  return rows[0]?.pair;
}

/** Sets a reviewer's verdict; the status before it, or undefined when there is no such pair. */
export async function judgePair(
  tx: Tx,
  verdict: { id: string; verdict: string; actor: string; note: string | null },
): Promise<string | undefined> {
  const rows = await tx.run<{ status: string }>(
    `MATCH (d:DuplicatePair {id: $id}) WITH d, d.status AS before
           SET d.status = $verdict, d.decidedBy = $actor, d.decidedAt = datetime(), d.note = $note
           RETURN before AS status`,
    verdict,
  );
  return rows[0]?.status;
}
