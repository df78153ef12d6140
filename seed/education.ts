/**
 * Plans a person's degrees: a bachelor's at about 18-22, then perhaps a master's, a PhD and a postdoc,
 * each starting when (or shortly after) the previous one ended. People on an overseas path take their
 * later degrees abroad more often. At most three degrees, as rosters list them.
 */
import type { OrgInfo } from './catalog.ts';
import type { Choosers } from './choosers.ts';
import type { Degree } from './model.ts';
import type { Random } from './random.ts';
import { NOW_YEAR } from './rows.ts';

/** One degree, as it becomes a STUDIED_AT tie. */
export interface Study {
  org: OrgInfo;
  degree: Degree;
  from: number;
  /** Absent while the degree is still under way. */
  to?: number;
  major: string;
  abroad: boolean;
}

/** What a study plan depends on. */
export interface StudyProfile {
  birthYear: number;
  homeProvince: number;
  /** Academicians and leading talents almost all hold doctorates. */
  eminent: boolean;
  /** Lives abroad now or returned from abroad. */
  overseasPath: boolean;
  majors: readonly string[];
}

/** The degrees of one person, oldest first (one to three). */
export function planStudies(random: Random, choosers: Choosers, p: StudyProfile): Study[] {
  const studies: Study[] = [];
  const add = (org: OrgInfo, degree: Degree, from: number, years: number): void => {
    studies.push({
      org,
      degree,
      from,
      to: from + years,
      major: random.pick(p.majors),
      abroad: org.country !== choosers.china,
    });
  };
  const later = (abroadChance: number, stayChance: number): OrgInfo => {
    if (p.overseasPath && random.chance(abroadChance))
      return choosers.laterUniversity(random, true);
    const previous = studies[studies.length - 1];
    if (previous && !previous.abroad && random.chance(stayChance)) return previous.org;
    return choosers.laterUniversity(random, false);
  };
  const gap = (sameYear: number, max: number): number =>
    random.chance(sameYear) ? 0 : random.int(1, max);
  const lastEnd = (): number => studies[studies.length - 1]?.to ?? p.birthYear + 22;

  add(
    choosers.firstUniversity(random, p.homeProvince),
    'bachelor',
    p.birthYear + 18 + gap(0.8, 1),
    4,
  );
  const master = random.chance(p.eminent ? 0.85 : 0.55);
  if (master) {
    const org = later(0.35, 0.45);
    add(org, 'master', lastEnd() + gap(0.75, 3), org.country !== choosers.china ? 2 : 3);
  }
  const phd = master
    ? random.chance(p.eminent ? 0.97 : 0.35)
    : random.chance(p.eminent ? 0.9 : 0.03);
  if (phd) {
    const org = later(0.6, 0.5);
    add(org, 'phd', lastEnd() + gap(0.8, 2), org.country !== choosers.china ? 5 : random.int(3, 5));
    if (studies.length < 3 && random.chance(p.overseasPath ? 0.55 : 0.25)) {
      add(later(0.7, 0.2), 'postdoc', lastEnd(), 2);
    }
  }

  // Nothing after "now": a degree not yet started is dropped, one under way has no end year.
  const out: Study[] = [];
  for (const s of studies) {
    if (s.from > NOW_YEAR) break;
    if (s.to !== undefined && s.to > NOW_YEAR) out.push({ ...s, to: undefined });
    else out.push(s);
  }
  return out;
}
