import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { monotonicUlid, ulid } from './ids.ts';

describe('ids', () => {
  it('makes valid, distinct ULIDs of the time given, with every random character in use', () => {
    const ids = Array.from({ length: 5000 }, () => ulid());
    expect(ids.every(isValid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The random part draws from all 32 characters (a biased pool would leave some out).
    expect(new Set(ids.flatMap((id) => [...id.slice(10)])).size).toBe(32);
    const at = Date.UTC(2019, 2, 1);
    expect(decodeTime(ulid(at))).toBe(at);
  });

  it('keeps bulk ids in the order they were made', () => {
    const next = monotonicUlid();
    const ids = Array.from({ length: 2000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
