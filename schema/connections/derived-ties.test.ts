import { describe, expect, it } from 'vitest';
import { derivedStrength, pairsInGroup } from './derived-ties.ts';

describe('pairsInGroup', () => {
  it('links people whose years overlap and not those whose years do not', () => {
    const pairs = pairsInGroup([
      { person: 'a', from: 2005, to: 2009 },
      { person: 'b', from: 2007, to: 2012 },
      { person: 'c', from: 2013, to: null },
    ]);
    expect(pairs).toEqual([{ a: 'a', b: 'b', from: 2007, to: 2009 }]);
  });

  it('treats open ends as still there', () => {
    expect(
      pairsInGroup([
        { person: 'x', from: 2010, to: null },
        { person: 'y', from: 2020, to: null },
      ]),
    ).toEqual([{ a: 'x', b: 'y', from: 2020, to: null }]);
  });

  it('links each person to at most k nearest overlapping people', () => {
    const members = Array.from({ length: 50 }, (_, i) => ({
      person: `p${String(i).padStart(2, '0')}`,
      from: 2000,
      to: 2010,
    }));
    const pairs = pairsInGroup(members, 3);
    const degree = new Map<string, number>();
    for (const p of pairs)
      for (const end of [p.a, p.b]) degree.set(end, (degree.get(end) ?? 0) + 1);
    expect(Math.max(...degree.values())).toBeLessThanOrEqual(6);
    expect(pairs.length).toBeLessThan(50 * 3);
  });

  it('does not link a person to themself (two stints at one employer)', () => {
    expect(
      pairsInGroup([
        { person: 'a', from: 2000, to: 2005 },
        { person: 'a', from: 2004, to: 2008 },
      ]),
    ).toEqual([]);
  });
});

describe('derivedStrength', () => {
  it('weighs less than a typical asserted tie, a little more for long overlaps', () => {
    expect(derivedStrength('colleague', 2010, 2011)).toBeCloseTo(0.35);
    expect(derivedStrength('colleague', 2010, 2015)).toBeCloseTo(0.45);
    expect(derivedStrength('association', null, null)).toBeCloseTo(0.2);
  });
});
