import type { IntroductionStage } from './queries.ts';

/** What the board is narrowed to; the API does the narrowing (the board shows a page of the list). */
export interface BoardFilters {
  search: string;
  owner: string;
  stage: IntroductionStage | '';
  field: { id: string; name: string } | null;
  place: { id: string; name: string } | null;
}

export const noFilters: BoardFilters = {
  search: '',
  owner: '',
  stage: '',
  field: null,
  place: null,
};

/** The `introductions` query's variables for the filters (unset ones left out). */
export function filterVariables(f: BoardFilters) {
  return {
    search: f.search.trim() || null,
    owner: f.owner || null,
    stages: f.stage ? [f.stage] : null,
    field: f.field?.id ?? null,
    place: f.place?.id ?? null,
  };
}

/** The filters as one string (the board's `data-filters`): which question the shown cards answer. */
export function filtersKey(f: BoardFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filterVariables(f))) {
    if (value !== null) params.set(name, Array.isArray(value) ? value.join(',') : value);
  }
  return params.toString();
}
