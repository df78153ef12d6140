/**
 * Deterministic ULIDs for seeded data: the time part is the entity's creation time, the random part
 * comes from a seeded generator, so the same seed always gives the same ids.
 */
import { encodeTime } from 'ulid';
import type { Random } from './random.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Returns a function making a ULID for a time in epoch milliseconds. The 80 random bits are drawn
 * from `random` directly (three 32-bit draws) instead of through the ulid package's 16 float draws,
 * which keeps id generation cheap at tens of millions of ids.
 */
export function ulidFactory(random: Random): (timeMs: number) => string {
  let lastTime = -1;
  let lastTimePart = '';
  return (timeMs: number): string => {
    if (timeMs !== lastTime) {
      lastTime = timeMs;
      lastTimePart = encodeTime(timeMs, 10);
    }
    let out = lastTimePart;
    for (let word = 0; word < 3; word++) {
      let bits = random.uint32();
      // 6 + 6 + 4 characters of 5 bits each = 80 bits
      const chars = word < 2 ? 6 : 4;
      for (let i = 0; i < chars; i++) {
        out += CROCKFORD[bits & 31];
        bits >>>= 5;
      }
    }
    return out;
  };
}
