import { type GroupBy, groupings } from '../../graph/groups.ts';

/** The grouping the user chose last, kept in this browser. */
const groupByKey = 'talentgraph.groupBy';

export function initialGroupBy(): GroupBy {
  try {
    const stored = localStorage.getItem(groupByKey);
    if (groupings.includes(stored as GroupBy)) return stored as GroupBy;
  } catch {
    // Storage blocked: the default.
  }
  return 'city';
}

export function rememberGroupBy(next: GroupBy): void {
  try {
    localStorage.setItem(groupByKey, next);
  } catch {
    // Not remembered, still applied.
  }
}
