import { request } from '../../app/api.ts';
import type { MapMode } from './drill.ts';
import { alumniMapQuery, type MapGrouping, nativesMapQuery, type PeopleMap } from './queries.ts';

/** The alumni map of an organisation or the natives map of a place, grouped `groupBy`. */
export async function loadPeopleMap(
  mode: MapMode,
  subject: string,
  groupBy: MapGrouping,
  signal: AbortSignal,
): Promise<PeopleMap> {
  const { map } =
    mode === 'alumni'
      ? await request(alumniMapQuery, { organization: subject, groupBy }, signal)
      : await request(nativesMapQuery, { place: subject, groupBy }, signal);
  return map;
}
