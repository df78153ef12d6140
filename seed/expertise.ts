/**
 * Picks a person's fields of expertise: a primary industry weighted by how many talents the bureaus
 * look for in it, then one to three fields below it (mostly specialities, some mid-level), sometimes
 * one from a neighbouring industry.
 */
import type { Catalog, FieldInfo } from './catalog.ts';
import { type Random, Weighted } from './random.ts';

/** Relative demand per top-level field key (seed/fields.ts). */
const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  ai: 18,
  opto: 12,
  semi: 10,
  biomed: 10,
  energy: 10,
  life: 8,
  materials: 8,
  digital: 8,
  icv: 7,
  equipment: 5,
  aerospace: 4,
  agri: 3,
};

/** Draws industries and fields of expertise from the catalog. */
export class ExpertisePicker {
  private readonly industries: Weighted<number>;
  /** Per top-level field: its specialities (leaves) and its mid-level fields. */
  private readonly below = new Map<number, { leaves: FieldInfo[]; mids: FieldInfo[] }>();

  constructor(private readonly catalog: Catalog) {
    this.industries = new Weighted(
      catalog.fields
        .filter((f) => f.parent < 0)
        .map((f) => [f.index, INDUSTRY_WEIGHTS[f.def.key] ?? 2] as const),
    );
    for (const f of catalog.fields) {
      if (f.parent < 0) continue;
      const entry = this.below.get(f.top) ?? { leaves: [], mids: [] };
      (f.isLeaf ? entry.leaves : entry.mids).push(f);
      this.below.set(f.top, entry);
    }
  }

  /** A top-level industry index. */
  industry(random: Random): number {
    return this.industries.pick(random);
  }

  /** 1-3 distinct field indexes, the first in `top`. */
  fields(random: Random, top: number): number[] {
    const count = random.chance(0.35) ? 1 : random.chance(0.6) ? 2 : 3;
    const out: number[] = [];
    for (let tries = 0; out.length < count && tries < 8; tries++) {
      const industry = out.length > 0 && random.chance(0.25) ? this.industry(random) : top;
      const f = this.fieldUnder(random, industry);
      if (!out.includes(f)) out.push(f);
    }
    return out;
  }

  /** A field below `top`: a speciality 70 % of the time, else a mid-level field. */
  private fieldUnder(random: Random, top: number): number {
    const entry = this.below.get(top);
    if (!entry) return top;
    const pool = entry.mids.length > 0 && random.chance(0.3) ? entry.mids : entry.leaves;
    return (pool.length > 0 ? random.pick(pool) : random.pick(entry.mids)).index;
  }

  /** University majors for industry `top`. */
  majors(top: number): readonly string[] {
    return this.catalog.fields[top]?.def.majors ?? ['工学'];
  }
}
