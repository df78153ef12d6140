/**
 * A person's ties to the outreach work: memberships (alumni and overseas associations, and the
 * recruitment consultants of the bureaus), invitations to events, visits, projects they lead, and
 * introductions of them to organisations and projects in the bureau provinces.
 */
import type { Activities, EventInfo, ProjectInfo } from './activities.ts';
import { type OrgInfo, shortName } from './catalog.ts';
import type { Choosers } from './choosers.ts';
import type { SeedContext } from './context.ts';
import { DemoIntroductions, type Invitation } from './demo-introductions.ts';
import type { EventStatus, IntroductionStage, InvitationStatus } from './model.ts';
import type { PersonDraft } from './person-draft.ts';
import { plausibleSince } from './plausible-years.ts';
import { Weighted } from './random.ts';
import { entityRow, iso, NOW_MS, NOW_YEAR, recordedFor, tieRow } from './rows.ts';
import { STORY_BUREAU, type StoryPerson } from './story-people.ts';

const DAY = 86_400_000;
const INVITATION_STATUS: Readonly<Record<EventStatus, Weighted<InvitationStatus>>> = {
  held: new Weighted([
    ['attended', 45],
    ['no_show', 10],
    ['declined', 20],
    ['accepted', 5],
    ['invited', 20],
  ]),
  planned: new Weighted([
    ['invited', 50],
    ['accepted', 35],
    ['declined', 15],
  ]),
  open: new Weighted([
    ['invited', 50],
    ['accepted', 35],
    ['declined', 15],
  ]),
  cancelled: new Weighted([
    ['invited', 40],
    ['accepted', 40],
    ['declined', 20],
  ]),
};
const STAGES = new Weighted<IntroductionStage>([
  ['proposed', 15],
  ['contacted', 20],
  ['interested', 15],
  ['visited', 10],
  ['negotiating', 10],
  ['signed', 7],
  ['landed', 8],
  ['declined', 10],
  ['dormant', 5],
]);
/** Roles many members hold at once (never a one-person office of a real association). */
const ALUMNI_ROLES = new Weighted([
  ['会员', 85],
  ['理事', 11],
  ['常务理事', 4],
]);
const FIRST_VISIT = Date.UTC(2021, 0, 1);
const LAST_VISIT = Date.UTC(2025, 5, 30);

export class Outreach {
  /** 1 for people who are recruitment consultants of a bureau. */
  private readonly consultant: Uint8Array;
  private readonly consultants: number[] = [];
  /** Consultants by the key of their bureau (seed/institutions.ts). */
  private readonly consultantsOf = new Map<string, number[]>();
  /** The current person's invitations, for their introductions. */
  private invited: Invitation[] = [];
  /** Introductions drawn so far, written by `finish`. */
  private readonly introductions: DemoIntroductions;

  constructor(
    private readonly ctx: SeedContext,
    private readonly choosers: Choosers,
    private readonly activities: Activities,
    people: number,
  ) {
    this.consultant = new Uint8Array(people);
    this.introductions = new DemoIntroductions(ctx, activities);
  }

  /** Writes the introductions with their stage moves (after every person and event exists). */
  finish(): void {
    this.introductions.write();
  }

  /** Everything outreach-related for `p`; `ids` maps person indexes to ids. */
  add(p: PersonDraft, ids: readonly string[]): void {
    this.invited = [];
    this.memberships(p);
    this.invitations(p);
    this.lead(p, ids);
    this.visit(p);
    this.introduction(p, ids);
  }

  /**
   * A story person (seed/story-people.ts): an old friend of a consultant of the story's bureau, who has
   * started an introduction of them to an organisation in Wuhan. `birthYears` by person index.
   */
  knownToConsultant(
    p: PersonDraft,
    story: StoryPerson,
    ids: readonly string[],
    birthYears: readonly number[],
  ): void {
    const { random } = this.ctx;
    const consultant = random.pick(this.consultantsOf.get(STORY_BUREAU) ?? this.consultants);
    const consultantId = ids[consultant] as string;
    const since = plausibleSince(
      p.birthYear + random.int(18, 30),
      [p.birthYear, birthYears[consultant] ?? p.birthYear],
      false,
      NOW_YEAR,
    );
    this.ctx.out.tie(
      'KNOWS',
      'Person',
      'Person',
      tieRow(consultantId, p.id, this.tie(p, true), {
        kind: 'friend',
        strength: random.float(0.8, 0.95),
        since,
      }),
    );
    p.partners.push(consultant);
    const city = this.choosers.bureaus.find((b) => b.def.key === STORY_BUREAU)?.city;
    const local = this.choosers.landingOrgs.filter((o) => o.city === city);
    const org = random.pick(local.length > 0 ? local : this.choosers.landingOrgs);
    const createdMs = p.createdMs + random.int(1, 20) * DAY;
    const createdAt = iso(createdMs);
    const id = this.ctx.id(createdMs);
    const tie = () => this.ctx.tie(createdMs, createdAt, true);
    this.introductions.add({
      id,
      name: `引荐：${p.name.name} → ${org.def.aliases?.[0] ?? org.def.name}`,
      createdMs,
      updatedMs: createdMs,
      verified: true,
      stage: story.stage,
      ties: { introducer: tie(), talent: tie(), target: tie() },
      introducerId: consultantId,
      talentId: p.id,
      target: { id: org.id, label: 'Organization' },
      invitations: this.invited,
      city: p.residence.index,
    });
  }

  private tie(p: PersonDraft, verified = false) {
    return this.ctx.tie(p.createdMs, p.createdAt, verified);
  }

  private memberships(p: PersonDraft): void {
    const { random } = this.ctx;
    const studied = new Set(p.studies.map((s) => s.org.index));
    for (const university of studied) {
      for (const association of this.choosers.alumniAssociationsOf(university, p.residence.index)) {
        if (!random.chance(0.35)) continue;
        const graduated = p.studies.find((s) => s.org.index === university)?.to ?? NOW_YEAR;
        this.member(
          p,
          association,
          ALUMNI_ROLES.pick(random),
          random.int(Math.min(NOW_YEAR, Math.max(graduated, 2000)), NOW_YEAR),
        );
      }
    }
    if (p.abroadNow) {
      for (const association of this.choosers.overseasAssociationsIn(p.residence.country)) {
        if (random.chance(0.3))
          this.member(
            p,
            association,
            random.chance(0.9) ? '会员' : '理事',
            random.int(2005, NOW_YEAR),
          );
      }
    }
    // Recruitment consultants (招才顾问) and ambassadors: well-placed alumni and natives.
    const linked = p.categories.includes('alumnus') || p.categories.includes('native_elsewhere');
    if (
      linked &&
      p.jobs.length > 0 &&
      p.birthYear <= 1989 &&
      random.chance(p.eminence > 0 ? 0.15 : 0.02)
    ) {
      const provinces = new Set([p.hometownProvince, ...p.studies.map((s) => s.org.province)]);
      const near = this.choosers.bureaus.filter((b) => provinces.has(b.province));
      const bureau = random.pick(near.length > 0 ? near : this.choosers.bureaus);
      this.member(
        p,
        bureau,
        random.chance(0.7) ? '招才顾问' : '引才大使',
        random.int(2017, NOW_YEAR),
      );
      this.consultant[p.index] = 1;
      this.consultants.push(p.index);
      const ofBureau = this.consultantsOf.get(bureau.def.key);
      if (ofBureau) ofBureau.push(p.index);
      else this.consultantsOf.set(bureau.def.key, [p.index]);
    }
  }

  private member(p: PersonDraft, org: OrgInfo, role: string, from: number): void {
    this.ctx.out.tie(
      'MEMBER_OF',
      'Person',
      'Organization',
      tieRow(p.id, org.id, this.tie(p, true), { role, from, current: true }),
    );
  }

  private invitations(p: PersonDraft): void {
    const { random } = this.ctx;
    const local = this.activities.eventsByCity.get(p.residence.index);
    const chosen: EventInfo[] = [];
    if (local && random.chance(0.3)) {
      const n = random.chance(0.7) ? 1 : 2;
      for (let k = 0; k < n; k++) {
        const e = random.pick(local);
        if (!chosen.includes(e)) chosen.push(e);
      }
    }
    if (this.activities.onlineEvents.length > 0 && random.chance(0.03))
      chosen.push(random.pick(this.activities.onlineEvents));
    for (const e of chosen) this.invite(p, e, INVITATION_STATUS[e.status].pick(random));
  }

  private invite(p: PersonDraft, event: EventInfo, status: InvitationStatus): void {
    this.invited.push({ event, status });
    this.ctx.out.tie(
      'INVITED_TO',
      'Person',
      'Event',
      // Invited two weeks before the event (held ones; planned and open ones about now).
      tieRow(p.id, event.id, this.tie(p, true), {
        status,
        invitedAt: iso(Math.min(NOW_MS - DAY, event.startsMs - 14 * DAY)),
      }),
    );
  }

  private lead(p: PersonDraft, ids: readonly string[]): void {
    const { random } = this.ctx;
    const entrepreneur = p.categories.includes('entrepreneur');
    const chance = [0, 0.35, 0.6, 0.7][p.eminence] ?? 0;
    if (!random.chance(entrepreneur ? Math.max(chance, 0.5) : chance)) return;
    const pool = this.activities.unled.get(p.top);
    if (!pool || pool.length === 0) return;
    // Entrepreneurs lead start-ups when one is free; others take the next project.
    let at = pool.length - 1;
    if (entrepreneur) {
      for (let i = pool.length - 1; i >= Math.max(0, pool.length - 10); i--) {
        if (this.activities.projects[pool[i] as number]?.kind === 'startup') {
          at = i;
          break;
        }
      }
    }
    const project = this.activities.projects[pool.splice(at, 1)[0] as number] as ProjectInfo;
    const role = project.kind === 'startup' ? '创始人' : p.eminence === 3 ? '首席科学家' : '负责人';
    this.ctx.out.tie(
      'LEADS',
      'Person',
      'Project',
      tieRow(p.id, project.id, this.tie(p, true), { role }),
    );
    // The core team: up to two people the leader knows (all generated earlier, so their nodes exist).
    for (const member of p.partners.slice(0, 2)) {
      const id = ids[member];
      if (id)
        this.ctx.out.tie(
          'LEADS',
          'Person',
          'Project',
          tieRow(id, project.id, this.tie(p), { role: '核心成员' }),
        );
    }
  }

  /** A bureau team visits eminent people living outside the bureau provinces. */
  private visit(p: PersonDraft): void {
    const { random } = this.ctx;
    if (
      p.eminence === 0 ||
      this.choosers.bureauProvinces.has(p.residence.province) ||
      !random.chance(0.25)
    )
      return;
    const startsMs =
      FIRST_VISIT + random.int(0, (LAST_VISIT - FIRST_VISIT) / DAY) * DAY + 2 * 3_600_000;
    const status: EventStatus =
      startsMs < NOW_MS ? (random.chance(0.1) ? 'cancelled' : 'held') : 'planned';
    const createdMs = recordedFor(startsMs - random.int(7, 40) * DAY);
    const createdAt = iso(createdMs);
    const id = this.ctx.id(createdMs);
    const honorific =
      p.eminence === 3 ? '院士' : p.studies.some((s) => s.degree === 'phd') ? '博士' : '老师';
    const bureau = random.pick(this.choosers.bureaus);
    this.ctx.out.node(
      'Event',
      entityRow(
        {
          id,
          name: `赴${shortName(p.residence)}拜访${p.name.surname}${honorific}`,
          createdAt,
          sourceId: this.ctx.sourceId,
          verified: true,
        },
        { kind: 'visit', startsAt: iso(startsMs), status },
      ),
    );
    const tie = () => this.ctx.tie(createdMs, createdAt, true);
    this.ctx.out.tie('HELD_IN', 'Event', 'Place', tieRow(id, p.residence.id, tie()));
    this.ctx.out.tie('ORGANIZED_BY', 'Event', 'Organization', tieRow(id, bureau.id, tie()));
    this.invite(
      p,
      { id, status, city: p.residence.index, startsMs, byStation: false },
      status === 'held' ? 'attended' : status === 'cancelled' ? 'declined' : 'accepted',
    );
  }

  private introduction(p: PersonDraft, ids: readonly string[]): void {
    const { random } = this.ctx;
    const wanted =
      p.eminence > 0 ||
      p.level !== undefined ||
      p.categories.includes('returnee') ||
      p.categories.includes('young_talent');
    if (!random.chance(wanted ? 0.2 : 0.01)) return;
    const viaConsultant = p.partners.filter((i) => this.consultant[i] === 1);
    let introducer: number | undefined;
    if (viaConsultant.length > 0) introducer = random.pick(viaConsultant);
    else if (p.partners.length > 0 && random.chance(0.5)) introducer = random.pick(p.partners);
    else if (this.consultants.length > 0) introducer = random.pick(this.consultants);
    const introducerId = introducer === undefined ? undefined : ids[introducer];
    if (introducerId === undefined) return;

    const projects = this.activities.projectsByTop.get(p.top) ?? [];
    const orgs = this.choosers.landingOrgs.filter((o) => o.tops.includes(p.top));
    let target: { id: string; name: string; label: 'Organization' | 'Project' };
    if (projects.length > 0 && random.chance(0.4)) {
      const project = random.pick(projects);
      target = { id: project.id, name: project.name, label: 'Project' };
    } else {
      const org = random.pick(orgs.length > 0 ? orgs : this.choosers.landingOrgs);
      target = { id: org.id, name: org.def.aliases?.[0] ?? org.def.name, label: 'Organization' };
    }
    // Recorded after the talent entered the database, before "now".
    const createdMs = p.createdMs + Math.floor(random.next() * Math.max(0, NOW_MS - p.createdMs));
    const id = this.ctx.id(createdMs);
    const createdAt = iso(createdMs);
    const tie = () => this.ctx.tie(createdMs, createdAt, true);
    // Drawn here, in the order they always were; written with their stage moves once everyone exists.
    this.introductions.add({
      id,
      name: `引荐：${p.name.name} → ${target.name}`,
      createdMs,
      updatedMs: Math.min(NOW_MS, createdMs + random.int(0, 120) * DAY),
      verified: random.chance(0.6),
      stage: STAGES.pick(random),
      ties: { introducer: tie(), talent: tie(), target: tie() },
      introducerId,
      talentId: p.id,
      target,
      invitations: this.invited,
      city: p.residence.index,
    });
  }
}
