/**
 * Invents one person at a time: who they are (name, birth year, home town, where they live), their
 * degrees and jobs, expertise, categories and level, their Person row, contacts and consent, and their
 * ties. Only compact state is kept between people (ids, the social pools), so a million people stream.
 */

import { traditionalForm } from '../schema/shared/search-keys.ts';
import type { Activities } from './activities.ts';
import { planCareer } from './career.ts';
import { type Catalog, type PlaceInfo, shortName } from './catalog.ts';
import type { Choosers } from './choosers.ts';
import { emitContacts } from './contacts.ts';
import type { SeedContext } from './context.ts';
import { planStudies } from './education.ts';
import type { ExpertisePicker } from './expertise.ts';
import { linkAcquaintances } from './knows.ts';
import type { ConsentStatus, Gender, PersonCategory, TalentLevel } from './model.ts';
import { ENGLISH_GIVEN_NAMES } from './names.ts';
import { Outreach } from './outreach.ts';
import type { Eminence, PersonDraft } from './person-draft.ts';
import { PersonNameMaker } from './person-names.ts';
import { plausibleStudies } from './plausible-years.ts';
import { type Random, Weighted } from './random.ts';
import { DB_START_MS, entityRow, iso, NOW_MS, tieRow } from './rows.ts';
import { SocialIndex } from './social.ts';
import type { StoryPerson } from './story-people.ts';

const DAY = 86_400_000;
const CONSENT = new Weighted<ConsentStatus>([
  ['unknown', 55],
  ['granted', 33],
  ['refused', 8],
  ['withdrawn', 4],
]);
const DEGREE_NAMES = {
  bachelor: '学士',
  master: '硕士',
  phd: '博士',
  postdoc: '博士后',
  other: '',
} as const;
const HONOURS = {
  academy: ['中国科学院院士', '中国工程院院士'],
  strategic: ['国家重大科技项目首席科学家'],
  leading: [
    '国家杰出青年科学基金获得者',
    '长江学者特聘教授',
    '国家级领军人才',
    '省级高层次人才计划入选者',
  ],
  young: ['国家优秀青年科学基金获得者', '青年拔尖人才', '博士后创新人才支持计划入选者'],
  wuhan: '光谷3551领军人才',
} as const;

export class PeopleGenerator {
  /** Person index -> id: the only per-person state kept for the whole run. */
  readonly ids: string[] = [];
  /** Person index -> birth year, for the first year of acquaintances. */
  private readonly birthYears: number[] = [];
  private readonly names = new PersonNameMaker();
  private readonly social = new SocialIndex();
  private readonly outreach: Outreach;

  constructor(
    private readonly ctx: SeedContext,
    private readonly catalog: Catalog,
    private readonly choosers: Choosers,
    private readonly expertise: ExpertisePicker,
    activities: Activities,
    people: number,
  ) {
    this.outreach = new Outreach(ctx, choosers, activities, people);
  }

  /** Generates person number `index` (0-based, in order) with all their nodes and ties. */
  generate(index: number): void {
    const p = this.draft(index);
    this.ids.push(p.id);
    this.birthYears.push(p.birthYear);
    this.emitPerson(p);
    linkAcquaintances(this.ctx, this.social, p, this.ids, this.birthYears);
    this.outreach.add(p, this.ids);
  }

  /**
   * Generates a person of the headline story (seed/story-people.ts) as number `index`, after the
   * others: like anyone, but with the given eminence, birth year, home town, city abroad and
   * honours, and known to a consultant of the story's bureau, who has started an introduction.
   */
  generateStory(index: number, story: StoryPerson): void {
    const p = this.draft(index, story);
    this.ids.push(p.id);
    this.birthYears.push(p.birthYear);
    this.emitPerson(p);
    linkAcquaintances(this.ctx, this.social, p, this.ids, this.birthYears);
    this.outreach.add(p, this.ids);
    this.outreach.knownToConsultant(p, story, this.ids, this.birthYears);
  }

  /** Writes what waits for everyone to exist (the introductions and their stage moves). */
  finish(): void {
    this.outreach.finish();
  }

  private draft(index: number, story?: StoryPerson): PersonDraft {
    const { random } = this.ctx;
    const roll = random.next();
    const eminence: Eminence =
      story?.eminence ?? (roll < 0.003 ? 3 : roll < 0.005 ? 2 : roll < 0.045 ? 1 : 0);
    const gender = this.gender(random, eminence);
    const birthYear =
      story?.birthYear ??
      (eminence >= 2
        ? random.int(1950, 1972)
        : eminence === 1
          ? random.bell(1958, 1990)
          : random.bell(1955, 2000));
    const name = this.names.make(random, gender);
    const hometown = story
      ? this.catalog.place(story.hometown)
      : (this.catalog.places[this.choosers.hometown.pick(random)] as PlaceInfo);
    let residence = story
      ? this.catalog.place(story.city)
      : (this.catalog.places[this.choosers.residence.pick(random)] as PlaceInfo);
    // Academicians of the Chinese academies live in China (the story's are of foreign academies).
    while (!story && eminence === 3 && residence.country !== this.catalog.china) {
      residence = this.catalog.places[this.choosers.residence.pick(random)] as PlaceInfo;
    }
    const abroadNow = residence.country !== this.catalog.china;
    const returnee = !abroadNow && random.chance(eminence === 1 ? 0.45 : 0.12);
    const storyFields = story?.fields.map((key) => this.catalog.field(key));
    const top = storyFields?.[0]?.top ?? this.expertise.industry(random);
    const fields = storyFields?.map((f) => f.index) ?? this.expertise.fields(random, top);
    const studies = planStudies(random, this.choosers, {
      birthYear,
      homeProvince: hometown.province,
      eminent: eminence > 0,
      overseasPath: abroadNow || returnee,
      majors: this.expertise.majors(top),
    });
    const lastStudy = studies[studies.length - 1];
    const jobs =
      lastStudy?.to === undefined
        ? []
        : planCareer(random, this.choosers, {
            birthYear,
            start: lastStudy.to,
            city: residence.index,
            top,
            eminence: eminence >= 2 ? 2 : eminence,
            firstJobAbroad: returnee && !studies.some((s) => s.abroad),
            employer: story && this.catalog.org(story.employer),
          });
    // Students (no job yet) live where they study.
    const studyCity = this.catalog.places[lastStudy?.org.city ?? -1];
    const home = jobs.length === 0 && studyCity ? studyCity : residence;
    const createdMs =
      DB_START_MS + Math.floor((random.next() * (NOW_MS - DAY - DB_START_MS)) / 1000) * 1000;
    const draft: PersonDraft = {
      index,
      id: this.ctx.id(createdMs),
      createdMs,
      createdAt: iso(createdMs),
      name,
      gender,
      birthYear,
      eminence,
      hometown,
      hometownCity: hometown.city,
      hometownProvince: hometown.province,
      residence: home,
      abroadNow: home.country !== this.catalog.china,
      studies,
      jobs,
      fields,
      top,
      categories: [],
      partners: [],
      honours: story?.honours,
    };
    draft.categories = this.categories(random, draft);
    draft.level = this.level(random, draft);
    return draft;
  }

  private gender(random: Random, eminence: Eminence): Gender {
    const x = random.next();
    const male = eminence === 3 ? 0.88 : 0.66;
    return x < male ? 'male' : x < 0.98 ? 'female' : 'unknown';
  }

  private categories(random: Random, p: PersonDraft): PersonCategory[] {
    const out: PersonCategory[] = [];
    const bureau = this.choosers.bureauProvinces;
    const phd = p.studies.some((s) => s.degree === 'phd');
    if (p.eminence === 3) out.push('academician');
    if (p.eminence === 2) out.push('strategic_scientist');
    if (p.eminence === 1) out.push('leading_talent');
    if (p.eminence === 0 && p.birthYear >= 1985 && phd && random.chance(0.4))
      out.push('young_talent');
    const abroad = p.studies.some((s) => s.abroad) || p.jobs.some((j) => j.abroad);
    if (abroad && !p.abroadNow) out.push('returnee');
    if (p.studies.some((s) => bureau.has(s.org.province))) out.push('alumnus');
    if (bureau.has(p.hometownProvince) && p.residence.province !== p.hometownProvince)
      out.push('native_elsewhere');
    const senior = (p.jobs[p.jobs.length - 1]?.seniority ?? 0) >= 2;
    // Local experts: qualified people working in a bureau province, wherever they were born.
    if (bureau.has(p.residence.province) && (phd || senior) && random.chance(0.5)) {
      out.push('local_expert');
    }
    if (p.jobs.length > 0 && random.chance(p.eminence === 1 ? 0.25 : 0.06))
      out.push('entrepreneur');
    return out;
  }

  private level(random: Random, p: PersonDraft): TalentLevel | undefined {
    if (p.eminence >= 2) return 'national';
    if (p.eminence === 1) return random.chance(0.35) ? 'national' : 'provincial';
    const x = random.next();
    if (p.categories.includes('young_talent'))
      return x < 0.15 ? 'provincial' : x < 0.35 ? 'city' : undefined;
    return x < 0.03 ? 'provincial' : x < 0.1 ? 'city' : undefined;
  }

  private honours(random: Random, p: PersonDraft): string[] {
    if (p.eminence === 3) return [random.pick(HONOURS.academy)];
    if (p.eminence === 2) return [...HONOURS.strategic];
    const out: string[] = [];
    if (p.eminence === 1) {
      out.push(random.pick(HONOURS.leading));
      if (p.residence.def.key === 'wuhan' && random.chance(0.5)) out.push(HONOURS.wuhan);
    } else if (p.categories.includes('young_talent') && random.chance(0.3)) {
      out.push(random.pick(HONOURS.young));
    }
    return out;
  }

  private aliases(random: Random, p: PersonDraft, gender: Gender): string[] {
    const out: string[] = [];
    const overseas = p.abroadNow || p.categories.includes('returnee');
    if (random.chance(0.1)) {
      const traditional = traditionalForm(p.name.name);
      if (traditional !== p.name.name) out.push(traditional);
    }
    if (overseas && random.chance(0.6)) out.push(p.name.westernName);
    if (overseas && gender !== 'unknown' && random.chance(0.3)) {
      const english = random.pick(ENGLISH_GIVEN_NAMES[gender]);
      out.push(`${english} ${p.name.latinName}`, `${english} ${p.name.surnameLatin}`);
    }
    return out;
  }

  private emitPerson(p: PersonDraft): void {
    const { random, out } = this.ctx;
    const { gender } = p;
    const current = p.jobs.find((j) => j.current);
    const lastJob = p.jobs[p.jobs.length - 1];
    const lastStudy = p.studies[p.studies.length - 1];
    const title =
      current?.title ??
      lastJob?.title ??
      (lastStudy ? `在读${DEGREE_NAMES[lastStudy.degree]}研究生` : undefined);
    const consentStatus = CONSENT.pick(random);
    const doNotContact =
      consentStatus === 'refused' || consentStatus === 'withdrawn' || random.chance(0.01);
    out.node(
      'Person',
      entityRow(
        {
          kind: 'Person',
          id: p.id,
          name: p.name.name,
          latinName: p.name.latinName,
          aliases: this.aliases(random, p, gender),
          createdAt: p.createdAt,
          updatedAt: iso(Math.min(NOW_MS, p.createdMs + random.int(0, 60) * DAY)),
          sourceId: this.ctx.sourceId,
          verified: random.chance(0.3),
          confidence: random.chance(0.7) ? random.float(0.6, 1) : undefined,
        },
        {
          gender,
          birthYear: p.birthYear,
          categories: p.categories,
          level: p.level,
          honours: p.honours ? [...p.honours] : this.honours(random, p),
          title,
          bio: this.bio(p, title),
          consentStatus,
          doNotContact,
        },
      ),
    );
    emitContacts(this.ctx, p, consentStatus);
    this.emitTies(p);
  }

  private bio(p: PersonDraft, title: string | undefined): string {
    const province = this.catalog.places[p.hometownProvince];
    const city = this.catalog.places[p.hometownCity];
    const home = [province, city, p.hometown.def.kind === 'district' ? p.hometown : undefined]
      .filter((x): x is PlaceInfo => x !== undefined)
      .map((x) => (x.def.kind === 'district' ? x.def.name : shortName(x)))
      .filter((x, i, all) => all.indexOf(x) === i)
      .join('');
    const top = [...p.studies].reverse().find((s) => s.to !== undefined) ?? p.studies[0];
    const degree = top ? `${top.org.def.name}${DEGREE_NAMES[top.degree]}` : '';
    const job = p.jobs.find((j) => j.current);
    const now = job
      ? `现任${job.org.def.name}${title ?? ''}`
      : p.jobs.length > 0
        ? '已退休'
        : '在读';
    const fields = p.fields.map((f) => this.catalog.fields[f]?.def.name).join('、');
    return `${p.birthYear}年生，${home}人。${degree}。${now}。研究方向：${fields}。（虚构人物，演示数据）`;
  }

  private emitTies(p: PersonDraft): void {
    const { random, out } = this.ctx;
    const tie = (verified = random.chance(0.3)) => this.ctx.tie(p.createdMs, p.createdAt, verified);
    out.tie('BORN_IN', 'Person', 'Place', tieRow(p.id, p.hometown.id, tie()));

    const current = p.jobs[p.jobs.length - 1];
    const since =
      current?.org.city === p.residence.index
        ? current.from
        : (p.studies[p.studies.length - 1]?.from ?? p.birthYear + 18);
    out.tie(
      'LIVES_IN',
      'Person',
      'Place',
      tieRow(p.id, p.residence.id, tie(), { from: since, current: true }),
    );
    // Returnees: where they lived abroad before.
    const abroad = [...p.studies, ...p.jobs].filter(
      (x) => x.abroad && x.to !== undefined && x.to <= since,
    );
    const stay = abroad[abroad.length - 1];
    if (stay && !p.abroadNow) {
      const city = this.catalog.places[stay.org.city];
      const from = abroad[0]?.from ?? stay.from;
      if (city)
        out.tie(
          'LIVES_IN',
          'Person',
          'Place',
          tieRow(p.id, city.id, tie(), { from, to: stay.to, current: false }),
        );
    }

    for (const s of plausibleStudies(p.studies, p.birthYear)) {
      out.tie(
        'STUDIED_AT',
        'Person',
        'Organization',
        tieRow(p.id, s.org.id, tie(), { degree: s.degree, major: s.major, from: s.from, to: s.to }),
      );
    }
    for (const j of p.jobs) {
      out.tie(
        'WORKED_AT',
        'Person',
        'Organization',
        tieRow(p.id, j.org.id, tie(), {
          title: j.title,
          from: j.from,
          to: j.to,
          current: j.current,
        }),
      );
    }
    const top =
      p.eminence >= 2
        ? 5
        : p.eminence === 1
          ? random.int(4, 5)
          : p.studies.some((s) => s.degree === 'phd')
            ? random.int(3, 4)
            : random.int(1, 3);
    p.fields.forEach((f, i) => {
      const field = this.catalog.fields[f];
      if (field)
        out.tie(
          'EXPERT_IN',
          'Person',
          'Field',
          tieRow(p.id, field.id, tie(), { level: Math.max(1, top - i) }),
        );
    });
  }
}
