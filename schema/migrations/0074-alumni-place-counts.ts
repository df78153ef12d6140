// Recomputes the people facts and counts once more, for databases filled before the facts held the
// provinces and countries people live in and the counts held where each school's alumni live
// (schema/person/people-counts.ts, `alumniPlaceFacets`). A database whose counted people all have
// them (0071 ran with this code, or nobody is counted yet) is left as it is.
import type { Db } from '../../server/db/run.ts';
import { rebuildPeopleFacts } from '../person/current-facts.ts';

export async function up(db: Db): Promise<void> {
  const stale = await db.read(
    `MATCH (n:Person) WHERE n.countedCategories IS NOT NULL AND n.nowProvinceIds IS NULL
     RETURN n.id LIMIT 1`,
  );
  if (stale.length) await rebuildPeopleFacts(db);
}
