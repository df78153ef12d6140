import { describe, expect, it } from 'vitest';
import { type FunnelRow, summariseFunnel } from './funnel.ts';

const DAY = 86_400_000;
const row = (
  stage: FunnelRow['stage'],
  moves: [FunnelRow['stage'], number][],
  extra: Partial<FunnelRow> = {},
): FunnelRow => ({
  stage,
  moves: moves.map(([to, day]) => ({ to, at: day * DAY })),
  introducer: null,
  event: null,
  channel: null,
  ...extra,
});

describe('summariseFunnel', () => {
  it('counts current stages, reached stages, conversion and mean days per stage', () => {
    const a = { id: 'a', name: '甲' };
    const report = summariseFunnel([
      row(
        'landed',
        [
          ['proposed', 0],
          ['contacted', 2],
          ['interested', 6],
          ['negotiating', 10],
          ['signed', 20],
          ['landed', 30],
        ],
        { introducer: a, channel: 'wechat' },
      ),
      row(
        'declined',
        [
          ['proposed', 0],
          ['contacted', 4],
          ['declined', 5],
        ],
        { introducer: a },
      ),
      row('signed', [], { channel: 'wechat' }),
      row('proposed', []),
    ]);
    expect(report.total).toBe(4);
    const of = (s: string) => report.stages.find((x) => x.stage === s)!;
    expect(of('proposed')).toMatchObject({ current: 1, reached: 4, conversion: 1, meanDays: 3 });
    expect(of('contacted')).toMatchObject({ reached: 3, meanDays: 2.5 });
    expect(of('signed')).toMatchObject({ current: 1, reached: 2, conversion: 0.5, meanDays: 10 });
    expect(of('landed')).toMatchObject({ current: 1, reached: 1, meanDays: null });
    expect(of('declined')).toMatchObject({ current: 1, reached: null, conversion: null });
    expect(report.byIntroducer).toEqual([{ key: 'a', name: '甲', signed: 0, landed: 1 }]);
    expect(report.byChannel).toEqual([{ key: 'wechat', name: 'wechat', signed: 1, landed: 1 }]);
  });

  it('reports nothing on no introductions', () => {
    const report = summariseFunnel([]);
    expect(report.total).toBe(0);
    expect(report.stages.every((s) => s.conversion === null)).toBe(true);
  });
});
