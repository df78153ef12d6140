import { funnelStages, type IntroductionStage, introductionStages } from './stages.ts';

const attributionCuts = ['introducer', 'event', 'channel', 'station', 'consultant'] as const;
type AttributionCut = (typeof attributionCuts)[number];

/** What the report query aggregates in Cypher (a few dozen rows, whatever the number of introductions). */
export interface FunnelAggregates {
  /** Introductions by current stage and the furthest funnel stage reached (index into funnelStages). */
  counts: { stage: IntroductionStage; furthest: number; n: number }[];
  /** Stays in a stage that ended with a move: how many, mean and median days. */
  stays: { stage: IntroductionStage; n: number; meanDays: number; medianDays: number }[];
  /** Signed and landed introductions per credited key of each cut. */
  credits: { cut: AttributionCut; key: string; name: string; signed: number; landed: number }[];
}

export interface StageStat {
  stage: IntroductionStage;
  /** Introductions in this stage now. */
  current: number;
  /** Introductions that reached this stage or a later one of the funnel (null for declined/dormant). */
  reached: number | null;
  /** reached / total (null for declined/dormant, or with no introductions). */
  conversion: number | null;
  /** Stays in this stage that ended with a move. */
  stays: number;
  /** Mean and median days spent in this stage, over stays that ended with a move; null when none did. */
  meanDays: number | null;
  medianDays: number | null;
}

export interface Attribution {
  key: string;
  name: string;
  signed: number;
  landed: number;
}

export type FunnelReport = { total: number; stages: StageStat[] } & Record<
  `by${Capitalize<AttributionCut>}`,
  Attribution[]
>;

const byOutcome = (a: Attribution, b: Attribution) =>
  b.landed - a.landed || b.signed - a.signed || a.key.localeCompare(b.key);

/** Turns the aggregates into counts per stage, conversion along the funnel, days per stage and credits. Pure. */
export function assembleFunnel(a: FunnelAggregates): FunnelReport {
  const total = a.counts.reduce((sum, c) => sum + c.n, 0);
  const stages = introductionStages.map((stage): StageStat => {
    const index = funnelStages.indexOf(stage);
    const reached =
      index < 0 ? null : a.counts.filter((c) => c.furthest >= index).reduce((s, c) => s + c.n, 0);
    const stay = a.stays.find((s) => s.stage === stage);
    return {
      stage,
      current: a.counts.filter((c) => c.stage === stage).reduce((s, c) => s + c.n, 0),
      reached,
      conversion: reached === null || total === 0 ? null : reached / total,
      stays: stay?.n ?? 0,
      meanDays: stay ? stay.meanDays : null,
      medianDays: stay ? stay.medianDays : null,
    };
  });
  const cut = (name: AttributionCut) =>
    a.credits
      .filter((c) => c.cut === name)
      .map(({ key, name, signed, landed }) => ({ key, name, signed, landed }))
      .sort(byOutcome);
  return {
    total,
    stages,
    byIntroducer: cut('introducer'),
    byEvent: cut('event'),
    byChannel: cut('channel'),
    byStation: cut('station'),
    byConsultant: cut('consultant'),
  };
}
