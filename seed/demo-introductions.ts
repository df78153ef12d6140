/**
 * The demo's introductions, written once every person and event exists: each with its stage moves
 * (days to months apart, seed/stage-history.ts), a channel, and, when the talent came to an event
 * before it, the event it came from. Talents in a city where a talent service station held a session
 * were often met there, so the stations have introductions of their own.
 */
import type { EventInfo } from './activities.ts';
import type { SeedContext } from './context.ts';
import type { IntroductionStage, InvitationStatus } from './model.ts';
import { Weighted } from './random.ts';
import { entityRow, iso, NOW_MS, tieRow } from './rows.ts';
import { stageHistory } from './stage-history.ts';

/** An invitation of the talent, as the outreach generator made it. */
export interface Invitation {
  event: EventInfo;
  status: InvitationStatus;
}

type TieCommon = ReturnType<SeedContext['tie']>;

/** Everything drawn for an introduction while its talent was generated. */
interface DrawnIntroduction {
  id: string;
  name: string;
  createdMs: number;
  updatedMs: number;
  verified: boolean;
  stage: IntroductionStage;
  /** The common properties of its INTRODUCER, TALENT and TARGET ties. */
  ties: { introducer: TieCommon; talent: TieCommon; target: TieCommon };
  introducerId: string;
  talentId: string;
  target: { id: string; label: 'Organization' | 'Project' };
  invitations: readonly Invitation[];
  /** Catalog index of the city the talent lives in. */
  city: number;
}

/** How introductions not made at an event were made. */
const CHANNELS = new Weighted([
  ['wechat', 35],
  ['meeting', 20],
  ['call', 15],
  ['visit', 15],
  ['email', 10],
] as const);

/** The actor of the demo's stage moves (no account made them). */
const SEED_ACTOR = 'seed';

export class DemoIntroductions {
  private readonly drawn: DrawnIntroduction[] = [];
  /** Held sessions of talent service stations, by city. */
  private readonly stationEvents = new Map<number, EventInfo[]>();

  constructor(
    private readonly ctx: SeedContext,
    activities: { eventsByCity: ReadonlyMap<number, readonly EventInfo[]> },
  ) {
    for (const [city, events] of activities.eventsByCity) {
      const held = events.filter((e) => e.byStation && e.status === 'held');
      if (held.length > 0) this.stationEvents.set(city, held);
    }
  }

  add(intro: DrawnIntroduction): void {
    this.drawn.push(intro);
  }

  /** Writes every introduction drawn, its ties, event and stage moves. */
  write(): void {
    for (const intro of this.drawn) this.writeOne(intro);
    this.drawn.length = 0;
  }

  /** The event the introduction came from, if any (inviting the talent to a station's session). */
  private eventOf(intro: DrawnIntroduction): EventInfo | undefined {
    const { random } = this.ctx;
    const before = (e: EventInfo) => e.status === 'held' && e.startsMs < intro.createdMs;
    const came = intro.invitations
      .filter((i) => i.status === 'attended' && before(i.event))
      .map((i) => i.event);
    const invited = new Set(intro.invitations.map((i) => i.event.id));
    const station = (this.stationEvents.get(intro.city) ?? []).filter(
      (e) => before(e) && !invited.has(e.id),
    );
    if (came.length === 0 && station.length > 0 && random.chance(0.7)) {
      const event = random.pick(station);
      const at = event.startsMs - 14 * 86_400_000;
      this.ctx.out.tie(
        'INVITED_TO',
        'Person',
        'Event',
        tieRow(intro.talentId, event.id, this.ctx.tie(at, iso(at), true), {
          status: 'attended',
          invitedAt: iso(at),
        }),
      );
      return event;
    }
    const fromStation = came.filter((e) => e.byStation);
    if (fromStation.length > 0) return random.pick(fromStation);
    return came.length > 0 && random.chance(0.6) ? random.pick(came) : undefined;
  }

  private writeOne(intro: DrawnIntroduction): void {
    const { ctx } = this;
    const steps = stageHistory(ctx.random, intro.stage, intro.createdMs, NOW_MS);
    const last = steps[steps.length - 1] ?? { to: intro.stage, atMs: intro.createdMs };
    const event = this.eventOf(intro);
    const createdAt = iso(intro.createdMs);
    ctx.out.node(
      'Introduction',
      entityRow(
        {
          id: intro.id,
          name: intro.name,
          createdAt,
          updatedAt: iso(Math.max(intro.updatedMs, last.atMs)),
          sourceId: ctx.sourceId,
          verified: intro.verified,
        },
        {
          stage: last.to,
          stageAt: iso(last.atMs),
          channel: event ? 'event' : CHANNELS.pick(ctx.random),
        },
      ),
    );
    const { id } = intro;
    ctx.out.tie(
      'INTRODUCER',
      'Introduction',
      'Person',
      tieRow(id, intro.introducerId, intro.ties.introducer),
    );
    ctx.out.tie('TALENT', 'Introduction', 'Person', tieRow(id, intro.talentId, intro.ties.talent));
    ctx.out.tie(
      'TARGET',
      'Introduction',
      intro.target.label,
      tieRow(id, intro.target.id, intro.ties.target),
    );
    const tie = () => ctx.tie(intro.createdMs, createdAt, true);
    if (event) ctx.out.tie('VIA_EVENT', 'Introduction', 'Event', tieRow(id, event.id, tie()));
    for (const step of steps) {
      const moveId = ctx.id(step.atMs);
      ctx.out.node('StageMove', {
        id: moveId,
        ...(step.from ? { from: step.from } : {}),
        to: step.to,
        at: iso(step.atMs),
        by: SEED_ACTOR,
        override: false,
      });
      ctx.out.tie('MOVED', 'Introduction', 'StageMove', tieRow(id, moveId, tie()));
    }
  }
}
