import type { CursorKey } from '../shared/connection.ts';
import { categoryLabels } from './current-facts.ts';
import type { PeopleSummary } from './people-facets.ts';
import type { CypherPart } from './person-filter.ts';

/** How many people a page plan reads, roughly: the cheapest plan is chosen. */
interface Plan {
  cost: number;
  part: CypherPart;
}

/**
 * How to read one page of a counted cohort (one city and/or one category), chosen from its counts:
 * - walk the name (or id) index in page order and keep the cohort's people: about
 *   `page × everyone / cohort` people read, cheap for a large cohort (half of Wuhan: a few hundred);
 * - read the people of the category by its label, or the residents of the city, and sort them: cheap
 *   for a small category or city.
 * Every plan binds `n` to exactly the cohort's people (their maintained facts say so, see
 * current-facts.ts), so the page is the same whichever is chosen. Null when no plan fits (another
 * order with neither a city nor a category): the caller uses the filter's own query.
 */
export function planCohortPage(
  summary: Pick<PeopleSummary, 'counts' | 'total'>,
  order: { key: string },
  pageSize: number,
  after: CursorKey | null,
): CypherPart | null {
  const { counts, total } = summary;
  if (!counts) return null;
  if (total === 0) return { cypher: 'MATCH (n:Person) WHERE false', params: {} };
  const { cell } = counts;
  const label = cell.category
    ? categoryLabels[cell.category as keyof typeof categoryLabels]
    : undefined;
  if (cell.category && !label) return null;
  const params = { city: cell.city };
  const inCohort = (byLabel: boolean) =>
    [
      'NOT n.deleted',
      ...(label && !byLabel ? [`n:${label}`] : []),
      ...(cell.city ? ['$city IN n.nowCityIds'] : []),
    ].join(' AND ');
  const plans: Plan[] = [];
  const indexed = order.key === 'n.name' ? 'name' : order.key === 'n.id' ? 'id' : null;
  if (indexed) {
    plans.push({
      cost: total ? ((pageSize + 1) * counts.everyone) / total : counts.everyone,
      part: {
        // From the cursor on (pageQuery sets $afterKey), so a later page starts where the last ended.
        cypher: `MATCH (n:Person) USING INDEX n:Person(${indexed})
WHERE n.${indexed} ${after ? '>= $afterKey' : 'IS NOT NULL'} AND ${inCohort(false)}`,
        params,
      },
    });
  }
  if (label) {
    plans.push({
      cost: counts.inCategory,
      part: {
        cypher: `MATCH (n:${label}) WHERE n:Person AND ${inCohort(true)}`,
        params,
      },
    });
  }
  if (cell.city) {
    plans.push({
      cost: counts.inCity,
      part: {
        cypher: `MATCH (:Place {id: $city})<-[:PART_OF*0..4]-(:Place)<-[:LIVES_IN]-(n:Person)
WITH DISTINCT n WHERE ${inCohort(false)}`,
        params,
      },
    });
  }
  return plans.sort((a, b) => a.cost - b.cost)[0]?.part ?? null;
}

/**
 * The page of everyone (no filter) in name or id order: the index walked in page order, no counts
 * needed. Null for another order.
 */
export function everyonePage(order: { key: string }, after: CursorKey | null): CypherPart | null {
  const indexed = order.key === 'n.name' ? 'name' : order.key === 'n.id' ? 'id' : null;
  if (!indexed) return null;
  return {
    cypher: `MATCH (n:Person) USING INDEX n:Person(${indexed})
WHERE n.${indexed} ${after ? '>= $afterKey' : 'IS NOT NULL'} AND NOT n.deleted`,
    params: {},
  };
}
