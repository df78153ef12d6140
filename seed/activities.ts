/**
 * Projects (academician projects, institutes, technology transfers, start-ups, open challenges) and
 * events (alumni sessions, forums, recruitment fairs, online matchmaking), generated before the people
 * so people can be invited to events and lead projects. Their number grows with the population.
 */
import { type Catalog, type FieldInfo, type OrgInfo, shortName } from './catalog.ts';
import type { Choosers } from './choosers.ts';
import type { SeedContext } from './context.ts';
import type { ExpertisePicker } from './expertise.ts';
import type {
  EventKind,
  EventStatus,
  OrganizationType,
  ProjectKind,
  ProjectStatus,
} from './model.ts';
import { Weighted } from './random.ts';
import { entityRow, iso, NOW_MS, recordedFor, tieRow } from './rows.ts';

/** What the person generator needs to know about a generated project. */
export interface ProjectInfo {
  id: string;
  index: number;
  name: string;
  kind: ProjectKind;
  top: number;
  host: OrgInfo;
}

/** What the person generator needs to know about a generated event. */
export interface EventInfo {
  id: string;
  status: EventStatus;
  /** City (catalog place index) it is held in; -1 for online events. */
  city: number;
  startsMs: number;
  /** Organised by a talent service station. */
  byStation: boolean;
}

/** The projects and events of a run, indexed for the person generator. */
export interface Activities {
  projects: readonly ProjectInfo[];
  /** Per top-level field, projects nobody leads yet (taken from the end as leaders are assigned). */
  unled: Map<number, number[]>;
  projectsByTop: ReadonlyMap<number, readonly ProjectInfo[]>;
  eventsByCity: ReadonlyMap<number, readonly EventInfo[]>;
  onlineEvents: readonly EventInfo[];
}

const DAY = 86_400_000;
const PROJECT_KINDS = new Weighted<ProjectKind>([
  ['academician_project', 15],
  ['institute', 15],
  ['tech_transfer', 20],
  ['startup', 30],
  ['challenge', 20],
]);
const PROJECT_STATUSES = new Weighted<ProjectStatus>([
  ['idea', 15],
  ['negotiating', 25],
  ['signed', 20],
  ['landed', 30],
  ['stopped', 10],
]);
/** Who hosts each kind of project. */
const HOST_TYPES: Readonly<Record<ProjectKind, readonly OrganizationType[]>> = {
  academician_project: ['rnd_institute', 'university', 'enterprise', 'industrial_park', 'key_lab'],
  institute: ['rnd_institute', 'university', 'industrial_park'],
  tech_transfer: ['university', 'research_institute', 'key_lab'],
  startup: ['incubator', 'industrial_park'],
  challenge: ['enterprise'],
};
const BRAND_CHARS = [...'芯睿智创光源禾科凌瑞达微恒泰博航曜驰星澜拓'];

const EVENT_KINDS = new Weighted<Exclude<EventKind, 'visit'>>([
  ['special_session', 45],
  ['forum', 20],
  ['fair', 15],
  ['online', 10],
]);
/** Where each kind of event is held (seed/places.ts keys). */
const EVENT_PLACES: Readonly<Record<'special_session' | 'forum' | 'fair', Weighted<string>>> = {
  special_session: new Weighted([
    ['beijing', 5],
    ['shanghai', 4],
    ['shenzhen', 4],
    ['guangzhou', 1],
    ['hangzhou', 1],
    ['san-jose', 1],
    ['boston', 0.5],
    ['london', 0.5],
    ['singapore', 0.5],
  ]),
  forum: new Weighted([
    ['wuhan-donghu', 5],
    ['xiongan', 1],
    ['yuncheng', 1],
    ['shijiazhuang', 1],
  ]),
  fair: new Weighted([
    ['wuhan', 3],
    ['taiyuan', 1],
    ['shijiazhuang', 1],
    ['yuncheng', 1],
    ['beijing', 1],
    ['shanghai', 1],
  ]),
};
const FIRST_EVENT = Date.UTC(2021, 0, 1);
const LAST_EVENT = Date.UTC(2025, 5, 30);

/** Emits Project and Event nodes with their ties; about one project per 150 people, one event per 300. */
export function buildActivities(
  ctx: SeedContext,
  catalog: Catalog,
  choosers: Choosers,
  expertise: ExpertisePicker,
  people: number,
): Activities {
  const projects = buildProjects(
    ctx,
    catalog,
    choosers,
    expertise,
    Math.max(24, Math.round(people / 150)),
  );
  const unled = new Map<number, number[]>();
  const projectsByTop = new Map<number, ProjectInfo[]>();
  for (const p of projects) {
    pushTo(unled, p.top, p.index);
    pushTo(projectsByTop, p.top, p);
  }
  const { eventsByCity, onlineEvents } = buildEvents(
    ctx,
    catalog,
    choosers,
    expertise,
    Math.max(30, Math.round(people / 300)),
  );
  return { projects, unled, projectsByTop, eventsByCity, onlineEvents };
}

function buildProjects(
  ctx: SeedContext,
  catalog: Catalog,
  choosers: Choosers,
  expertise: ExpertisePicker,
  count: number,
): ProjectInfo[] {
  const { random } = ctx;
  const out: ProjectInfo[] = [];
  for (let index = 0; index < count; index++) {
    const kind = PROJECT_KINDS.pick(random);
    const top = expertise.industry(random);
    const field = catalog.fields[expertise.fields(random, top)[0] ?? top] as FieldInfo;
    const candidates = choosers.landingOrgs.filter((o) => HOST_TYPES[kind].includes(o.type));
    const matching = candidates.filter((o) => o.tops.includes(top));
    const host = random.pick(matching.length > 0 ? matching : candidates);
    const status = PROJECT_STATUSES.pick(random);
    // Projects started over the last four years; the database records them from its start.
    const startedMs = NOW_MS - random.int(20, 1400) * DAY;
    const year = new Date(startedMs).getUTCFullYear();
    const createdMs = recordedFor(startedMs);
    const id = ctx.id(createdMs);
    const hostCity = catalog.places[host.city];
    const city = hostCity ? shortName(hostCity) : '';
    const name = projectName(
      kind,
      field.def.name,
      city,
      random.pick(BRAND_CHARS) + random.pick(BRAND_CHARS),
      year,
    );
    const funding = random.chance(0.8) ? random.int(10, 5000) * 10 : undefined;
    const createdAt = iso(createdMs);
    ctx.out.node(
      'Project',
      entityRow(
        {
          id,
          name,
          createdAt,
          updatedAt: iso(createdMs + random.int(0, 15) * DAY),
          sourceId: ctx.sourceId,
          verified: random.chance(0.5),
        },
        { kind, status, funding },
      ),
    );
    const tie = () => ctx.tie(createdMs, createdAt, true);
    ctx.out.tie('HOSTED_BY', 'Project', 'Organization', tieRow(id, host.id, tie()));
    ctx.out.tie('IN_FIELD', 'Project', 'Field', tieRow(id, field.id, tie()));
    if (status === 'landed') {
      const place = catalog.places[host.place];
      if (place)
        ctx.out.tie(
          'LANDED_IN',
          'Project',
          'Place',
          tieRow(id, place.id, tie(), { at: Math.min(2024, year + random.int(0, 1)) }),
        );
    }
    out.push({ id, index, name, kind, top, host });
  }
  return out;
}

function projectName(
  kind: ProjectKind,
  field: string,
  city: string,
  brand: string,
  year: number,
): string {
  switch (kind) {
    case 'academician_project':
      return `${field}院士团队成果转化项目（${year}）`;
    case 'institute':
      return `${city}${field}研究院（筹）`;
    case 'tech_transfer':
      return `${field}专利技术转化（${year}）`;
    case 'startup':
      return `${brand}科技（${field}初创项目）`;
    case 'challenge':
      return `揭榜挂帅：${field}关键技术攻关（${year}）`;
  }
}

function buildEvents(
  ctx: SeedContext,
  catalog: Catalog,
  choosers: Choosers,
  expertise: ExpertisePicker,
  count: number,
): { eventsByCity: Map<number, EventInfo[]>; onlineEvents: EventInfo[] } {
  const { random } = ctx;
  const eventsByCity = new Map<number, EventInfo[]>();
  const onlineEvents: EventInfo[] = [];
  const stations = catalog.orgs.filter((o) => o.type === 'talent_station');
  const organisers = catalog.orgs.filter((o) => o.type === 'headhunter' || o.type === 'government');
  for (let i = 0; i < count; i++) {
    const kind = EVENT_KINDS.pick(random);
    const startsMs =
      FIRST_EVENT + random.int(0, (LAST_EVENT - FIRST_EVENT) / DAY) * DAY + 6 * 3_600_000;
    const year = new Date(startsMs).getUTCFullYear();
    const status: EventStatus =
      startsMs < NOW_MS
        ? random.chance(0.07)
          ? 'cancelled'
          : 'held'
        : random.chance(0.6)
          ? 'planned'
          : 'open';
    const place = kind === 'online' ? undefined : catalog.place(EVENT_PLACES[kind].pick(random));
    const city = place ? place.city : -1;
    const cityName = place ? shortName(place) : '';
    let organiser: OrgInfo;
    let name: string;
    const bureau = random.pick(choosers.bureaus);
    if (kind === 'special_session') {
      const associations = catalog.orgs.filter(
        (o) => o.type === 'alumni_association' && o.city === city,
      );
      const station = stations.find((o) => o.city === city);
      if (associations.length > 0 && random.chance(0.5)) {
        organiser = random.pick(associations);
        name = `${organiser.def.name}校友回乡专场（${year}）`;
      } else if (station && random.chance(0.4)) {
        organiser = station;
        name = `${station.def.name}${cityName}人才专场（${year}）`;
      } else {
        organiser = bureau;
        name = `${bureau.def.aliases?.[0] ?? bureau.def.name}${cityName}校友专场（${year}）`;
      }
    } else if (kind === 'forum') {
      const local = choosers.bureaus.filter((o) => o.province === place?.province);
      organiser = local.length > 0 ? random.pick(local) : bureau;
      const field = catalog.fields[expertise.industry(random)]?.def.name ?? '';
      name = `${year}${cityName}${field}人才发展论坛`;
    } else if (kind === 'fair') {
      organiser = random.pick(organisers);
      name = `${year}${cityName}高层次人才招聘会`;
    } else {
      organiser = bureau;
      const field = catalog.fields[expertise.industry(random)]?.def.name ?? '';
      name = `${year}${field}线上人才对接会`;
    }
    const createdMs = recordedFor(startsMs - random.int(20, 90) * DAY);
    const createdAt = iso(createdMs);
    const id = ctx.id(createdMs);
    ctx.out.node(
      'Event',
      entityRow(
        {
          id,
          name,
          createdAt,
          updatedAt: iso(Math.min(NOW_MS, createdMs + random.int(0, 30) * DAY)),
          sourceId: ctx.sourceId,
          verified: true,
        },
        { kind, startsAt: iso(startsMs), status },
      ),
    );
    const tie = () => ctx.tie(createdMs, createdAt, true);
    ctx.out.tie('ORGANIZED_BY', 'Event', 'Organization', tieRow(id, organiser.id, tie()));
    const info: EventInfo = {
      id,
      status,
      city,
      startsMs,
      byStation: organiser.type === 'talent_station',
    };
    if (place) {
      ctx.out.tie('HELD_IN', 'Event', 'Place', tieRow(id, place.id, tie()));
      pushTo(eventsByCity, city, info);
    } else {
      onlineEvents.push(info);
    }
  }
  return { eventsByCity, onlineEvents };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
