import type { Logger } from 'pino';
import { rebuildDerivedTies } from '../schema/connections/derived-ties.ts';
import type { Db } from '../server/db/run.ts';
import { generateGraph } from './generate.ts';
import { loadGraph } from './load.ts';
import { onReferencePlaces } from './reference-places.ts';

/** People in the demo graph loaded by `npm start` into an empty database. */
export const demoPeople = 3000;

/** True when the database holds nothing but what migrations wrote (their records, reference places). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.read(
    `MATCH (n) WHERE NOT n:Migration AND NOT coalesce(n.reference, false)
       AND NOT (n:Source AND n.createdBy = 'migration')
     RETURN 1 AS found LIMIT 1`,
  );
  return rows.length === 0;
}

/** Loads the demo graph (fixed seed, so always the same graph), then derives its derived ties. */
export async function loadDemo(db: Db, onProgress?: (line: string) => void) {
  const batches = await onReferencePlaces(db, generateGraph({ people: demoPeople }));
  const loaded = await loadGraph(db.driver, batches, {
    onProgress:
      onProgress && ((p) => onProgress(`${p.label}: ${p.done} rows (${Math.round(p.rate)}/s)`)),
  });
  const derivedTies = await rebuildDerivedTies(db.driver);
  return { ...loaded, derivedTies };
}

/** Loads the demo graph into an empty database; leaves a database with data alone. */
export async function seedDemoIfEmpty(db: Db, logger: Logger): Promise<void> {
  if (!(await isEmpty(db))) return;
  logger.info({ people: demoPeople }, 'empty database: loading the demo graph (invented people)');
  const result = await loadDemo(db);
  logger.info(result, 'demo graph loaded');
}
