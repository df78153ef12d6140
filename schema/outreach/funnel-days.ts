/**
 * Funnel days: the outcome report's counts and stays kept per day of creation (UTC) and team, so an
 * unscoped report over a year reads ~365 nodes instead of every introduction created in it.
 *
 * `(:FunnelDay {key: '<yyyy-mm-dd>|<team id or ''>', day, teamId})` holds, over the live
 * introductions created that day by that team (their facts, funnel-facts.ts):
 *
 * | property | what it holds |
 * | --- | --- |
 * | `counts`, `countNs` | `'<current stage>\|<furthest>'` (sorted) and how many introductions have it |
 * | `stays_<stage>` | the milliseconds of every stay in that stage that ended with a move, sorted (the median needs each one) |
 *
 * A day is recomputed whole from its introductions (never adjusted by a difference, so it cannot drift)
 * in the transaction of every write that changes what it counts: a stage move (creation is the first),
 * an erasure, an import; and from scratch with the introductions' facts (`rebuildIntroductionFacts`).
 * The day is locked before its introductions are read, so two writers of one day take turns and the
 * second reads what the first committed. Empty days are deleted.
 *
 * A report scoped to an event, introducer, field, city, channel, station or consultant, or read by a
 * consultant (who sees only their own), still walks the introductions (reports.graphql.ts).
 */
import type { Db, ReadCypher, Tx } from '../../server/db/run.ts';
import { groupInOrder } from '../shared/loaders.ts';
import type { FunnelAggregates } from './funnel.ts';
import { type IntroductionStage, introductionStages } from './stages.ts';
import { type Viewer, visibleTo } from './visibility.ts';

const DAY_MS = 86_400_000;

/** What a day is computed from: one row per live introduction created that day by that team. */
interface IntroductionFacts {
  stage: IntroductionStage;
  furthest: number;
  stayStages: IntroductionStage[];
  stayMillis: number[];
}

/** The properties of a day's node (other than key and day), or null when it counts nothing. Pure. */
export function funnelDayProps(
  teamId: string | null,
  intros: readonly IntroductionFacts[],
): Record<string, unknown> | null {
  if (intros.length === 0) return null;
  const counts = new Map<string, number>();
  const stays = new Map<string, number[]>();
  for (const i of intros) {
    const key = `${i.stage}|${i.furthest}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    i.stayStages.forEach((stage, k) => {
      const list = stays.get(stage) ?? [];
      stays.set(stage, list);
      list.push(i.stayMillis[k] as number);
    });
  }
  const keys = [...counts.keys()].sort();
  return {
    teamId,
    counts: keys,
    countNs: keys.map((k) => counts.get(k)),
    ...Object.fromEntries(
      [...stays].map(([stage, ms]) => [`stays_${stage}`, ms.sort((a, b) => a - b)]),
    ),
  };
}

/** Cypher: the key of the day of introduction `i`. */
export const dayKeyOf = (i: string) =>
  `toString(date(datetime({epochMillis: ${i}.createdAt.epochMillis}))) + '|' + coalesce(${i}.teamId, '')`;

/** The keys of the days the introductions `ids` count in. */
async function funnelDayKeys(tx: Tx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.run<{ key: string }>(
    `UNWIND $ids AS id MATCH (i:Introduction {id: id}) RETURN DISTINCT ${dayKeyOf('i')} AS key`,
    { ids },
  );
  return rows.map((r) => r.key);
}

/** Recomputes the days `keys` from their introductions, in the caller's transaction. */
export async function refreshFunnelDays(tx: Tx, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const days = [...new Set(keys)].sort().map((key) => {
    const [day, team] = key.split('|') as [string, string];
    return { key, day, team };
  });
  // The lock first (in key order, so two writers cannot wait on each other), then the read.
  await tx.run('UNWIND $days AS d MERGE (f:FunnelDay {key: d.key}) SET f.refreshing = true', {
    days,
  });
  const rows = await tx.run<IntroductionFacts & { key: string }>(
    `UNWIND $days AS d
     MATCH (i:Introduction)
     WHERE i.createdAt >= datetime(d.day) AND i.createdAt < datetime(d.day) + duration('P1D')
       AND coalesce(i.teamId, '') = d.team AND NOT coalesce(i.deleted, false)
     RETURN d.key AS key, i.stage AS stage, coalesce(i.furthest, 0) AS furthest,
            coalesce(i.stayStages, []) AS stayStages, coalesce(i.stayMillis, []) AS stayMillis`,
    { days },
  );
  const groups = groupInOrder(
    days.map((d) => d.key),
    rows,
    (r) => r.key,
  );
  const props = days.map(({ key, day, team }, k) => ({
    key,
    day,
    props: funnelDayProps(team || null, groups[k] ?? []),
  }));
  await tx.run(
    `UNWIND $props AS p MATCH (f:FunnelDay {key: p.key})
     CALL (f, p) { WITH f, p WHERE p.props IS NULL DETACH DELETE f }
     CALL (f, p) { WITH f, p WHERE p.props IS NOT NULL SET f = p.props, f.key = p.key, f.day = date(p.day) }`,
    { props },
  );
}

/**
 * Runs `remove`, a write in `tx` that deletes the introductions `ids` (an erasure, a test's clean-up),
 * and recomputes the days they counted in: their keys are read before they go.
 */
export async function removingIntroductions<T>(
  tx: Tx,
  ids: readonly string[],
  remove: () => Promise<T>,
): Promise<T> {
  const days = await funnelDayKeys(tx, ids);
  const removed = await remove();
  await refreshFunnelDays(tx, days);
  return removed;
}

/** Recomputes every day from the introductions, and deletes days that count none (bulk loads). */
export async function rebuildFunnelDays(db: Db): Promise<void> {
  const keys = (
    await db.read<{ key: string }>(
      `MATCH (i:Introduction) WHERE NOT coalesce(i.deleted, false) RETURN DISTINCT ${dayKeyOf('i')} AS key`,
      {},
    )
  ).map((r) => r.key);
  await db.writeTx((tx) =>
    tx.run('MATCH (f:FunnelDay) WHERE NOT f.key IN $keys DETACH DELETE f', { keys }),
  );
  for (let k = 0; k < keys.length; k += 50) {
    await db.writeTx((tx) => refreshFunnelDays(tx, keys.slice(k, k + 50)));
  }
}

/**
 * The counts and stays of an unscoped report over the days from `from` to `to` (inclusive) of the
 * teams the viewer may see: what the walk over the introductions (reports.graphql.ts) gives.
 */
export async function readFunnelDays(
  read: ReadCypher,
  period: { from: string; to: string },
  viewer: Viewer,
): Promise<Pick<FunnelAggregates, 'counts' | 'stays'>> {
  const rows = await read<{ f: Record<string, unknown> }>(
    `MATCH (d:FunnelDay) WHERE d.day >= date($from) AND d.day <= date($to) AND ${visibleTo('d')}
     RETURN d {.counts, .countNs, ${introductionStages.map((s) => `.stays_${s}`).join(', ')}} AS f`,
    { ...period, ...viewer },
  );
  return sumFunnelDays(rows.map((r) => r.f));
}

/**
 * The counts and stays of several days together (nodes' properties as `funnelDayProps` makes them):
 * counts added up, stays counted with their mean and median in days. Pure.
 */
export function sumFunnelDays(
  days: readonly Record<string, unknown>[],
): Pick<FunnelAggregates, 'counts' | 'stays'> {
  const counts = new Map<string, number>();
  const stays = new Map<IntroductionStage, number[][]>();
  for (const f of days) {
    (f.counts as string[]).forEach((key, k) => {
      counts.set(key, (counts.get(key) ?? 0) + ((f.countNs as number[])[k] as number));
    });
    for (const stage of introductionStages) {
      const ms = f[`stays_${stage}`] as number[] | null;
      if (!ms) continue;
      const lists = stays.get(stage);
      if (lists) lists.push(ms);
      else stays.set(stage, [ms]);
    }
  }
  return {
    counts: [...counts].map(([key, n]) => {
      const [stage, furthest] = key.split('|') as [IntroductionStage, string];
      return { stage, furthest: Number(furthest), n };
    }),
    stays: [...stays].map(([stage, lists]) => {
      // One typed array: it sorts numbers without a comparator (150,000 stays in a year at the
      // bench's size); days only at the end.
      const ms = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
      let at = 0;
      for (const l of lists) {
        ms.set(l, at);
        at += l.length;
      }
      ms.sort();
      return {
        stage,
        n: ms.length,
        meanDays: ms.reduce((a, b) => a + b, 0) / ms.length / DAY_MS,
        medianDays: percentileCont(ms, 0.5) / DAY_MS,
      };
    }),
  };
}

/** Cypher's `percentileCont` of sorted values (the same interpolation, so the same number). */
function percentileCont(sorted: Float64Array, p: number): number {
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  if (lo === hi) return a;
  const b = sorted[hi] as number;
  return a * (hi - at) + b * (at - lo);
}
