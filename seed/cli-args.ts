/**
 * Command-line arguments of `npm run seed`, parsed apart from the command so they can be tested.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_BATCH_SIZE, DEFAULT_SEED, peopleFor, type SeedSize } from './generate.ts';

/** The parsed command line of `npm run seed`. */
export interface SeedArgs {
  size: SeedSize;
  people: number;
  seed: number;
  wipe: boolean;
  batchSize: number;
  /** Batches written at once (see loadGraph). */
  concurrency: number;
}

/** Two writers keep a small machine's cores busy; more rarely helps and raises lock contention. */
export const DEFAULT_CONCURRENCY = 2;

/** Printed with any argument error. */
export const USAGE =
  'usage: npm run seed -- --size demo|N [--seed S] [--wipe] [--batch-size B] [--concurrency C]\n' +
  "  N may use k or m (100k, 1m). Loads into the app's database: NEO4J_URI if set, else the local Neo4j below DATA_DIR\n" +
  '  (the one the running server started, if any).';

/** Parses `argv` (without node and script); throws an Error with a readable message on bad input. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      wipe: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const size = parseSize(values.size ?? 'demo');
  return {
    size,
    people: peopleFor(size),
    seed: values.seed === undefined ? DEFAULT_SEED : parseWhole(values.seed, '--seed'),
    wipe: values.wipe ?? false,
    batchSize:
      values['batch-size'] === undefined
        ? DEFAULT_BATCH_SIZE
        : parseWhole(values['batch-size'], '--batch-size', 1),
    concurrency:
      values.concurrency === undefined
        ? DEFAULT_CONCURRENCY
        : parseWhole(values.concurrency, '--concurrency', 1),
  };
}

function parseSize(text: string): SeedSize {
  if (text === 'demo') return 'demo';
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match)
    throw new Error(
      `--size must be "demo" or a number of people (e.g. 3000, 100k, 1m), got "${text}"`,
    );
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[
    (match[2] ?? '').toLowerCase() as '' | 'k' | 'm'
  ];
  const people = Math.round(Number(match[1]) * factor);
  if (people < 1) throw new Error('--size must be at least 1 person');
  return people;
}

function parseWhole(text: string, name: string, min = 0): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new Error(`${name} must be a whole number >= ${min}, got "${text}"`);
  }
  return Number(text);
}
