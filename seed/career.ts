/**
 * Plans a person's jobs: one to three consecutive positions from the end of their studies until now
 * (or retirement), the last one in the city they live in, earlier ones in the same city or elsewhere;
 * people who came back from abroad often held their first job abroad. Titles rise with age.
 */
import type { OrgInfo } from './catalog.ts';
import type { Choosers } from './choosers.ts';
import { jobTitle } from './job-titles.ts';
import type { Random } from './random.ts';
import { NOW_YEAR } from './rows.ts';

/** One position, as it becomes a WORKED_AT tie. */
export interface Job {
  org: OrgInfo;
  title: string;
  seniority: number;
  from: number;
  /** Absent for the current job. */
  to?: number;
  current: boolean;
  abroad: boolean;
}

/** What a career plan depends on. */
export interface CareerProfile {
  birthYear: number;
  /** First year of work: the end of the last degree. */
  start: number;
  /** Catalog index of the city the person lives in now. */
  city: number;
  /** The person's main industry (top-level field index), to pick fitting employers. */
  top: number;
  /** 0 regular, 1 leading talent, 2 academician or strategic scientist. */
  eminence: number;
  /** Returned from abroad and has not studied abroad: the first job was abroad. */
  firstJobAbroad: boolean;
  /** The employer of the last job, when the story says who it is (seed/story-people.ts). */
  employer?: OrgInfo;
}

/** The jobs of one person, oldest first; empty while they still study. */
export function planCareer(random: Random, choosers: Choosers, p: CareerProfile): Job[] {
  if (p.start > NOW_YEAR) return [];
  const retired = p.eminence === 0 && p.birthYear + 65 <= NOW_YEAR && random.chance(0.6);
  const end = retired ? Math.max(p.start + 1, p.birthYear + random.int(60, 65)) : NOW_YEAR;
  const span = end - p.start;
  let count = span < 4 ? 1 : span < 12 ? random.int(1, 2) : random.int(1, 3);
  if (p.firstJobAbroad) count = Math.max(count, 2);

  // Start years: evenly spread with some jitter, strictly increasing and before `end`.
  const starts = [p.start];
  for (let k = 1; k < count; k++) {
    const even = p.start + Math.round((span * k) / count);
    const year = Math.min(
      end - 1,
      Math.max((starts[k - 1] ?? p.start) + 1, even + random.int(-1, 1)),
    );
    if (year <= (starts[k - 1] ?? p.start)) break;
    starts.push(year);
  }

  const jobs: Job[] = [];
  starts.forEach((from, k) => {
    const last = k === starts.length - 1;
    const city = last
      ? p.city
      : k === 0 && p.firstJobAbroad
        ? choosers.abroadResidence.pick(random)
        : random.chance(0.5)
          ? p.city
          : choosers.residence.pick(random);
    const org = (last && p.employer) || choosers.employer(random, city, p.top);
    const age = from - p.birthYear;
    let seniority = age < 30 ? 0 : age < 38 ? 1 : age < 46 ? 2 : 3;
    if (last && p.eminence > 0) seniority = Math.max(seniority, p.eminence === 2 ? 3 : 2);
    const abroad = org.country !== choosers.china;
    const to = last ? (retired ? end : undefined) : starts[k + 1];
    jobs.push({
      org,
      title: jobTitle(org.type, seniority, abroad),
      seniority,
      from,
      to,
      current: last && !retired,
      abroad,
    });
  });
  return jobs;
}
