/**
 * How well a person fits a need, in parts a staff member can read:
 * - fit: expertise in the needed fields (computed in the candidate query, needs.graphql.ts);
 * - level: the person's talent level or category is among those asked for (1), or nothing was asked (1);
 * - affinity: reasons to come back — born in (1) or studied in (0.8) one of the preferred places;
 * - reach: the best introduction path score from our side (0 when none within 3 hops);
 * - recency: how recently the person's record was updated (1 this year, down to 0.5).
 */
export interface MatchParts {
  fit: number;
  level: number;
  affinity: number;
  reach: number;
  recency: number;
}

export const matchWeights: MatchParts = {
  fit: 0.4,
  level: 0.15,
  affinity: 0.15,
  reach: 0.2,
  recency: 0.1,
};

export function matchScore(parts: MatchParts): number {
  return (Object.keys(matchWeights) as (keyof MatchParts)[]).reduce(
    (sum, key) => sum + matchWeights[key] * parts[key],
    0,
  );
}

export function recencyOf(updatedYear: number | null, now = new Date().getUTCFullYear()): number {
  if (updatedYear == null) return 0.5;
  return Math.max(0.5, 1 - Math.max(0, now - updatedYear) / 20);
}
