/**
 * Reads a place as people write it in a roster: "湖北武汉", "武汉市洪山区", "Wuhan, Hubei", "洪山",
 * "Hongshan District". The text is cut into parts (commas, or known names run together), each part
 * names candidate places, and the answer is the most specific candidate whose ancestors account for
 * every other part. Same-named places are told apart by kind (a city before a province, district or
 * country of that name), then by use (a place the graph already uses before an unused one); what is
 * still tied is ambiguous, never guessed. A trailing part that names nothing under a resolved place
 * is a new place to create there ("湖北某新区" -> 某新区 under 湖北).
 */

import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { nameKey, placeKeys } from '../import/name-key.ts';

export interface PlaceNode {
  id: string;
  name: string;
  latinName: string | null;
  aliases: string[] | null;
  kind: string;
  parentId: string | null;
  /** Ties of people, organisations, events and projects to it. */
  uses: number;
}

export type PlaceResolution =
  | { status: 'found'; id: string }
  | { status: 'new'; id: string; name: string; kind: string; parentId: string }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unknown' };

/** A place this import creates: written with the batch that first names it. */
export interface NewPlace {
  id: string;
  name: string;
  kind: string;
  parentId: string;
}

const kindRank: Record<string, number> = { city: 0, province: 1, district: 2, country: 3 };
const childKind: Record<string, string> = {
  country: 'province',
  province: 'city',
  city: 'district',
  district: 'district',
};
const separators = /[,，、;；/|]+/;

export class PlaceResolver {
  private readonly byId = new Map<string, PlaceNode>();
  private readonly byKey = new Map<string, Set<string>>();
  private pending: NewPlace[] = [];

  constructor(places: Iterable<PlaceNode>) {
    for (const place of places) this.add(place);
  }

  static async load(db: Db): Promise<PlaceResolver> {
    const rows = await db.read<PlaceNode>(
      `MATCH (p:Place) WHERE NOT p.deleted
       OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
       RETURN p.id AS id, p.name AS name, p.latinName AS latinName, p.aliases AS aliases, p.kind AS kind,
              parent.id AS parentId, COUNT { (p)<-[r]-() WHERE NOT r:PART_OF } AS uses
       ORDER BY p.id`,
    );
    return new PlaceResolver(rows);
  }

  private add(place: PlaceNode): void {
    this.byId.set(place.id, place);
    for (const name of [place.name, place.latinName ?? '', ...(place.aliases ?? [])]) {
      if (!name) continue;
      for (const key of placeKeys(name)) {
        const set = this.byKey.get(key) ?? new Set();
        set.add(place.id);
        this.byKey.set(key, set);
      }
    }
  }

  /** Places named exactly so; failing that, named so but for the administrative suffix. */
  private candidates(text: string): Set<string> {
    for (const key of placeKeys(text)) {
      const hit = this.byKey.get(key);
      if (hit?.size) return new Set(hit);
    }
    return new Set();
  }

  private ancestors(id: string): Set<string> {
    const out = new Set<string>();
    for (let p = this.byId.get(id)?.parentId; p && !out.has(p); p = this.byId.get(p)?.parentId) {
      out.add(p);
    }
    return out;
  }

  private depth(id: string): number {
    return this.ancestors(id).size;
  }

  /**
   * Cuts `text` into parts that name places; `rest` is what is left at the end that names nothing.
   * Known names run together ("湖北武汉洪山") are cut at the longest known prefix.
   */
  private parts(text: string): { parts: Set<string>[]; rest: string } {
    const whole = this.candidates(text);
    if (whole.size) return { parts: [whole], rest: '' };
    const tokens = text
      .normalize('NFKC')
      .split(separators)
      .map((t) => t.trim())
      .filter(Boolean);
    if (tokens.length > 1) {
      const parts: Set<string>[] = [];
      let rest = '';
      for (const token of tokens) {
        const found = this.parts(token);
        parts.push(...found.parts);
        // A token that names nothing keeps its own spelling (it may become a new place's name).
        if (found.rest) rest = found.parts.length ? found.rest : token;
      }
      return { parts, rest };
    }
    const key = nameKey(text);
    for (let cut = key.length - 1; cut >= 2; cut--) {
      const head = this.candidates(key.slice(0, cut));
      if (!head.size) continue;
      const tail = this.parts(key.slice(cut));
      return { parts: [head, ...tail.parts], rest: tail.rest };
    }
    return { parts: [], rest: key };
  }

  /** What `text` names; with `create`, an unknown last part under a resolved place becomes new. */
  resolve(text: string, options: { create?: boolean } = {}): PlaceResolution {
    const { parts, rest } = this.parts(text);
    if (!parts.length) return { status: 'unknown' };
    // Candidates of any part whose ancestors cover every other part.
    const consistent: string[] = [];
    for (const part of parts) {
      for (const id of part) {
        const up = this.ancestors(id);
        if (parts.every((other) => other === part || [...other].some((o) => up.has(o)))) {
          consistent.push(id);
        }
      }
    }
    if (!consistent.length) return { status: 'unknown' };
    const deepest = Math.max(...consistent.map((id) => this.depth(id)));
    let best = [...new Set(consistent)];
    if (parts.length > 1) best = best.filter((id) => this.depth(id) === deepest);
    const rank = (id: string) => kindRank[this.byId.get(id)?.kind ?? ''] ?? 9;
    const topRank = Math.min(...best.map(rank));
    best = best.filter((id) => rank(id) === topRank);
    if (best.length > 1) {
      const used = best.filter((id) => (this.byId.get(id)?.uses ?? 0) > 0);
      if (used.length) best = used;
    }
    if (best.length > 1) {
      return {
        status: 'ambiguous',
        candidates: best.slice(0, 5).map((id) => this.describe(id)),
      };
    }
    const id = best[0] as string;
    if (!rest) return { status: 'found', id };
    if (!options.create || rest.length < 2) return { status: 'unknown' };
    return this.newPlace(rest, id);
  }

  /** "洪山区 (武汉市)": a place with its parent, to tell namesakes apart in a message. */
  describe(id: string): string {
    const place = this.byId.get(id);
    const parent = place?.parentId ? this.byId.get(place.parentId) : undefined;
    return `${place?.name ?? id}${parent ? ` (${parent.name})` : ''}`;
  }

  private newPlace(name: string, parentId: string): PlaceResolution {
    const parent = this.byId.get(parentId);
    const kind = childKind[parent?.kind ?? ''] ?? 'district';
    const place: NewPlace = { id: ulid(), name, kind, parentId };
    this.pending.push(place);
    this.add({ ...place, latinName: null, aliases: null, uses: 0 });
    return { status: 'new', ...place };
  }

  /** Forgets new places that were never written (a dry run, a failed batch): named again, made again. */
  forget(places: readonly NewPlace[]): void {
    for (const place of places) {
      this.byId.delete(place.id);
      for (const set of this.byKey.values()) set.delete(place.id);
    }
  }

  /** Places first named since the last call (to be created by the writer). */
  takeNew(): NewPlace[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}
