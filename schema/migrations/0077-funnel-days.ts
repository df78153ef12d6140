// The outcome report's counts and stays per day of creation and team (schema/outreach/funnel-days.ts):
// found by key when a write recomputes a day, by day when a report reads a period. Counted once here,
// with the introductions' facts (now with their introducer's and event's ids, funnel-facts.ts), for
// the introductions recorded before.
import type { Db } from '../../server/db/run.ts';
import { rebuildIntroductionFacts } from '../outreach/funnel-facts.ts';

export async function up(db: Db): Promise<void> {
  await db.autoCommit(
    'CREATE CONSTRAINT funnel_day_key IF NOT EXISTS FOR (d:FunnelDay) REQUIRE d.key IS UNIQUE',
  );
  await db.autoCommit('CREATE INDEX funnel_day_day IF NOT EXISTS FOR (d:FunnelDay) ON (d.day)');
  await db.autoCommit('CALL db.awaitIndexes(300)');
  await rebuildIntroductionFacts(db);
}
