/**
 * What every generator module shares during one run: the seeded random streams, the id factory, the
 * output buffer and the seed Source.
 */
import type { BatchBuffer } from './batch-buffer.ts';
import { ulidFactory } from './ids.ts';
import { Random } from './random.ts';

/** Shared state of one generation run. */
export class SeedContext {
  /** Draws for the data itself. */
  readonly random: Random;
  /** A separate stream for ids, so ids never shift the data draws. */
  private readonly idFor: (timeMs: number) => string;
  /** Filled in once the Source node exists. */
  sourceId = '';

  constructor(
    seed: number,
    readonly out: BatchBuffer,
  ) {
    this.random = new Random(seed);
    this.idFor = ulidFactory(new Random(seed ^ 0x5eed1d5));
  }

  /** A ULID whose time part is `timeMs`. */
  id(timeMs: number): string {
    return this.idFor(timeMs);
  }

  /** The common properties of a tie recorded at `recordedAt` (ms), from the seed Source. */
  tie(recordedAtMs: number, recordedAt: string, verified: boolean, confidence?: number) {
    return { id: this.id(recordedAtMs), sourceId: this.sourceId, recordedAt, verified, confidence };
  }
}
