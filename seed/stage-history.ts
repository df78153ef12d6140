/**
 * The stage moves of a demo introduction: from `proposed` along the pipeline (schema/outreach/
 * stages.ts) to the stage it is in now, each stay days to months long, all before "now".
 */
import { stageMoveProblem } from '../schema/outreach/stages.ts';
import type { IntroductionStage } from './model.ts';
import type { Random } from './random.ts';

const DAY = 86_400_000;
/** Shortest and longest stay in a stage, in days, when time allows. */
const STAY_DAYS = [3, 75] as const;

/** One move: into `to` (from `from`, null for the first) at `atMs`. */
export interface StageStep {
  from: IntroductionStage | null;
  to: IntroductionStage;
  atMs: number;
}

/** The forward stages up to `last`, `visited` taken or skipped. */
function forward(random: Random, last: IntroductionStage): IntroductionStage[] {
  const path: IntroductionStage[] = ['proposed', 'contacted', 'interested'];
  if (last === 'visited' || random.chance(0.5)) path.push('visited');
  path.push('negotiating', 'signed', 'landed');
  const end = path.indexOf(last);
  return end < 0 ? path.slice(0, 1) : path.slice(0, end + 1);
}

/** The stages an introduction now in `stage` went through, in order (a closed one stopped somewhere). */
function route(random: Random, stage: IntroductionStage): IntroductionStage[] {
  if (stage === 'declined') {
    const stop = random.pick(['proposed', 'contacted', 'interested', 'negotiating'] as const);
    return [...forward(random, stop), 'declined'];
  }
  if (stage === 'dormant') {
    return [...forward(random, random.chance(0.6) ? 'contacted' : 'interested'), 'dormant'];
  }
  return forward(random, stage);
}

/**
 * The moves of an introduction created at `createdMs` and now in `stage`. Stays are 3–75 days,
 * squeezed (never below a day) to end before `nowMs`; when even a day each does not fit, the
 * introduction stops at the last stage it had time to reach. Every move is one the API allows.
 */
export function stageHistory(
  random: Random,
  stage: IntroductionStage,
  createdMs: number,
  nowMs: number,
): StageStep[] {
  const stages = route(random, stage);
  const stays = stages.slice(1).map(() => random.int(STAY_DAYS[0], STAY_DAYS[1]) * DAY);
  const available = Math.max(0, nowMs - DAY - createdMs);
  const fit = Math.min(stays.length, Math.floor(available / DAY));
  const total = stays.slice(0, fit).reduce((a, b) => a + b, 0);
  const scale = total > available ? available / total : 1;
  const steps: StageStep[] = [{ from: null, to: 'proposed', atMs: createdMs }];
  let at = createdMs;
  for (let k = 0; k < fit; k++) {
    at += Math.max(DAY, Math.floor((stays[k] as number) * scale));
    if (at >= nowMs) break;
    const from = stages[k] as IntroductionStage;
    const to = stages[k + 1] as IntroductionStage;
    if (stageMoveProblem(from, to, false)) throw new Error(`bad demo move ${from} → ${to}`);
    steps.push({ from, to, atMs: at });
  }
  return steps;
}
