import { describe, expect, it } from 'vitest';
import { matchScore, recencyOf } from './match-score.ts';

describe('match score', () => {
  it('weighs the parts to a total between 0 and 1', () => {
    expect(matchScore({ fit: 1, level: 1, affinity: 1, reach: 1, recency: 1 })).toBeCloseTo(1);
    expect(matchScore({ fit: 1, level: 0, affinity: 0, reach: 0, recency: 0 })).toBeCloseTo(0.4);
  });

  it('decays recency over twenty years, never below half', () => {
    expect(recencyOf(2026, 2026)).toBe(1);
    expect(recencyOf(2016, 2026)).toBeCloseTo(0.5);
    expect(recencyOf(null, 2026)).toBe(0.5);
  });
});
