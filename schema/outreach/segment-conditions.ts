import type { PersonFilter } from '../person/person-filter.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';

/**
 * A stored people filter (a segment's, with our ids) as the conditions a person reads: each names the
 * PersonFilter input field it came from, its values (coded ones with their GraphQL enum), and the
 * entities its ids name, for the API to load by name. Pure.
 */
export interface FilterCondition {
  /** The PersonFilter input field: categories, fields, livesIn, near … */
  field: string;
  /** Coded values, the text, or a year or number as text. */
  values: string[];
  /** The GraphQL enum of coded values (PersonCategory …), or null. */
  enum: string | null;
  /** Our ids of the entities the condition names, with their kind. */
  entities: { kind: EntityKind; id: string }[];
}

/** Stored keys of id lists: the input field each came from and the kind its ids name. */
const idLists: [keyof PersonFilter, string, EntityKind][] = [
  ['fieldIds', 'fields', 'Field'],
  ['livesInIds', 'livesIn', 'Place'],
  ['hometownIds', 'hometown', 'Place'],
  ['livesOutsideIds', 'livesOutside', 'Place'],
  ['almaMaterIds', 'almaMater', 'Organization'],
  ['employerIds', 'employers', 'Organization'],
];

const codedLists: [keyof PersonFilter, string][] = [
  ['categories', 'PersonCategory'],
  ['levels', 'TalentLevel'],
  ['employerTypes', 'OrganizationType'],
];

const scalars: (keyof PersonFilter)[] = [
  'graduationYearFrom',
  'graduationYearTo',
  'employerEver',
  'birthYearFrom',
  'birthYearTo',
  'asOfYear',
];

export function filterConditions(filter: PersonFilter): FilterCondition[] {
  const out: FilterCondition[] = [];
  const text = filter.text?.trim();
  if (text) out.push({ field: 'text', values: [text], enum: null, entities: [] });
  for (const [key, name] of codedLists) {
    const values = filter[key] as readonly string[] | null | undefined;
    if (values?.length) out.push({ field: key, values: [...values], enum: name, entities: [] });
  }
  for (const [key, field, kind] of idLists) {
    const ids = filter[key] as readonly string[] | null | undefined;
    if (ids?.length) {
      out.push({ field, values: [], enum: null, entities: ids.map((id) => ({ kind, id })) });
    }
  }
  for (const key of scalars) {
    const value = filter[key];
    // employerEver: false is the default, not a condition.
    if (value != null && value !== false)
      out.push({ field: key, values: [String(value)], enum: null, entities: [] });
  }
  if (filter.near?.personIds.length) {
    out.push({
      field: 'near',
      values: [String(filter.near.hops)],
      enum: null,
      entities: filter.near.personIds.map((id) => ({ kind: 'Person', id })),
    });
  }
  return out;
}
