/**
 * Keeps the demo's years believable where the plans leave them loose, without drawing anything (so
 * the rest of the graph stays as generated): degrees at the ages people take them, and acquaintances
 * that start once both people are old enough.
 */
import type { Study } from './education.ts';

/** Oldest age at which each degree ends (a bachelor's at ~18–22, a master's ~22–25, a PhD ~24–30). */
const degreeEndAge = { bachelor: 23, master: 26, phd: 30, postdoc: 33, other: 33 } as const;
/** Youngest age at which each degree starts. */
const degreeStartAge = {
  bachelor: 17,
  master: 21,
  phd: 22,
  postdoc: 24,
  other: 17,
} as const;
/** Shortest a degree lasts once squeezed into its ages. */
const minYears = { bachelor: 4, master: 2, phd: 3, postdoc: 1, other: 1 } as const;
/** Age from which people count as acquaintances (classmates, colleagues, friends). */
const acquaintanceAge = 16;

/**
 * The degrees with their years moved earlier or shortened so each ends by its `degreeEndAge`, in
 * order and without overlap. Years only move earlier, so whatever followed a degree still follows
 * it. A degree under way (no end year) keeps no end year.
 */
export function plausibleStudies(studies: readonly Study[], birthYear: number): Study[] {
  let previousEnd = Number.NEGATIVE_INFINITY;
  return studies.map((s) => {
    const latestEnd = birthYear + degreeEndAge[s.degree];
    const length = (s.to ?? s.from) - s.from;
    const years = Math.min(length, Math.max(minYears[s.degree], latestEnd - s.from));
    const from = Math.max(
      previousEnd,
      birthYear + degreeStartAge[s.degree],
      Math.min(s.from, latestEnd - years),
    );
    const fitted = s.to === undefined ? { ...s, from } : { ...s, from, to: from + years };
    previousEnd = fitted.to ?? from;
    return fitted;
  });
}

/**
 * The first year of an acquaintance: no earlier than both were `acquaintanceAge` (family: than both
 * were born), and no later than `nowYear`.
 */
export function plausibleSince(
  since: number,
  birthYears: readonly [number, number],
  family: boolean,
  nowYear: number,
): number {
  const youngest = Math.max(...birthYears);
  return Math.min(nowYear, Math.max(since, youngest + (family ? 0 : acquaintanceAge)));
}
