/**
 * Matches the place, organisation and field names of a roster to existing nodes by name, Latin name,
 * aliases and simplified/traditional forms (schema/import/name-key.ts). Loaded once per import: places
 * and fields are small tables; organisations are one id per name key.
 *
 * A place that names nothing known rejects the row, and so does one that could be several places; an
 * unknown last part under a known place ("湖北某新区") is created there. Unknown organisations and
 * fields are created (once per import, then reused by later rows).
 */

import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { type NewPlace, type PlaceResolution, PlaceResolver } from '../place/place-resolver.ts';
import { nameKey } from './name-key.ts';

interface NamedRow {
  id: string;
  name: string;
  latinName: string | null;
  aliases: string[] | null;
  kind: string | null;
}

export interface NewNode {
  id: string;
  name: string;
  type?: string;
}

/** What a name resolved to: an existing node, or one this import creates. */
export interface Resolved {
  id: string;
  isNew: boolean;
}

function namesOf(row: NamedRow): string[] {
  return [row.name, row.latinName ?? '', ...(row.aliases ?? [])].filter(Boolean);
}

/** Guesses an organisation type from its name (new organisations only). */
function guessOrganizationType(name: string, role: 'employer' | 'almaMater'): string {
  if (role === 'almaMater' || /大学|学院|university|college/i.test(name)) return 'university';
  if (/医院|hospital/i.test(name)) return 'hospital';
  if (/研究院|研究所|研究中心|科学院|institute|academy/i.test(name)) return 'research_institute';
  if (/实验室|laboratory|lab$/i.test(name)) return 'key_lab';
  if (/局|委员会|政府|厅|办公室|bureau|ministry|government/i.test(name)) return 'government';
  return 'enterprise';
}

/** What an import creates besides people: organisations, fields and places first named by it. */
export interface NewNodes {
  orgs: NewNode[];
  fields: NewNode[];
  places: NewPlace[];
}

export class NameIndex {
  private places = new PlaceResolver([]);
  private readonly orgs = new Map<string, Resolved>();
  private readonly fields = new Map<string, Resolved>();
  private pendingOrgs: NewNode[] = [];
  private pendingFields: NewNode[] = [];

  static async load(db: Db): Promise<NameIndex> {
    const index = new NameIndex();
    index.places = await PlaceResolver.load(db);
    const query = (label: string, kind: string) =>
      db.read<NamedRow>(
        `MATCH (n:${label}) WHERE NOT n.deleted
         RETURN n.id AS id, n.name AS name, n.latinName AS latinName, n.aliases AS aliases, ${kind} AS kind
         ORDER BY n.id`,
      );
    for (const [label, map] of [
      ['Organization', index.orgs],
      ['Field', index.fields],
    ] as const) {
      for (const row of await query(label, 'null')) {
        for (const name of namesOf(row)) {
          const key = nameKey(name);
          if (key && !map.has(key)) map.set(key, { id: row.id, isNew: false });
        }
      }
    }
    return index;
  }

  /**
   * The place a name means (schema/place/place-resolver.ts): compound names as people write them
   * ("湖北省武汉市", "Wuhan, Hubei") resolve to their most specific part; an unknown last part under a
   * known place is a new place, created with the next batch.
   */
  place(name: string): PlaceResolution {
    return this.places.resolve(name, { create: true });
  }

  /** A place as a message names it: "洪山区 (武汉市)". */
  describePlace(id: string): string {
    return this.places.describe(id);
  }

  /** The organisation a name means; a new one (created with the next batch) when none matches. */
  organization(name: string, role: 'employer' | 'almaMater'): Resolved {
    return this.resolve(this.orgs, name, (id) =>
      this.pendingOrgs.push({ id, name, type: guessOrganizationType(name, role) }),
    );
  }

  field(name: string): Resolved {
    return this.resolve(this.fields, name, (id) => this.pendingFields.push({ id, name }));
  }

  private resolve(map: Map<string, Resolved>, name: string, onNew: (id: string) => void): Resolved {
    const key = nameKey(name);
    const known = map.get(key);
    if (known) return known;
    const id = ulid();
    map.set(key, { id, isNew: true });
    onNew(id);
    return { id, isNew: true };
  }

  /** The organisations and fields first named since the last call (to be created by the writer). */
  takeNew(): NewNodes {
    const taken = {
      orgs: this.pendingOrgs,
      fields: this.pendingFields,
      places: this.places.takeNew(),
    };
    this.pendingOrgs = [];
    this.pendingFields = [];
    return taken;
  }

  /** Forgets new nodes that were never written (a failed batch): the next mention creates them again. */
  dropNew(nodes: NewNodes): void {
    this.places.forget(nodes.places);
    for (const [map, list] of [
      [this.orgs, nodes.orgs],
      [this.fields, nodes.fields],
    ] as const) {
      for (const node of list) map.delete(nameKey(node.name));
    }
  }

  /** Marks every name seen so far as existing (after its batch committed). */
  commitNew(nodes: NewNodes): void {
    for (const [map, list] of [
      [this.orgs, nodes.orgs],
      [this.fields, nodes.fields],
    ] as const) {
      for (const node of list) map.set(nameKey(node.name), { id: node.id, isNew: false });
    }
  }
}
