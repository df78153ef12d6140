import { describe, expect, it } from 'vitest';
import { careerAxis } from './timeline.ts';

describe('careerAxis', () => {
  const spells = [
    { id: 'bsc', startYear: 1988, endYear: 1992, current: false },
    { id: 'job', startYear: 2010, endYear: null, current: true },
    { id: 'nodate', startYear: null, endYear: null, current: false },
  ];

  it('spans from the first year (rounded to five) to this year when a spell is ongoing', () => {
    const axis = careerAxis(spells, 2026)!;
    expect(axis.from).toBe(1985);
    expect(axis.to).toBe(2026);
    expect(axis.ticks.map((t) => t.year)).toEqual([1990, 2000, 2010, 2020]);
  });

  it('places bars in proportion and drops spells without years', () => {
    const axis = careerAxis(spells, 2026)!;
    expect(axis.bars.map((b) => b.id)).toEqual(['bsc', 'job']);
    const [bsc, job] = axis.bars;
    expect(bsc!.left).toBeCloseTo((3 / 41) * 100, 5);
    expect(bsc!.width).toBeCloseTo((4 / 41) * 100, 5);
    expect(job!.left + job!.width).toBeCloseTo(100, 5);
    expect(job!.open).toBe(false);
  });

  it('nothing to draw without any year', () => {
    expect(
      careerAxis([{ id: 'x', startYear: null, endYear: null, current: true }], 2026),
    ).toBeNull();
  });
});
