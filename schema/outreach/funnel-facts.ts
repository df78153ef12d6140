/**
 * What the outcome report needs of each introduction, kept on the Introduction node from its stage
 * moves and ties, so the report reads one node per introduction instead of walking its moves and ties:
 *
 * | property | what it holds |
 * | --- | --- |
 * | `furthest` | index in `funnelStages` of the furthest funnel stage its moves reached (its current stage when it has no moves; 0 for declined or dormant) |
 * | `stayStages`, `stayMillis` | each stay between two consecutive moves (oldest first): the stage, and the milliseconds spent in it (integers, not days: a list of floats would come back from a backup as integers when whole) |
 * | `introducerId`, `eventId` | our ids of the person its INTRODUCER tie and the event its VIA_EVENT tie lead to (absent without one): the credits find them by id, as following an introduction's ties reads all of them (its moves too) to find one type |
 *
 * `recordIntroductionFacts` recomputes them in the transaction of every stage move (creation is the
 * first; introductions.graphql.ts), and `rebuildIntroductionFacts` for all of them after bulk loads,
 * imports and in data migrations (0072, 0077); the funnel days counted from them (funnel-days.ts)
 * follow each time. `recordIntroducers` sets the introducer's id again after a merge of people, its
 * undo (duplicates/merge.ts) or an erasure moved or removed INTRODUCER ties.
 */
import type { Db, Tx } from '../../server/db/run.ts';
import { dayKeyOf, rebuildFunnelDays, refreshFunnelDays } from './funnel-days.ts';
import { funnelStages } from './stages.ts';

const stageOrder = Object.fromEntries(funnelStages.map((s, k) => [s, k]));

/** Sets the ids of the introducer and event of an introduction `i` from its ties. */
const tieIds = `SET i.introducerId = COLLECT { MATCH (i)-[:INTRODUCER]->(p:Person) RETURN p.id }[0],
    i.eventId = COLLECT { MATCH (i)-[:VIA_EVENT]->(e:Event) RETURN e.id }[0]`;

/** Recomputes the facts of an introduction `i` from its moves and ties. */
const recompute = `CALL (i) {
  MATCH (i)-[:MOVED]->(m:StageMove) WITH m ORDER BY m.at, m.id
  RETURN collect({to: m.to, at: m.at.epochMillis}) AS ms
}
WITH i, ms, CASE WHEN size(ms) = 0 THEN [i.stage] ELSE [m IN ms | m.to] END AS tos
SET i.furthest = reduce(f = 0, s IN tos | CASE WHEN coalesce($order[s], 0) > f THEN $order[s] ELSE f END),
    i.stayStages = [k IN range(0, size(ms) - 2) | ms[k].to],
    i.stayMillis = [k IN range(0, size(ms) - 2) | ms[k + 1].at - ms[k].at]
${tieIds}`;

/** After a write to the introductions `ids`, in its transaction: their facts, then their funnel days. */
export async function recordIntroductionFacts(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const days = await tx.run<{ key: string }>(
    `UNWIND $ids AS id MATCH (i:Introduction {id: id}) ${recompute}
     RETURN DISTINCT ${dayKeyOf('i')} AS key`,
    { ids, order: stageOrder },
  );
  await refreshFunnelDays(
    tx,
    days.map((d) => d.key),
  );
}

/**
 * After a write that moved or removed INTRODUCER ties of the introductions `ids` (a merge of people or
 * its undo, an erasure), in its transaction: their introducer's id. Nothing a funnel day counts
 * changed, so the days stay as they are.
 */
export async function recordIntroducers(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(`UNWIND $ids AS id MATCH (i:Introduction {id: id}) ${tieIds}`, { ids });
}

/**
 * Computes the facts of every introduction (introductions made before they were kept, bulk loads),
 * then the funnel days counted from them (funnel-days.ts).
 */
export async function rebuildIntroductionFacts(db: Db): Promise<void> {
  await db.autoCommit(
    `MATCH (i:Introduction) CALL (i) { ${recompute} } IN TRANSACTIONS OF 5000 ROWS`,
    { order: stageOrder },
  );
  await rebuildFunnelDays(db);
}
