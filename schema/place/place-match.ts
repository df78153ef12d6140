/**
 * Finds the same place in two lists (reference places and places already in a graph, such as the demo
 * graph's): same kind, same (already matched) parent, and a name in common once administrative
 * suffixes, character forms and case are set aside ("武汉" = 武汉市, "Hongshan District" = 洪山区's
 * Latin name). Used so that reference places and demo places are one set of nodes, never two.
 */
import { placeKeys } from '../import/name-key.ts';

export interface PlaceLike {
  id: string;
  name: string;
  latinName?: string | null;
  aliases?: readonly string[] | null;
  kind: string;
  parentId: string | null;
}

/** Every comparison key of a place's names. */
export function placeNameKeys(place: Omit<PlaceLike, 'id' | 'parentId'>): Set<string> {
  return new Set(
    [place.name, place.latinName ?? '', ...(place.aliases ?? [])]
      .filter(Boolean)
      .flatMap(placeKeys),
  );
}

/** An index of places by (kind, parent, name key). */
export class PlaceMatcher {
  private readonly index = new Map<string, string>();

  constructor(places: Iterable<PlaceLike>) {
    for (const place of places) this.add(place);
  }

  add(place: PlaceLike): void {
    for (const key of placeNameKeys(place)) {
      const k = `${place.kind}|${place.parentId ?? ''}|${key}`;
      if (!this.index.has(k)) this.index.set(k, place.id);
    }
  }

  /** The id of the place `place` names under `parentId`, or null. The place's own name wins over aliases. */
  find(place: Omit<PlaceLike, 'id' | 'parentId'>, parentId: string | null): string | null {
    for (const key of placeNameKeys(place)) {
      const hit = this.index.get(`${place.kind}|${parentId ?? ''}|${key}`);
      if (hit) return hit;
    }
    return null;
  }
}
