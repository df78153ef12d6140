/**
 * The maintained facts of new people and the people counts they add (schema/person/current-facts.ts,
 * people-counts.ts), computed in memory for the import baselines: the product computes them in Cypher
 * after its writes; a baseline writes them with the person, so it stores the same properties, labels
 * and counts without reading anything back.
 */
import { categoryLabels } from '../../schema/person/current-facts.ts';
import type { Db } from '../../server/db/run.ts';

/** Every place's kind and parents (PART_OF), to find the places above a person's city. */
export class PlaceTree {
  private constructor(private readonly places: Map<string, { kind: string; parents: string[] }>) {}

  static async load(db: Db): Promise<PlaceTree> {
    const rows = await db.read<{ id: string; kind: string; parents: string[] }>(
      `MATCH (p:Place) RETURN p.id AS id, p.kind AS kind,
              COLLECT { MATCH (p)-[:PART_OF]->(q:Place) RETURN q.id } AS parents`,
    );
    return new PlaceTree(new Map(rows.map((r) => [r.id, r])));
  }

  /** The place and every place above it, up to 4 PART_OF steps (as computeFacts walks them). */
  above(id: string): { id: string; kind: string | undefined }[] {
    const seen = new Set([id]);
    let level = [id];
    for (let step = 0; step < 4; step++) {
      level = level.flatMap((p) => this.places.get(p)?.parents ?? []).filter((p) => !seen.has(p));
      for (const p of level) seen.add(p);
    }
    return [...seen].map((p) => ({ id: p, kind: this.places.get(p)?.kind }));
  }
}

/** A new person's facts, as refreshPeopleFacts stores them (sorted, distinct lists). */
export interface Facts {
  nowPlaceIds: string[];
  nowCityIds: string[];
  nowProvinceIds: string[];
  nowCountryIds: string[];
  bornPlaceIds: string[];
  bornCityIds: string[];
  nowEmployerIds: string[];
  schoolIds: string[];
  expertFieldIds: string[];
  countedCategories: string[];
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** The facts of a new, live person with these ties (type, target id, tie properties). */
export function newPersonFacts(
  tree: PlaceTree,
  ties: readonly { type: string; to: string; props: Record<string, unknown> }[],
  categories: readonly string[],
): Facts {
  const of = (type: string, live: (p: Record<string, unknown>) => boolean = () => true) =>
    ties.filter((t) => t.type === type && live(t.props)).map((t) => t.to);
  const now = (p: Record<string, unknown>) => (p.current as boolean | undefined) ?? p.to == null;
  const places = (ids: string[]) => ids.flatMap((id) => tree.above(id));
  const lives = places(of('LIVES_IN', now));
  const born = places(of('BORN_IN'));
  const ofKind = (list: typeof lives, kind: string) =>
    sorted(list.filter((p) => p.kind === kind).map((p) => p.id));
  return {
    nowPlaceIds: sorted(lives.map((p) => p.id)),
    nowCityIds: ofKind(lives, 'city'),
    nowProvinceIds: ofKind(lives, 'province'),
    nowCountryIds: ofKind(lives, 'country'),
    bornPlaceIds: sorted(born.map((p) => p.id)),
    bornCityIds: ofKind(born, 'city'),
    nowEmployerIds: sorted(of('WORKED_AT', now)),
    schoolIds: sorted(of('STUDIED_AT')),
    expertFieldIds: sorted(of('EXPERT_IN')),
    countedCategories: sorted(categories),
  };
}

/** The category labels a live person with these facts carries (`:Alumnus` ...). */
export function categoryLabelsOf(facts: Facts): string[] {
  return facts.countedCategories
    .map((c) => (categoryLabels as Record<string, string>)[c])
    .filter((l): l is string => !!l);
}

/** People-count deltas by key (`cell|facet|value`), summed over people. */
export class CountDeltas {
  private readonly deltas = new Map<string, number>();

  /** Adds `delta` times one person's facts (as countRows does for one side). */
  add(facts: Facts, delta = 1): void {
    const pairs: [string, string][] = [
      ['total', ''],
      ...facts.countedCategories.map((x): [string, string] => ['category', x]),
      ...facts.nowCityIds.map((x): [string, string] => ['city', x]),
      ...facts.expertFieldIds.map((x): [string, string] => ['field', x]),
      ...facts.schoolIds.map((x): [string, string] => ['school', x]),
      ...facts.nowEmployerIds.map((x): [string, string] => ['employer', x]),
      ...facts.bornCityIds.map((x): [string, string] => ['hometown', x]),
    ];
    const alumniPlaces = [
      ['alumniCity', facts.nowCityIds],
      ['alumniProvince', facts.nowProvinceIds],
      ['alumniCountry', facts.nowCountryIds],
    ] as const;
    for (const [facet, places] of alumniPlaces)
      for (const school of facts.schoolIds)
        this.addKey(`*|*|${facet}|${school}|${places[0] ?? ''}`, delta);
    for (const city of ['*', ...facts.nowCityIds])
      for (const category of ['*', ...facts.countedCategories])
        for (const [facet, value] of pairs)
          this.addKey(`${city}|${category}|${facet}|${value}`, delta);
  }

  private addKey(key: string, delta: number): void {
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + delta);
  }

  /** Adds one person's gained employers only (`*|*` cell: a person of no city and no category). */
  addEmployer(orgId: string): void {
    this.addKey(`*|*|employer|${orgId}`, 1);
  }

  /** The deltas as rows for `applyCounts`, in key order (as applyCountDelta locks them). */
  take(): { key: string; cell: string; facet: string; value: string; delta: number }[] {
    const rows = [...this.deltas]
      .filter(([, d]) => d !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, delta]) => {
        // An alumni-map value holds a `|` itself (`<school>|<place>`).
        const [city, category, facet, ...value] = key.split('|') as [string, string, string];
        return { key, cell: `${city}|${category}`, facet, value: value.join('|'), delta };
      });
    this.deltas.clear();
    return rows;
  }
}

/** Cypher applying `$counts` (CountDeltas.take) to the people counts. */
export const applyCounts = `UNWIND $counts AS d
MERGE (c:PeopleCount {key: d.key}) ON CREATE SET c.cell = d.cell, c.facet = d.facet, c.value = d.value, c.n = 0
SET c.n = c.n + d.delta`;
