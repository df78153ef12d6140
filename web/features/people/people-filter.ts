import type { OutreachFilter } from './queries.ts';

/**
 * The people list's filter as the screen keeps it: free text plus a list of conditions, each with
 * the label it was chosen by (so it can be shown and removed), turned into the API's PersonFilter.
 * Pure, so it is unit-tested.
 */
export type ConditionKey =
  | 'categories'
  | 'levels'
  | 'fields'
  | 'livesIn'
  | 'employers'
  | 'almaMater'
  | 'hometown';

export interface Condition {
  key: ConditionKey;
  /** An enum value (categories, levels) or a global id. */
  value: string;
  label: string;
}

export interface FilterState {
  text: string;
  conditions: Condition[];
}

export const emptyFilter: FilterState = { text: '', conditions: [] };

const same = (a: Condition, b: Condition) => a.key === b.key && a.value === b.value;

export function addCondition(state: FilterState, condition: Condition): FilterState {
  if (state.conditions.some((c) => same(c, condition))) return state;
  return { ...state, conditions: [...state.conditions, condition] };
}

export function removeCondition(state: FilterState, condition: Condition): FilterState {
  return { ...state, conditions: state.conditions.filter((c) => !same(c, condition)) };
}

/** Conditions of one key are alternatives (any of them); different keys must all hold. */
export function toFilter(state: FilterState): OutreachFilter {
  const filter: OutreachFilter = {};
  const text = state.text.trim();
  if (text) filter.text = text;
  for (const c of state.conditions) {
    const list = (filter[c.key] as string[] | undefined) ?? [];
    (filter as Record<ConditionKey, string[]>)[c.key] = [...list, c.value];
  }
  return filter;
}

/** Which condition a facet value of the API adds: categories and levels are enum values, cities and fields global ids. */
export const facetKeys = {
  categories: 'categories',
  levels: 'levels',
  cities: 'livesIn',
  fields: 'fields',
} as const satisfies Record<string, ConditionKey>;
