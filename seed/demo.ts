import type { Logger } from 'pino';
import { rebuildDerivedTies } from '../schema/connections/derived-ties.ts';
import { rebuildIntroductionFacts } from '../schema/outreach/funnel-facts.ts';
import { rebuildPeopleFacts } from '../schema/person/current-facts.ts';
import type { Db } from '../server/db/run.ts';
import { DEFAULT_CONCURRENCY } from './cli-args.ts';
import { generateGraph } from './generate.ts';
import { loadGraph } from './load.ts';
import { onReferencePlaces } from './reference-places.ts';
import { STORY_PEOPLE } from './story-people.ts';

/** Generated people in the demo graph loaded by `npm start` into an empty database. */
const generatedPeople = 3000;
/** People in the demo graph: the generated ones and the headline story's (seed/story-people.ts). */
export const demoPeople = generatedPeople + STORY_PEOPLE.length;

/** True when the database holds nothing but what migrations wrote (their records, reference places). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.read(
    `MATCH (n) WHERE NOT n:Migration AND NOT coalesce(n.reference, false)
       AND NOT (n:Source AND n.createdBy = 'migration')
     RETURN 1 AS found LIMIT 1`,
  );
  return rows.length === 0;
}

/**
 * Loads the demo graph (fixed seed, so always the same graph), then derives its derived ties and the
 * people's maintained facts and counts.
 */
export async function loadDemo(db: Db, onProgress?: (line: string) => void) {
  const batches = await onReferencePlaces(
    db,
    generateGraph({ people: generatedPeople, story: true }),
  );
  // Two batches in flight, as `npm run seed` writes: the generator and Neo4j's two cores keep busy
  // (profiled: ~48 s of Neo4j CPU and ~9 s of Node CPU for the demo graph, so one writer idles a core).
  const loaded = await loadGraph(db.driver, batches, {
    concurrency: DEFAULT_CONCURRENCY,
    onProgress:
      onProgress && ((p) => onProgress(`${p.label}: ${p.done} rows (${Math.round(p.rate)}/s)`)),
  });
  const derivedTies = await rebuildDerivedTies(db.driver, {
    onProgress: onProgress && ((kind, pairs) => onProgress(`derived ties (${kind}): ${pairs}`)),
  });
  await rebuildPeopleFacts(db);
  // The introductions' funnel facts, from the stage moves the demo writes with them.
  await rebuildIntroductionFacts(db);
  return { ...loaded, derivedTies };
}

/** Loads the demo graph into an empty database, with a progress line every few seconds; leaves a database with data alone. */
export async function seedDemoIfEmpty(db: Db, logger: Logger): Promise<void> {
  if (!(await isEmpty(db))) return;
  logger.info({ people: demoPeople }, 'empty database: loading the demo graph (invented people)');
  const started = performance.now();
  let lastReport = started;
  const result = await loadDemo(db, (line) => {
    const now = performance.now();
    if (now - lastReport < 3000) return;
    lastReport = now;
    logger.info(`demo graph: ${line}, ${Math.round((now - started) / 1000)} s so far`);
  });
  logger.info(result, 'demo graph loaded');
}
