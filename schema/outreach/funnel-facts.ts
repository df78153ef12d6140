/**
 * What the outcome report needs of each introduction, kept on the Introduction node from its stage
 * moves, so the report reads one node per introduction instead of walking its moves:
 *
 * | property | what it holds |
 * | --- | --- |
 * | `furthest` | index in `funnelStages` of the furthest funnel stage its moves reached (its current stage when it has no moves; 0 for declined or dormant) |
 * | `stayStages`, `stayMillis` | each stay between two consecutive moves (oldest first): the stage, and the milliseconds spent in it (integers, not days: a list of floats would come back from a backup as integers when whole) |
 *
 * `recordIntroductionFacts` recomputes them from the moves, in the transaction of every stage move
 * (introductions.graphql.ts), and for all introductions in a data migration (0072).
 */
import type { Db, Tx } from '../../server/db/run.ts';
import { funnelStages } from './stages.ts';

const stageOrder = Object.fromEntries(funnelStages.map((s, k) => [s, k]));

/** Recomputes the facts of an introduction `i` from its moves. */
const recompute = `CALL (i) {
  MATCH (i)-[:MOVED]->(m:StageMove) WITH m ORDER BY m.at, m.id
  RETURN collect({to: m.to, at: m.at.epochMillis}) AS ms
}
WITH i, ms, CASE WHEN size(ms) = 0 THEN [i.stage] ELSE [m IN ms | m.to] END AS tos
SET i.furthest = reduce(f = 0, s IN tos | CASE WHEN coalesce($order[s], 0) > f THEN $order[s] ELSE f END),
    i.stayStages = [k IN range(0, size(ms) - 2) | ms[k].to],
    i.stayMillis = [k IN range(0, size(ms) - 2) | ms[k + 1].at - ms[k].at]`;

/** After a stage move of introduction `id`, in the same transaction. */
export async function recordIntroductionFacts(tx: Tx, id: string): Promise<void> {
  await tx.run(`MATCH (i:Introduction {id: $id}) ${recompute}`, { id, order: stageOrder });
}

/** Computes the facts of every introduction (introductions made before they were kept). */
export async function rebuildIntroductionFacts(db: Db): Promise<void> {
  await db.autoCommit(
    `MATCH (i:Introduction) CALL (i) { ${recompute} } IN TRANSACTIONS OF 5000 ROWS`,
    { order: stageOrder },
  );
}
