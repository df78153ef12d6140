import type { ConsultantRow, StationRow } from './queries.ts';

/** One row of the consultants or the stations table: what was credited to them in the period. */
export interface CreditRow {
  /** The consultant's (Person:… or Account:…) or the station's (Organization:…) global id. */
  id: string;
  name: string;
  latinName: string | null;
  /** The entity to open in the graph; null for a consultant account. */
  entityId: string | null;
  introductions: number;
  /** Introductions now signed, and now landed (as `consultants` counts them). */
  signed: number;
  landed: number;
  /** People one hop away; null when unknown (an account). */
  reach: number | null;
}

export function consultantRows(rows: ConsultantRow[]): CreditRow[] {
  return rows.map(({ consultant: c, introductions, signed, landed }) => ({
    id: c.id,
    name: c.person?.name ?? c.name,
    latinName: c.person?.latinName ?? null,
    entityId: c.person?.id ?? null,
    introductions,
    signed,
    landed,
    reach: c.reach?.oneHop ?? null,
  }));
}

/** Stations: the same numbers, read from each station's report for the period. */
export function stationRows(rows: StationRow[]): CreditRow[] {
  return rows.map((s) => {
    const now = (stage: string) => s.report.stages.find((x) => x.stage === stage)?.current ?? 0;
    return {
      id: s.id,
      name: s.name,
      latinName: null,
      entityId: s.id,
      introductions: s.report.total,
      signed: now('signed'),
      landed: now('landed'),
      reach: s.reach.oneHop,
    };
  });
}
