import { describe, expect, it } from 'vitest';
import type { Study } from './education.ts';
import { plausibleSince, plausibleStudies } from './plausible-years.ts';
import { Random } from './random.ts';
import { stageHistory } from './stage-history.ts';

const study = (degree: Study['degree'], from: number, to?: number) =>
  ({ degree, from, to, major: 'x', abroad: false }) as unknown as Study;

describe('plausible demo years', () => {
  it('moves a late PhD earlier so it ends by 30, keeping the order of the degrees', () => {
    // Born 1950: bachelor 1968-72, master 1975-78, PhD 1976-81 as planned (PhD ending at 31).
    const fitted = plausibleStudies(
      [study('bachelor', 1968, 1972), study('master', 1975, 1978), study('phd', 1978, 1983)],
      1950,
    );
    expect(fitted.map((s) => [s.degree, s.from, s.to])).toEqual([
      ['bachelor', 1968, 1972],
      ['master', 1974, 1976],
      ['phd', 1977, 1980],
    ]);
  });

  it('leaves plausible degrees and a degree under way alone', () => {
    const planned = [study('bachelor', 2001, 2005), study('phd', 2005)];
    expect(plausibleStudies(planned, 1983)).toEqual(planned);
  });

  it('starts acquaintances once both are 16 (family from birth), never after now', () => {
    expect(plausibleSince(1961, [1955, 1990], false, 2024)).toBe(2006);
    expect(plausibleSince(1961, [1955, 1990], true, 2024)).toBe(1990);
    expect(plausibleSince(2030, [1955, 1990], false, 2024)).toBe(2024);
    expect(plausibleSince(2010, [1955, 1960], false, 2024)).toBe(2010);
  });

  it('moves an introduction along allowed stages, a day or more apart, before now', () => {
    const random = new Random(1);
    const created = Date.UTC(2024, 0, 10);
    const now = Date.UTC(2024, 10, 23);
    for (const stage of ['landed', 'declined', 'dormant', 'visited'] as const) {
      const steps = stageHistory(random, stage, created, now);
      expect(steps[0]).toEqual({ from: null, to: 'proposed', atMs: created });
      expect(steps[steps.length - 1]?.to).toBe(stage);
      for (let k = 1; k < steps.length; k++) {
        expect(steps[k]?.from).toBe(steps[k - 1]?.to);
        expect((steps[k]?.atMs ?? 0) - (steps[k - 1]?.atMs ?? 0)).toBeGreaterThanOrEqual(
          86_400_000,
        );
      }
      expect(steps[steps.length - 1]?.atMs).toBeLessThan(now);
    }
    // Created two days before now: no time to land, so it stops where time ran out.
    const late = stageHistory(random, 'landed', now - 2 * 86_400_000, now);
    expect(late.map((s) => s.to)).toEqual(['proposed', 'contacted']);
  });
});
