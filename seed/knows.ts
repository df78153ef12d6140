/**
 * KNOWS ties for a new person: classmates, colleagues, a mentor, co-authors and home-town friends
 * among the people generated before (see seed/social.ts), then the person joins those pools.
 */
import type { SeedContext } from './context.ts';
import { isResearchEmployer, isSeniorAcademic } from './job-titles.ts';
import type { KnowsKind } from './model.ts';
import type { PersonDraft } from './person-draft.ts';
import { plausibleSince } from './plausible-years.ts';
import { NOW_YEAR, tieRow } from './rows.ts';
import { keys, packMentor, type SocialIndex, unpackMentor } from './social.ts';

const DEGREE_CODE = { bachelor: 0, master: 1, phd: 2, postdoc: 3, other: 4 } as const;

/**
 * Emits the KNOWS ties of `person` to earlier people and adds them to the pools. `birthYears` are
 * the earlier people's, by index: no tie starts before both are old enough.
 */
export function linkAcquaintances(
  ctx: SeedContext,
  social: SocialIndex,
  person: PersonDraft,
  ids: readonly string[],
  birthYears: readonly number[],
): void {
  const { random } = ctx;
  const tie = (
    other: number,
    kind: KnowsKind,
    since: number,
    strength: number,
    towardsMe = false,
  ): void => {
    if (other === person.index || person.partners.includes(other)) return;
    const otherId = ids[other];
    if (otherId === undefined) return;
    person.partners.push(other);
    const common = ctx.tie(
      person.createdMs,
      person.createdAt,
      random.chance(0.2),
      random.float(0.4, 0.95),
    );
    const born = [person.birthYear, birthYears[other] ?? person.birthYear] as const;
    const own = { kind, strength, since: plausibleSince(since, born, kind === 'family', NOW_YEAR) };
    // KNOWS is read as undirected; a mentor tie points from mentor to student.
    const row = towardsMe
      ? tieRow(otherId, person.id, common, own)
      : tieRow(person.id, otherId, common, own);
    ctx.out.tie('KNOWS', 'Person', 'Person', row);
  };
  const pick = (bucket: readonly number[] | undefined): number | undefined =>
    bucket && bucket.length > 0 ? bucket[Math.floor(random.next() * bucket.length)] : undefined;

  for (const s of person.studies) {
    const degree = DEGREE_CODE[s.degree];
    let bucket = social.classmates.get(keys.cohort(s.org.index, s.from, degree));
    // Small populations leave most cohorts empty; the neighbouring year's students count too.
    if (!bucket) bucket = social.classmates.get(keys.cohort(s.org.index, s.from - 1, degree));
    if (!bucket) bucket = social.classmates.get(keys.cohort(s.org.index, s.from + 1, degree));
    const n = degree === 0 ? random.int(0, 2) : random.int(0, 1);
    for (let k = 0; k < n; k++) {
      const other = pick(bucket);
      if (other !== undefined) tie(other, 'classmate', s.from, random.float(0.3, 0.8));
    }
    if (degree > 0 && random.chance(0.6)) {
      const packed = pick(social.mentors.get(keys.team(s.org.index, keys.slot(s.from))));
      if (packed !== undefined) {
        const mentor = unpackMentor(packed);
        if (mentor.birthYear + 12 <= person.birthYear)
          tie(mentor.person, 'mentor', s.from, random.float(0.6, 1), true);
      }
    }
  }

  for (const job of person.jobs) {
    const first = keys.slot(job.from);
    const last = keys.slot(Math.min(NOW_YEAR, job.to ?? NOW_YEAR));
    const slot = random.int(first, last);
    const bucket = social.colleagues.get(keys.team(job.org.index, slot));
    const n = random.int(0, 2);
    for (let k = 0; k < n; k++) {
      const other = pick(bucket);
      if (other !== undefined)
        tie(other, 'colleague', Math.max(job.from, keys.slotStart(slot)), random.float(0.4, 0.9));
    }
  }

  const researcher = person.jobs.some((j) => isResearchEmployer(j.org.type));
  const primary = person.fields[0] ?? person.top;
  const careerStart = person.jobs[0]?.from ?? NOW_YEAR;
  if (researcher && random.chance(0.5)) {
    const other = pick(social.coauthors.get(primary));
    if (other !== undefined)
      tie(
        other,
        'coauthor',
        random.int(Math.min(careerStart, NOW_YEAR), NOW_YEAR),
        random.float(0.4, 0.85),
      );
  }
  if (random.chance(0.6)) {
    const other = pick(social.hometown.get(person.hometownCity));
    if (other !== undefined) {
      const family = random.chance(0.05);
      tie(
        other,
        family ? 'family' : 'friend',
        person.birthYear + random.int(6, 25),
        random.float(family ? 0.8 : 0.5, 1),
      );
    }
  }

  // Join the pools, so later people can know this one.
  for (const s of person.studies) {
    social.classmates.add(
      keys.cohort(s.org.index, s.from, DEGREE_CODE[s.degree]),
      person.index,
      random,
    );
  }
  for (const job of person.jobs) {
    const last = keys.slot(Math.min(NOW_YEAR, job.to ?? NOW_YEAR));
    for (let slot = keys.slot(job.from); slot <= last; slot++) {
      social.colleagues.add(keys.team(job.org.index, slot), person.index, random);
      if (isSeniorAcademic(job.org.type, job.seniority)) {
        social.mentors.add(
          keys.team(job.org.index, slot),
          packMentor(person.index, person.birthYear),
          random,
        );
      }
    }
  }
  if (researcher) social.coauthors.add(primary, person.index, random);
  social.hometown.add(person.hometownCity, person.index, random);
}
