/**
 * Ranking the people who fit a need (`Need.matches`): candidates ranked on fit, level and affinity
 * (match-candidates.ts), then reach from our side and recency added for the best pool. Takes a
 * reader, so the bench runs the same statements straight on the driver as its baseline.
 */

import type { ReadCypher } from '../../server/db/run.ts';
import { type Entity, toEntity } from '../entity/entity.model.ts';
import { readCandidates } from './match-candidates.ts';
import { type MatchParts, matchScore, recencyOf } from './match-score.ts';
import { type Need, readReachPaths } from './needs.cypher.ts';
import { scorePath } from './path-ranking.ts';

export interface Match {
  person: Entity;
  score: number;
  parts: MatchParts;
  bestFieldDistance: number;
  reachHops: number | null;
}

/** The best path score (and its hops) from our side to each target within 3 hops. */
async function bestReach(
  read: ReadCypher,
  from: readonly string[],
  targets: readonly string[],
): Promise<Map<string, { score: number; hops: number }>> {
  const reach = new Map<string, { score: number; hops: number }>();
  const paths = await readReachPaths(read, from, targets);
  for (const path of paths) {
    const ties = path.ties.map((t) => ({
      ...t,
      recordedYear: t.recordedAt ? Number(t.recordedAt.slice(0, 4)) : null,
    }));
    const score = scorePath(ties);
    const best = reach.get(path.target);
    if (!best || score.score > best.score)
      reach.set(path.target, { score: score.score, hops: ties.length });
  }
  return reach;
}

/** The `first` best matches of `need`, reach measured from `from` (our ids; none: no reach part). */
export async function rankMatches(
  read: ReadCypher,
  need: Pick<Need, 'id' | 'levels' | 'categories' | 'placeIds'>,
  from: readonly string[],
  first: number,
): Promise<Match[]> {
  const pool = Math.min(200, first * 5);
  const rows = await readCandidates(read, {
    id: need.id,
    levels: need.levels,
    categories: need.categories,
    places: need.placeIds,
    pool,
  });
  const reach = from.length
    ? await bestReach(
        read,
        from,
        rows.map((r) => r.e.id as string),
      )
    : new Map();
  const matches = rows.map((row): Match => {
    const person = toEntity('Person', row.e);
    const r = reach.get(person.id);
    const parts: MatchParts = {
      fit: Math.min(1, row.fit),
      level: row.level,
      affinity: row.affinity,
      reach: r ? Math.min(1, r.score / 0.8) : 0,
      recency: recencyOf(row.updatedYear),
    };
    return {
      person,
      parts,
      score: matchScore(parts),
      bestFieldDistance: row.distance,
      reachHops: r?.hops ?? null,
    };
  });
  return matches
    .sort((a, b) => b.score - a.score || a.person.id.localeCompare(b.person.id))
    .slice(0, first);
}
