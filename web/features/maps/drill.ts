import type { SchemaType } from '../../api/graphql.ts';
import type { MapGrouping, PersonFilter } from './queries.ts';

type PersonCategory = SchemaType<'PersonCategory'>;

export type MapMode = 'alumni' | 'natives';

/** The people filter behind a map (as the server builds it): alumni of an org, natives of a place. */
function baseFilter(mode: MapMode, subject: string): PersonFilter {
  return mode === 'alumni'
    ? { almaMater: [subject] }
    : { hometown: [subject], livesOutside: [subject] };
}

/** The people filter of one group of a map, for the drill-down list and its facets. */
export function drillFilter(
  mode: MapMode,
  subject: string,
  by: MapGrouping,
  key: string,
): PersonFilter {
  const base = baseFilter(mode, subject);
  switch (by) {
    case 'COUNTRY':
    case 'PROVINCE':
    case 'CITY':
      return { ...base, livesIn: [key] };
    case 'EMPLOYER':
      return { ...base, employers: [key] };
    case 'FIELD':
      return { ...base, fields: [key] };
    case 'CATEGORY':
      return { ...base, categories: [key as PersonCategory] };
    case 'DECADE': {
      const from = Number.parseInt(key, 10);
      return mode === 'alumni'
        ? { ...base, graduationYearFrom: from, graduationYearTo: from + 9 }
        : { ...base, birthYearFrom: from, birthYearTo: from + 9 };
    }
  }
}
