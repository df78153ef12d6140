/**
 * The reference part of the demo graph (Source, places, fields, organisations and the ties among
 * them), emitted first, plus the lookups the person generator needs to pick from it.
 */

import { traditionalForm } from '../schema/shared/search-keys.ts';
import type { SeedContext } from './context.ts';
import { FIELDS, type FieldDef } from './fields.ts';
import { INSTITUTIONS, type OrgDef } from './institutions.ts';
import type { OrganizationType } from './model.ts';
import { PLACES, type PlaceDef } from './places.ts';
import { entityRow, iso, REFERENCE_MS, tieRow } from './rows.ts';

/** A generated Place with its position in the hierarchy. */
export interface PlaceInfo {
  def: PlaceDef;
  id: string;
  index: number;
  /** Indexes into Catalog.places; -1 when the place is above that level. */
  parent: number;
  city: number;
  province: number;
  country: number;
}

/** A generated Field with its position in the taxonomy. */
export interface FieldInfo {
  def: FieldDef;
  id: string;
  index: number;
  parent: number;
  /** The top-level industry this field belongs to. */
  top: number;
  isLeaf: boolean;
}

/** A generated Organization with where it is and what it works on. */
export interface OrgInfo {
  def: OrgDef;
  id: string;
  index: number;
  type: OrganizationType;
  place: number;
  city: number;
  province: number;
  country: number;
  fields: readonly number[];
  /** Top-level industries of `fields` (empty for generalist organisations). */
  tops: readonly number[];
}

/** The reference data of a run, with lookups by seed key. */
export interface Catalog {
  sourceId: string;
  places: readonly PlaceInfo[];
  fields: readonly FieldInfo[];
  orgs: readonly OrgInfo[];
  place(key: string): PlaceInfo;
  field(key: string): FieldInfo;
  org(key: string): OrgInfo;
  /** Index of China in `places`: "abroad" is any other country. */
  china: number;
}

const STATIC_TIME = REFERENCE_MS;

/** Emits the Source, places, fields and organisations with their ties, and returns the lookups. */
export function buildCatalog(ctx: SeedContext): Catalog {
  const createdAt = iso(STATIC_TIME);
  const sourceId = ctx.id(STATIC_TIME);
  ctx.sourceId = sourceId;
  ctx.out.node(
    'Source',
    entityRow(
      { id: sourceId, name: 'Demo data (invented people)', createdAt, sourceId, verified: true },
      { kind: 'seed', title: 'Demo data (invented people)' },
    ),
  );
  // The Source row points at itself, so that no seeded node shows up as "unsourced".
  const staticTie = () => ctx.tie(STATIC_TIME, createdAt, true);
  const base = (
    def: { name: string; latinName: string; aliases?: readonly string[] },
    id: string,
  ) => ({
    id,
    name: def.name,
    latinName: def.latinName,
    aliases: withTraditional(def.name, def.aliases),
    createdAt,
    sourceId,
    verified: true,
  });

  const places: PlaceInfo[] = [];
  const placeByKey = new Map<string, PlaceInfo>();
  for (const def of PLACES) {
    const parent = def.parent ? required(placeByKey, def.parent, 'place') : undefined;
    const info: PlaceInfo = {
      def,
      id: ctx.id(STATIC_TIME),
      index: places.length,
      parent: parent?.index ?? -1,
      city:
        def.kind === 'city' ? places.length : def.kind === 'district' ? (parent?.city ?? -1) : -1,
      province: def.kind === 'province' ? places.length : (parent?.province ?? -1),
      country: def.kind === 'country' ? places.length : (parent?.country ?? -1),
    };
    places.push(info);
    placeByKey.set(def.key, info);
    ctx.out.node('Place', entityRow(base(def, info.id), { kind: def.kind }));
    if (parent) ctx.out.tie('PART_OF', 'Place', 'Place', tieRow(info.id, parent.id, staticTie()));
  }

  const fields: FieldInfo[] = [];
  const fieldByKey = new Map<string, FieldInfo>();
  const parents = new Set(FIELDS.map((f) => f.parent).filter(Boolean));
  for (const def of FIELDS) {
    const parent = def.parent ? required(fieldByKey, def.parent, 'field') : undefined;
    const info: FieldInfo = {
      def,
      id: ctx.id(STATIC_TIME),
      index: fields.length,
      parent: parent?.index ?? -1,
      top: parent?.top ?? fields.length,
      isLeaf: !parents.has(def.key),
    };
    fields.push(info);
    fieldByKey.set(def.key, info);
    ctx.out.node('Field', entityRow(base(def, info.id), {}));
    if (parent)
      ctx.out.tie('SUBFIELD_OF', 'Field', 'Field', tieRow(info.id, parent.id, staticTie()));
  }

  const orgs: OrgInfo[] = [];
  const orgByKey = new Map<string, OrgInfo>();
  for (const def of INSTITUTIONS) {
    const place = required(placeByKey, def.place, 'place');
    const orgFields = (def.fields ?? []).map((k) => required(fieldByKey, k, 'field').index);
    const info: OrgInfo = {
      def,
      id: ctx.id(STATIC_TIME),
      index: orgs.length,
      type: def.type,
      place: place.index,
      city: place.city,
      province: place.province,
      country: place.country,
      fields: orgFields,
      tops: [...new Set(orgFields.map((f) => fields[f]?.top ?? f))],
    };
    if (orgByKey.has(def.key)) throw new Error(`duplicate organisation key ${def.key}`);
    orgs.push(info);
    orgByKey.set(def.key, info);
    ctx.out.node(
      'Organization',
      entityRow({ ...base(def, info.id), kind: 'Organization' }, { type: def.type }),
    );
    ctx.out.tie('LOCATED_IN', 'Organization', 'Place', tieRow(info.id, place.id, staticTie()));
    for (const f of orgFields) {
      const field = fields[f] as FieldInfo;
      ctx.out.tie('IN_FIELD', 'Organization', 'Field', tieRow(info.id, field.id, staticTie()));
    }
  }

  return {
    sourceId,
    places,
    fields,
    orgs,
    place: (key) => required(placeByKey, key, 'place'),
    field: (key) => required(fieldByKey, key, 'field'),
    org: (key) => required(orgByKey, key, 'organisation'),
    china: required(placeByKey, 'cn', 'place').index,
  };
}

/** A short display name for event and project names: 武汉市 -> 武汉, 东湖新技术开发区 -> 光谷. */
export function shortName(place: PlaceInfo): string {
  const { name, aliases = [] } = place.def;
  if (aliases.includes('光谷')) return '光谷';
  if (place.def.kind === 'district') return aliases[0] ?? name;
  return name.length > 2 ? name.replace(/[市省]$/, '') : name;
}

function required<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`unknown ${what} key "${key}" in the seed tables`);
  return value;
}

/** The table's aliases plus the traditional form of the name when it differs. */
function withTraditional(name: string, aliases: readonly string[] = []): string[] {
  const traditional = traditionalForm(name);
  return traditional !== name && !aliases.includes(traditional)
    ? [...aliases, traditional]
    : [...aliases];
}
