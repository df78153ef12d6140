import { describe, expect, it } from 'vitest';
import { assembleFunnel } from './funnel.ts';

describe('assembleFunnel', () => {
  it('counts current stages, reached stages, conversion, days per stage and credits', () => {
    const report = assembleFunnel({
      // landed after reaching landed (6); declined after contacted (1); signed (5); proposed (0).
      counts: [
        { stage: 'landed', furthest: 6, n: 1 },
        { stage: 'declined', furthest: 1, n: 1 },
        { stage: 'signed', furthest: 5, n: 1 },
        { stage: 'proposed', furthest: 0, n: 1 },
      ],
      stays: [
        { stage: 'proposed', n: 2, meanDays: 3, medianDays: 3 },
        { stage: 'signed', n: 1, meanDays: 10, medianDays: 10 },
      ],
      credits: [
        { cut: 'channel', key: 'wechat', name: 'wechat', signed: 1, landed: 1 },
        { cut: 'introducer', key: 'b', name: '乙', signed: 1, landed: 0 },
        { cut: 'introducer', key: 'a', name: '甲', signed: 0, landed: 1 },
        { cut: 'consultant', key: 'Person:a', name: '甲', signed: 0, landed: 1 },
      ],
    });
    expect(report.total).toBe(4);
    const of = (s: string) => report.stages.find((x) => x.stage === s)!;
    expect(of('proposed')).toMatchObject({ current: 1, reached: 4, conversion: 1, meanDays: 3 });
    expect(of('contacted')).toMatchObject({ current: 0, reached: 3, stays: 0, meanDays: null });
    expect(of('signed')).toMatchObject({ current: 1, reached: 2, conversion: 0.5, medianDays: 10 });
    expect(of('landed')).toMatchObject({ current: 1, reached: 1, meanDays: null });
    expect(of('declined')).toMatchObject({ current: 1, reached: null, conversion: null });
    // Landed first, then signed.
    expect(report.byIntroducer.map((a) => a.key)).toEqual(['a', 'b']);
    expect(report.byChannel).toEqual([{ key: 'wechat', name: 'wechat', signed: 1, landed: 1 }]);
    expect(report.byConsultant).toEqual([{ key: 'Person:a', name: '甲', signed: 0, landed: 1 }]);
    expect(report.byStation).toEqual([]);
  });

  it('reports nothing on no introductions', () => {
    const report = assembleFunnel({ counts: [], stays: [], credits: [] });
    expect(report.total).toBe(0);
    expect(report.stages.every((s) => s.conversion === null)).toBe(true);
  });
});
