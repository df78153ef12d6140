// Computes the outcome report's facts of every introduction (schema/outreach/funnel-facts.ts) once,
// for introductions recorded before they were kept.
import type { Db } from '../../server/db/run.ts';
import { rebuildIntroductionFacts } from '../outreach/funnel-facts.ts';

export async function up(db: Db): Promise<void> {
  await rebuildIntroductionFacts(db);
}
