import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { ulidFactory } from './ids.ts';
import { Random, Weighted } from './random.ts';

describe('Random', () => {
  it('repeats its sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('keeps draws within bounds', () => {
    const r = new Random(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      const b = r.bell(1950, 2000);
      expect(b >= 1950 && b <= 2000).toBe(true);
    }
  });

  it('draws weighted items in proportion and never a zero weight', () => {
    const r = new Random(2);
    const table = new Weighted([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.pick(r)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });
});

describe('ulidFactory', () => {
  it('makes valid, deterministic ULIDs carrying the given time', () => {
    const time = Date.UTC(2024, 10, 23);
    const a = ulidFactory(new Random(9));
    const b = ulidFactory(new Random(9));
    const ids = Array.from({ length: 1000 }, () => a(time));
    expect(Array.from({ length: 1000 }, () => b(time))).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(isValid(id)).toBe(true);
      expect(decodeTime(id)).toBe(time);
    }
  });
});
