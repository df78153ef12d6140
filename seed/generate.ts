/**
 * The deterministic demo-graph generator: the same seed and size always give the same batches, byte
 * for byte (ids included). It streams: reference data first, then people in chunks of `batchSize`,
 * each person's ties right after them, so memory stays bounded at a million people.
 */
import { buildActivities } from './activities.ts';
import { BatchBuffer } from './batch-buffer.ts';
import { buildCatalog } from './catalog.ts';
import { Choosers } from './choosers.ts';
import { SeedContext } from './context.ts';
import { ExpertisePicker } from './expertise.ts';
import type { SeedBatch } from './model.ts';
import { PeopleGenerator } from './people.ts';
import { STORY_PEOPLE } from './story-people.ts';

export type { SeedBatch } from './model.ts';

/** `demo` is 3,000 people; a number is that many people. */
export type SeedSize = 'demo' | number;

/** People in the `demo` size. */
const DEMO_PEOPLE = 3000;
/** The seed used when none is given (the demo graph everyone sees). */
export const DEFAULT_SEED = 20241123;
/** Rows per batch when none is given: one write transaction each. */
export const DEFAULT_BATCH_SIZE = 5000;

/** The number of people for a size. */
export function peopleFor(size: SeedSize): number {
  return size === 'demo' ? DEMO_PEOPLE : size;
}

/**
 * Yields the demo graph as batches of rows: nodes of one label or ties of one type, each tie batch
 * after the nodes it connects. Rows carry the common properties of schema/MODEL.md, dates as ISO
 * strings (the loader converts them).
 */
export function* generateGraph(opts: {
  people: number;
  seed?: number;
  batchSize?: number;
  /** Add the headline story's people (seed/story-people.ts) after the others: the demo does. */
  story?: boolean;
}): Generator<SeedBatch> {
  const { people } = opts;
  if (!Number.isInteger(people) || people < 0)
    throw new Error(`people must be a whole number >= 0, got ${people}`);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batchSize must be a whole number >= 1, got ${batchSize}`);

  const out = new BatchBuffer(batchSize);
  const ctx = new SeedContext(opts.seed ?? DEFAULT_SEED, out);
  const catalog = buildCatalog(ctx);
  const choosers = new Choosers(catalog);
  const expertise = new ExpertisePicker(catalog);
  const activities = buildActivities(ctx, catalog, choosers, expertise, people);
  yield* out.take(true);

  const generator = new PeopleGenerator(ctx, catalog, choosers, expertise, activities, people);
  for (let i = 0; i < people; i++) {
    generator.generate(i);
    // One chunk of people per batch size: release their nodes, then the ties waiting for them.
    if ((i + 1) % batchSize === 0) out.barrier();
    if (i % 256 === 255) yield* out.take();
  }
  if (opts.story) {
    for (const [k, story] of STORY_PEOPLE.entries()) generator.generateStory(people + k, story);
  }
  out.barrier();
  generator.finish();
  yield* out.take(true);
}
