import { describe, expect, it } from 'vitest';
import {
  adjustForOutreach,
  explainHop,
  type PathTie,
  scoreHop,
  scorePath,
} from './path-ranking.ts';

const knows = (over: Partial<PathTie> = {}): PathTie => ({
  type: 'KNOWS',
  kind: 'classmate',
  strength: 0.8,
  since: 2005,
  from: null,
  to: null,
  viaName: null,
  sourceId: 's1',
  verified: true,
  recordedYear: 2026,
  ...over,
});

describe('path ranking', () => {
  it('prefers strong, recent, verified ties', () => {
    const strong = scoreHop(knows(), 2026).weight;
    expect(scoreHop(knows({ strength: 0.4 }), 2026).weight).toBeLessThan(strong);
    expect(scoreHop(knows({ recordedYear: 2000 }), 2026).weight).toBeLessThan(strong);
    expect(scoreHop(knows({ verified: false }), 2026).weight).toBeLessThan(strong);
    expect(scoreHop(knows({ verified: false, sourceId: null }), 2026).weight).toBeLessThan(
      scoreHop(knows({ verified: false }), 2026).weight,
    );
  });

  it('prefers fewer hops at equal tie quality, and reports the weakest hop', () => {
    const two = scorePath([knows(), knows()], 2026);
    const three = scorePath([knows(), knows(), knows({ strength: 0.3 })], 2026);
    expect(two.score).toBeGreaterThan(three.score);
    expect(three).toMatchObject({ hops: 3, strength: 0.3 });
  });

  it('weighs a derived tie below an asserted one of default strength', () => {
    const derived: PathTie = {
      ...knows(),
      type: 'DERIVED_TIE',
      kind: 'colleague',
      strength: 0.35,
      from: 2010,
      to: 2018,
      viaName: '华为',
    };
    expect(scoreHop(derived, 2026).weight).toBeLessThan(
      scoreHop(knows({ strength: null, verified: false }), 2026).weight,
    );
  });

  it('explains hops in Chinese and English', () => {
    expect(explainHop(knows(), '华科校友名录', 'zh')).toBe(
      '同学（自2005年起），来源：华科校友名录（已核实）',
    );
    expect(explainHop(knows({ verified: false, sourceId: null }), null, 'en')).toBe(
      'classmates (since 2005), unsourced',
    );
    const derived: PathTie = {
      ...knows(),
      type: 'DERIVED_TIE',
      kind: 'colleague',
      from: 2010,
      to: 2018,
      viaName: '以岭药业',
    };
    expect(explainHop(derived, null, 'zh')).toBe('在以岭药业同事（2010–2018），由任职记录推断');
    expect(explainHop(derived, null, 'en')).toBe(
      'colleagues at 以岭药业 (2010–2018), derived from employment records',
    );
  });

  it('spares busy introducers and warms up people we have been talking to', () => {
    const base = scorePath([knows(), knows()], 2026);
    const signals = new Map([
      ['busy', { load: 3, interactions: 0 }],
      ['warm', { load: 0, interactions: 5 }],
      ['idle', { load: 0, interactions: 0 }],
    ]);
    const busy = adjustForOutreach(base, ['busy'], signals);
    const warm = adjustForOutreach(base, ['warm'], signals);
    const idle = adjustForOutreach(base, ['idle'], signals);
    expect(busy).toMatchObject({ introducerLoad: 3, outreachFactor: 0.7 });
    expect(busy.score).toBeCloseTo(base.score * 0.7);
    expect(warm).toMatchObject({ recentInteractions: 5 });
    expect(warm.outreachFactor).toBeCloseTo(1.3);
    expect(idle.score).toBe(base.score);
    expect(warm.score).toBeGreaterThan(idle.score);
    expect(idle.score).toBeGreaterThan(busy.score);
    // The busiest person anywhere on the path counts; the load never drops a path below half.
    expect(adjustForOutreach(base, ['idle', 'busy'], signals).introducerLoad).toBe(3);
    const swamped = new Map([['x', { load: 40, interactions: 0 }]]);
    expect(adjustForOutreach(base, ['x'], swamped).outreachFactor).toBe(0.5);
  });
});
