// Computes every person's maintained facts and the people counts (schema/person/current-facts.ts)
// once, for a database that was filled before they existed.
import type { Db } from '../../server/db/run.ts';
import { rebuildPeopleFacts } from '../person/current-facts.ts';

export async function up(db: Db): Promise<void> {
  await rebuildPeopleFacts(db);
}
