/**
 * The outcome report as it was before it moved into Cypher (rows per introduction, summed in Node):
 * kept as the baseline `bench:outreach` compares with, and as a second opinion on the numbers.
 */
import {
  funnelStages,
  type IntroductionStage,
  introductionStages,
} from '../../schema/outreach/stages.ts';

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
