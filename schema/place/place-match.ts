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
function placeNameKeys(place: Omit<PlaceLike, 'id' | 'parentId'>): Set<string> {
  return new Set(
    [place.name, place.latinName ?? '', ...(place.aliases ?? [])]
      .filter(Boolean)
      .flatMap(placeKeys),
  );
}

/** An index of places by (kind, parent, name key). */
export class PlaceMatcher {
  private readonly index = new Map<string, string>();
  private readonly byKindKey = new Map<string, Set<string>>();
  private readonly parentOf = new Map<string, string | null>();

  constructor(places: Iterable<PlaceLike>) {
    for (const place of places) this.add(place);
  }

  add(place: PlaceLike): void {
    this.parentOf.set(place.id, place.parentId);
    for (const key of placeNameKeys(place)) {
      const k = `${place.kind}|${place.parentId ?? ''}|${key}`;
      if (!this.index.has(k)) this.index.set(k, place.id);
      const kinds = this.byKindKey.get(`${place.kind}|${key}`) ?? new Set<string>();
      this.byKindKey.set(`${place.kind}|${key}`, kinds.add(place.id));
    }
  }

  private isWithin(id: string, ancestorId: string): boolean {
    let step = this.parentOf.get(id);
    for (let depth = 0; step && depth < 10; depth++, step = this.parentOf.get(step)) {
      if (step === ancestorId) return true;
    }
    return false;
  }

  /**
   * The id of the place `place` names under `parentId`, or null. The place's own name wins over
   * aliases. Failing a direct child, the one place of that kind and name deeper under `parentId`:
   * datasets put cities straight under their country ("Beijing" in China), the reference places under
   * a province (北京市 under 北京市, 武汉市 under 湖北省); two such namesakes are left unmatched.
   */
  find(place: Omit<PlaceLike, 'id' | 'parentId'>, parentId: string | null): string | null {
    const keys = placeNameKeys(place);
    for (const key of keys) {
      const hit = this.index.get(`${place.kind}|${parentId ?? ''}|${key}`);
      if (hit) return hit;
    }
    if (!parentId) return null;
    for (const key of keys) {
      const within = [...(this.byKindKey.get(`${place.kind}|${key}`) ?? [])].filter((id) =>
        this.isWithin(id, parentId),
      );
      if (within.length === 1) return within[0] as string;
      if (within.length > 1) return null;
    }
    return null;
  }
}
