/**
 * The previous approaches `bench:outreach` compares with (its baseline), run on the same database:
 * - invitations: member ids read into Node, a read of who is invited or do-not-contact, then a CREATE
 *   with one row (and one id) per person sent back;
 * - the outcome report: one row per introduction with its moves sent to Node and summed there.
 * They run on the driver directly (no GraphQL), so the ratio understates the change if anything.
 */
import { ulid } from 'ulid';
import {
  funnelStages,
  type IntroductionStage,
  introductionStages,
} from '../../schema/outreach/stages.ts';
import { buildPersonFilter, type PersonFilter } from '../../schema/person/person-filter.ts';
import { contactable } from '../../schema/personal-data/consent.ts';
import type { Db } from '../../server/db/run.ts';

/** One introduction as the outcome report reads it. */
export interface FunnelRow {
  stage: IntroductionStage;
  /** Stage moves, oldest first: the stage entered and when (epoch ms). */
  moves: { to: IntroductionStage; at: number }[];
  introducer: { id: string; name: string } | null;
  event: { id: string; name: string } | null;
  channel: string | null;
}

export interface StageStat {
  stage: IntroductionStage;
  /** Introductions in this stage now. */
  current: number;
  /** Introductions that reached this stage or a later one of the funnel (null for declined/dormant). */
  reached: number | null;
  /** reached / total (null for declined/dormant, or with no introductions). */
  conversion: number | null;
  /** Mean days spent in this stage, over stays that ended with a move; null when none did. */
  meanDays: number | null;
}

export interface Attribution {
  key: string;
  name: string;
  signed: number;
  landed: number;
}

export interface FunnelReport {
  total: number;
  stages: StageStat[];
  byIntroducer: Attribution[];
  byEvent: Attribution[];
  byChannel: Attribution[];
}

const DAY = 86_400_000;
const order = new Map<IntroductionStage, number>(funnelStages.map((s, i) => [s, i]));

/** The furthest funnel stage an introduction reached: from its moves, or its current stage. */
function furthest(row: FunnelRow): number {
  const stages = row.moves.length ? row.moves.map((m) => m.to) : [row.stage];
  return Math.max(0, ...stages.map((s) => order.get(s) ?? 0));
}

function attribute(
  rows: FunnelRow[],
  keyOf: (r: FunnelRow) => { id: string; name: string } | null,
) {
  const byKey = new Map<string, Attribution>();
  for (const row of rows) {
    if (row.stage !== 'signed' && row.stage !== 'landed') continue;
    const key = keyOf(row);
    if (!key) continue;
    const entry = byKey.get(key.id) ?? { key: key.id, name: key.name, signed: 0, landed: 0 };
    entry[row.stage] += 1;
    byKey.set(key.id, entry);
  }
  return [...byKey.values()].sort(
    (a, b) => b.landed - a.landed || b.signed - a.signed || a.key.localeCompare(b.key),
  );
}

/** Counts per stage, conversion along the funnel, mean days per stage, and attribution. Pure. */
export function summariseFunnel(rows: FunnelRow[]): FunnelReport {
  const total = rows.length;
  const current = new Map<IntroductionStage, number>();
  const reachedAt = new Array<number>(funnelStages.length).fill(0);
  const stay = new Map<IntroductionStage, { days: number; n: number }>();
  for (const row of rows) {
    current.set(row.stage, (current.get(row.stage) ?? 0) + 1);
    const far = furthest(row);
    for (let i = 0; i <= far; i++) reachedAt[i] = (reachedAt[i] ?? 0) + 1;
    for (let i = 0; i + 1 < row.moves.length; i++) {
      const move = row.moves[i] as FunnelRow['moves'][number];
      const next = row.moves[i + 1] as FunnelRow['moves'][number];
      const s = stay.get(move.to) ?? { days: 0, n: 0 };
      s.days += (next.at - move.at) / DAY;
      s.n += 1;
      stay.set(move.to, s);
    }
  }
  const stages = introductionStages.map((stage): StageStat => {
    const index = order.get(stage);
    const reached = index === undefined ? null : (reachedAt[index] ?? 0);
    const s = stay.get(stage);
    return {
      stage,
      current: current.get(stage) ?? 0,
      reached,
      conversion: reached === null || total === 0 ? null : reached / total,
      meanDays: s ? s.days / s.n : null,
    };
  });
  return {
    total,
    stages,
    byIntroducer: attribute(rows, (r) => r.introducer),
    byEvent: attribute(rows, (r) => r.event),
    byChannel: attribute(rows, (r) => (r.channel ? { id: r.channel, name: r.channel } : null)),
  };
}

/**
 * The invitation of a segment's members as inviteToEvent did it before (ids shipped to Node and
 * back), with today's rule of who may be invited (consent granted, not do-not-contact).
 */
export async function inviteBaseline(
  db: Db,
  eventId: string,
  filter: PersonFilter,
): Promise<number> {
  const part = buildPersonFilter(filter);
  const ids = await db.read<{ id: string }>(
    `${part.cypher}\nWITH DISTINCT n ORDER BY n.id LIMIT $limit RETURN n.id AS id`,
    { ...part.params, limit: 200_000 },
  );
  const rows = [...new Set(ids.map((r) => r.id))].map((personId) => ({ personId, id: ulid() }));
  return db.writeTx(async (tx) => {
    await tx.run('MATCH (e:Event {id: $eventId}) SET e.inviteLock = 1 REMOVE e.inviteLock', {
      eventId,
    });
    const known = await tx.run<{ id: string; dup: boolean; ok: boolean }>(
      `UNWIND $ids AS pid MATCH (p:Person {id: pid}) WHERE NOT p.deleted
       RETURN p.id AS id, ${contactable('p')} AS ok,
              EXISTS { (p)-[x:INVITED_TO]->(:Event {id: $eventId}) WHERE NOT coalesce(x.deleted, false) } AS dup`,
      { ids: rows.map((r) => r.personId), eventId },
    );
    const state = new Map(known.map((k) => [k.id, k]));
    const fresh = rows.filter((r) => {
      const k = state.get(r.personId);
      return k && !k.dup && k.ok;
    });
    await tx.run(
      `MATCH (e:Event {id: $eventId})
       UNWIND $rows AS row MATCH (p:Person {id: row.personId})
       CREATE (p)-[:INVITED_TO {id: row.id, status: 'invited', invitedAt: datetime(), invitedBy: 'bench',
                               recordedAt: datetime(), deleted: false}]->(e)`,
      { eventId, rows: fresh },
    );
    return fresh.length;
  });
}

/** The outcome report as outcomeReport computed it before (no scope, an admin's view). */
export async function reportBaseline(db: Db, from: string, to: string): Promise<FunnelReport> {
  const rows = await db.read<FunnelRow>(
    `MATCH (i:Introduction)
     WHERE i.createdAt >= datetime($from) AND i.createdAt < datetime($to) + duration('P1D')
       AND NOT coalesce(i.deleted, false)
     RETURN i.stage AS stage, i.channel AS channel,
       COLLECT { MATCH (i)-[:MOVED]->(m:StageMove) WITH m ORDER BY m.at, m.id
                 RETURN {to: m.to, at: m.at.epochMillis} } AS moves,
       COLLECT { MATCH (i)-[:INTRODUCER]->(p:Person) RETURN {id: p.id, name: p.name} }[0] AS introducer,
       COLLECT { MATCH (i)-[:VIA_EVENT]->(e:Event) RETURN {id: e.id, name: e.name} }[0] AS event`,
    { from, to },
  );
  return summariseFunnel(rows);
}

/**
 * The floor under any invitation list kept as one relationship per invitee: the same members, who may
 * be contacted, each tied to the event by a relationship with no properties (so no index entry either),
 * in one transaction. Returns the time of that transaction in ms and how many it wrote; the
 * relationships are deleted afterwards, untimed.
 */
export async function timeBareInvitations(
  db: Db,
  eventId: string,
  filter: PersonFilter,
): Promise<{ ms: number; written: number }> {
  const part = buildPersonFilter(filter);
  const started = performance.now();
  const [row] = await db.writeTx((tx) =>
    tx.run<{ written: number }>(
      `MATCH (ev:Event {id: $eventId})
       CALL () { ${part.cypher} RETURN DISTINCT n }
       WITH ev, n WHERE ${contactable('n')}
       CREATE (n)-[:BENCH_BARE_INVITATION]->(ev)
       RETURN count(*) AS written`,
      { ...part.params, eventId },
    ),
  );
  const ms = performance.now() - started;
  await db.autoCommit(
    `MATCH (:Event {id: $eventId})<-[r:BENCH_BARE_INVITATION]-()
     CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
    { eventId },
  );
  return { ms, written: row?.written ?? 0 };
}
