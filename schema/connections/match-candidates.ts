/**
 * The candidate pool of a need (`Need.matches`): the `pool` people with the best
 * 0.4 × fit + 0.15 × level + 0.15 × affinity (ties by id), read tier by tier so that a big field's
 * experts are not all read.
 *
 * Fit is the person's best expertise: by how far its field is from a needed field (1 the field itself,
 * 0.1 less per step narrower, at least 0.5; 0.6 the field just above), times 0.6 + 0.08 × expertise
 * level (1-5, 3 when not given). So each (field, expertise level) pair has one fit, and the pairs are
 * read best fit first through a relationship index (`readExpertTier`). A person's first tier is their
 * best. Level and affinity add at most 0.3, so once the pool is full and a tier's fit cannot lift
 * anyone above the pool's last score, no later tier can either: the reading stops there, with the
 * same pool a full ranking of every expert gives (test/api/match-candidates.int.test.ts).
 *
 * At 1M people a busy field has 125,000 experts; the bench's needs stop after the first tier
 * (670 experts). A need that ranks everyone alike (no levels, no places, all experts of one level)
 * still reads every tier.
 */

import type { ReadCypher } from '../../server/db/run.ts';
import { matchWeights } from './match-score.ts';
import {
  type FieldDistance,
  readCandidatePeople,
  readExpertTier,
  readFieldDistances,
  readHomeSchools,
} from './needs.cypher.ts';

export interface Candidate {
  e: Record<string, unknown>;
  fit: number;
  distance: number;
  level: number;
  affinity: number;
  updatedYear: number | null;
}

export interface CandidateAsk {
  id: string;
  levels: readonly string[];
  categories: readonly string[];
  places: readonly string[];
  pool: number;
}

const expertiseLevels = [1, 2, 3, 4, 5];

/** The fit of an expertise at `distance` from a needed field (-1: the field above) and `level`. */
function fitOf(distance: number, level: number): number {
  const closeness = distance < 0 ? 0.6 : Math.max(0.5, 1.0 - 0.1 * distance);
  return closeness * (0.6 + 0.08 * level);
}

/** The pool's ranking key: the match score's parts known before reach and recency (match-score.ts). */
const rankOf = (c: { fit: number; level: number; affinity: number }) =>
  matchWeights.fit * c.fit + matchWeights.level * c.level + matchWeights.affinity * c.affinity;

/** The smaller, the closer: a field below or at the needed one before the one above. */
const closeness = (distance: number) => (distance < 0 ? Number.MAX_SAFE_INTEGER : distance);

interface Tier {
  fit: number;
  pairs: { field: string; level: number; distance: number }[];
}

/** Every (field, expertise level) pair with its best fit, grouped by fit, best first. */
export function tiersOf(fields: readonly FieldDistance[]): Tier[] {
  const best = new Map<string, { field: string; level: number; distance: number; fit: number }>();
  for (const { field, distance } of fields) {
    for (const level of expertiseLevels) {
      const fit = fitOf(distance, level);
      const key = `${field}|${level}`;
      const had = best.get(key);
      if (
        !had ||
        fit > had.fit ||
        (fit === had.fit && closeness(distance) < closeness(had.distance))
      )
        best.set(key, { field, level, distance, fit });
    }
  }
  const tiers = new Map<number, Tier>();
  for (const { fit, ...pair } of best.values()) {
    const tier = tiers.get(fit) ?? { fit, pairs: [] };
    tier.pairs.push(pair);
    tiers.set(fit, tier);
  }
  return [...tiers.values()].sort((a, b) => b.fit - a.fit);
}

type Ranked = Omit<Candidate, 'e' | 'updatedYear'> & { id: string; rank: number };

const byRank = (a: Ranked, b: Ranked) =>
  b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function readCandidates(read: ReadCypher, ask: CandidateAsk): Promise<Candidate[]> {
  const [fields, homeSchools] = await Promise.all([
    readFieldDistances(read, ask.id),
    readHomeSchools(read, ask.places),
  ]);
  // What level and affinity can add at most: affinity needs a preferred place.
  const headroom = matchWeights.level + (ask.places.length ? matchWeights.affinity : 0);
  const ranked = new Map<string, Ranked>();
  for (const tier of tiersOf(fields)) {
    const last = ranked.size >= ask.pool ? [...ranked.values()].sort(byRank)[ask.pool - 1] : null;
    // Strictly below (with room for rounding): a tie with the last would be decided by id.
    if (last && matchWeights.fit * tier.fit + headroom < last.rank - 1e-9) break;
    const experts = await readExpertTier(read, {
      pairs: tier.pairs,
      levels: ask.levels,
      categories: ask.categories,
      places: ask.places,
      homeSchools,
    });
    const here = new Map<string, Ranked>();
    for (const x of experts) {
      if (ranked.has(x.id)) continue;
      const had = here.get(x.id);
      if (had && closeness(had.distance) <= closeness(x.distance)) continue;
      const candidate = { ...x, fit: tier.fit };
      here.set(x.id, { ...candidate, rank: rankOf(candidate) });
    }
    for (const [id, c] of here) ranked.set(id, c);
  }
  const pool = [...ranked.values()].sort(byRank).slice(0, ask.pool);
  const people = new Map(
    (
      await readCandidatePeople(
        read,
        pool.map((c) => c.id),
      )
    ).map((r) => [r.e.id as string, r]),
  );
  return pool.flatMap(({ id, rank: _rank, ...parts }) => {
    const person = people.get(id);
    return person ? [{ ...parts, e: person.e, updatedYear: person.updatedYear }] : [];
  });
}
