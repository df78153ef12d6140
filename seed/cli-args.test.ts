import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './cli-args.ts';

describe('parseSeedArgs', () => {
  it('defaults to the demo size, the default seed and no wipe', () => {
    expect(parseSeedArgs([])).toEqual({
      size: 'demo',
      people: 3000,
      seed: 20241123,
      wipe: false,
      batchSize: 5000,
      concurrency: 2,
    });
  });

  it('reads sizes with k and m suffixes', () => {
    expect(parseSeedArgs(['--size', '100k']).people).toBe(100_000);
    expect(parseSeedArgs(['--size', '1m']).people).toBe(1_000_000);
    expect(parseSeedArgs(['--size', '2.5k']).people).toBe(2500);
    expect(parseSeedArgs(['--size', '42']).people).toBe(42);
  });

  it('reads seed, wipe and batch size', () => {
    expect(
      parseSeedArgs([
        '--size',
        'demo',
        '--seed',
        '7',
        '--wipe',
        '--batch-size',
        '10000',
        '--concurrency',
        '3',
      ]),
    ).toEqual({
      size: 'demo',
      people: 3000,
      seed: 7,
      wipe: true,
      batchSize: 10_000,
      concurrency: 3,
    });
  });

  it('rejects bad input', () => {
    expect(() => parseSeedArgs(['--size', 'lots'])).toThrow(/--size/);
    expect(() => parseSeedArgs(['--size', '0'])).toThrow(/at least 1/);
    expect(() => parseSeedArgs(['--seed', '-1'])).toThrow(/--seed/);
    expect(() => parseSeedArgs(['--batch-size', '0'])).toThrow(/--batch-size/);
    expect(() => parseSeedArgs(['--concurrency', '0'])).toThrow(/--concurrency/);
    expect(() => parseSeedArgs(['--sise', 'demo'])).toThrow();
  });
});
