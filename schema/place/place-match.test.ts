import { describe, expect, it } from 'vitest';
import { PlaceMatcher } from './place-match.ts';
import { referencePlaces } from './reference-places.ts';

/** The reference places as the migration writes them (ids = codes), children listed before parents. */
function matcher(): PlaceMatcher {
  return new PlaceMatcher(
    referencePlaces()
      .reverse()
      .map((p) => ({ ...p, id: p.code, parentId: p.parentCode })),
  );
}

describe('place matcher over the reference places', () => {
  const m = matcher();
  it('matches a city a dataset puts straight under its country', () => {
    // LDBC SNB: Beijing and Wuhan are cities part of China, with no province between.
    expect(m.find({ name: 'Beijing', kind: 'city' }, 'CN')).toBe('110100');
    expect(m.find({ name: 'Wuhan', kind: 'city' }, 'CN')).toBe('420100');
    expect(m.find({ name: '武汉', kind: 'city' }, 'CN')).toBe('420100');
  });

  it('still prefers a direct child, and leaves namesakes deeper down unmatched', () => {
    expect(m.find({ name: '北京', kind: 'city' }, '110000')).toBe('110100');
    // 朝阳区 is a district of Beijing and of Changchun: neither is guessed.
    expect(m.find({ name: '朝阳区', kind: 'district' }, 'CN')).toBeNull();
    expect(m.find({ name: 'Beijing', kind: 'city' }, 'US')).toBeNull();
  });
});
