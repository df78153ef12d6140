import { describe, expect, it } from 'vitest';
import type { StageStat } from '../../api/fragments.ts';
import { currentBars, funnelBars, presetPeriod } from './report-data.ts';

const stat = (stage: StageStat['stage'], current: number, reached: number | null): StageStat => ({
  stage,
  current,
  reached,
  conversion: null,
  stays: 0,
  meanDays: null,
  medianDays: null,
});

describe('outcome report data', () => {
  const stages = [
    stat('proposed', 4, 10),
    stat('contacted', 3, 6),
    stat('signed', 1, 2),
    stat('declined', 2, null),
  ];
  const upper = (s: string) => s.toUpperCase();

  it('builds the funnel from the forward stages only', () => {
    expect(funnelBars(stages, upper)).toEqual([
      { key: 'proposed', label: 'PROPOSED', value: 10 },
      { key: 'contacted', label: 'CONTACTED', value: 6 },
      { key: 'signed', label: 'SIGNED', value: 2 },
    ]);
  });

  it('counts every stage now, closed ones included', () => {
    expect(currentBars(stages, upper).map((b) => [b.key, b.value])).toEqual([
      ['proposed', 4],
      ['contacted', 3],
      ['signed', 1],
      ['declined', 2],
    ]);
  });

  it('gives inclusive periods for the presets', () => {
    const today = new Date('2026-11-23T10:00:00Z');
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(presetPeriod('last90', today)).toEqual({ from: '2026-08-26', to: '2026-11-23' });
    expect(presetPeriod('last12m', today)).toEqual({ from: '2025-11-24', to: '2026-11-23' });
    expect(presetPeriod('last12m', new Date('2028-02-29T00:00:00Z')).from).toBe('2027-03-01');
    expect(presetPeriod('all', today).from).toBe('2000-01-01');
  });
});
