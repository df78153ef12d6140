import { describe, expect, it } from 'vitest';
import { funnelDayProps, sumFunnelDays } from './funnel-days.ts';

const DAY = 86_400_000;

describe('funnel days', () => {
  it('keep counts per current and furthest stage, and each ended stay sorted', () => {
    const day = funnelDayProps('team-a', [
      {
        stage: 'signed',
        furthest: 5,
        stayStages: ['proposed', 'contacted'],
        stayMillis: [3 * DAY, DAY],
      },
      { stage: 'contacted', furthest: 1, stayStages: ['proposed'], stayMillis: [DAY] },
      { stage: 'signed', furthest: 5, stayStages: [], stayMillis: [] },
    ]);
    expect(day).toEqual({
      teamId: 'team-a',
      counts: ['contacted|1', 'signed|5'],
      countNs: [1, 2],
      stays_proposed: [DAY, 3 * DAY],
      stays_contacted: [DAY],
    });
    expect(funnelDayProps(null, [])).toBeNull();
  });

  it('add days up: counts summed, mean and median (interpolated) over every stay', () => {
    const a = funnelDayProps(null, [
      { stage: 'proposed', furthest: 0, stayStages: [], stayMillis: [] },
      { stage: 'declined', furthest: 1, stayStages: ['proposed'], stayMillis: [DAY] },
    ]);
    const b = funnelDayProps('team-b', [
      { stage: 'proposed', furthest: 0, stayStages: [], stayMillis: [] },
      { stage: 'contacted', furthest: 1, stayStages: ['proposed'], stayMillis: [2 * DAY] },
      { stage: 'signed', furthest: 5, stayStages: ['proposed'], stayMillis: [10 * DAY] },
      { stage: 'signed', furthest: 5, stayStages: ['proposed'], stayMillis: [4 * DAY] },
    ]);
    const sum = sumFunnelDays([a as Record<string, unknown>, b as Record<string, unknown>]);
    expect(sum.counts).toEqual(
      expect.arrayContaining([
        { stage: 'proposed', furthest: 0, n: 2 },
        { stage: 'declined', furthest: 1, n: 1 },
        { stage: 'contacted', furthest: 1, n: 1 },
        { stage: 'signed', furthest: 5, n: 2 },
      ]),
    );
    expect(sum.counts).toHaveLength(4);
    // Stays 1, 2, 4, 10 days: mean 4.25, median between the middle two (as percentileCont(…, 0.5)).
    expect(sum.stays).toEqual([{ stage: 'proposed', n: 4, meanDays: 4.25, medianDays: 3 }]);
    expect(sumFunnelDays([])).toEqual({ counts: [], stays: [] });
  });
});
