import { type DerivedKind, derivedKinds } from './derived-ties.ts';

/** One tie along a path, as read from the database. */
export interface PathTie {
  type: 'KNOWS' | 'DERIVED_TIE';
  kind: string;
  strength: number | null;
  since: number | null;
  from: number | null;
  to: number | null;
  viaName: string | null;
  sourceId: string | null;
  verified: boolean | null;
  /** Year the tie was recorded (KNOWS), for recency. */
  recordedYear: number | null;
}

export interface HopScore {
  strength: number;
  recency: number;
  verification: number;
  weight: number;
}

export interface PathScore {
  score: number;
  hops: number;
  /** The score of the ties alone, before the outreach adjustment. */
  tieScore: number;
  /** Most introductions asked in the last 90 days of any person the path goes through. */
  introducerLoad: number;
  /** Our interactions in the last year with the first person we would contact on the path. */
  recentInteractions: number;
  /** tieScore × this = score: warmth from interactions times the introducer-load factor. */
  outreachFactor: number;
  /** The weakest hop's strength, recency and verification: a path is as warm as its coldest tie. */
  strength: number;
  recency: number;
  verification: number;
}

/** Each hop beyond the first costs this factor: fewer introductions are better. */
const hopPenalty = 0.8;

/**
 * How much a tie can carry an introduction: its strength (asserted ties default to 0.5; derived ties
 * are weaker by construction), how recent it is (older records and long-past overlaps count less, never
 * below half), and how well it is known (verified > sourced > unsourced; derived in between).
 */
export function scoreHop(tie: PathTie, now = new Date().getUTCFullYear()): HopScore {
  const strength = tie.strength ?? 0.5;
  const lastSeen = tie.type === 'KNOWS' ? (tie.recordedYear ?? tie.since) : (tie.to ?? now);
  const recency = lastSeen == null ? 0.75 : Math.max(0.5, 1 - Math.max(0, now - lastSeen) / 40);
  const verification =
    tie.type === 'DERIVED_TIE' ? 0.8 : tie.verified ? 1 : tie.sourceId ? 0.85 : 0.7;
  return { strength, recency, verification, weight: strength * recency * verification };
}

/** A path's score: the product of its hops' weights, times the hop penalty per extra hop. */
export function scorePath(ties: readonly PathTie[], now?: number): PathScore {
  const hops = ties.map((t) => scoreHop(t, now));
  const product = hops.reduce((acc, h) => acc * h.weight, 1);
  const tieScore = product * hopPenalty ** Math.max(0, ties.length - 1);
  return {
    score: tieScore,
    hops: ties.length,
    tieScore,
    introducerLoad: 0,
    recentInteractions: 0,
    outreachFactor: 1,
    strength: Math.min(...hops.map((h) => h.strength)),
    recency: Math.min(...hops.map((h) => h.recency)),
    verification: Math.min(...hops.map((h) => h.verification)),
  };
}

/** What outreach records say about a person on a path. */
export interface OutreachSignals {
  /** Introductions asked of them (as introducer) in the last 90 days. */
  load: number;
  /** Interactions logged with them in the last 365 days. */
  interactions: number;
}

/**
 * Adjusts a path's score with outreach records, as the outreach issue asks: an introducer who was
 * asked often lately is spared (−10 % per introduction asked in 90 days, at most −50 %), and a first
 * contact we have been talking to is warmer (+10 % per interaction in the last year, at most +30 %).
 * `between` are the people the path goes through (not our side, not the target), in order.
 */
export function adjustForOutreach(
  score: PathScore,
  between: readonly string[],
  signals: ReadonlyMap<string, OutreachSignals>,
): PathScore {
  const introducerLoad = Math.max(0, ...between.map((id) => signals.get(id)?.load ?? 0));
  const first = between[0];
  const recentInteractions = first ? (signals.get(first)?.interactions ?? 0) : 0;
  const outreachFactor =
    Math.max(0.5, 1 - 0.1 * introducerLoad) * (1 + 0.1 * Math.min(3, recentInteractions));
  return {
    ...score,
    score: score.tieScore * outreachFactor,
    introducerLoad,
    recentInteractions,
    outreachFactor,
  };
}

export type Lang = 'zh' | 'en';

const knowsLabels: Record<string, { zh: string; en: string }> = {
  classmate: { zh: '同学', en: 'classmates' },
  colleague: { zh: '同事', en: 'colleagues' },
  mentor: { zh: '师生', en: 'mentor and student' },
  coauthor: { zh: '合作者', en: 'co-authors' },
  friend: { zh: '朋友', en: 'friends' },
  family: { zh: '亲属', en: 'family' },
};

const derivedSources: Record<DerivedKind, { zh: string; en: string }> = {
  colleague: { zh: '由任职记录推断', en: 'derived from employment records' },
  classmate: { zh: '由学习经历推断', en: 'derived from study records' },
  association: { zh: '由会员记录推断', en: 'derived from membership records' },
  project: { zh: '由项目记录推断', en: 'derived from project records' },
};

function years(from: number | null, to: number | null, lang: Lang): string {
  if (from == null && to == null) return '';
  const span = `${from ?? '?'}–${to ?? (lang === 'zh' ? '至今' : 'now')}`;
  return lang === 'zh' ? `（${span}）` : ` (${span})`;
}

/**
 * A hop in words, e.g. "同学（自2005年起），来源：华科校友名录" or "colleagues at 华为 (2010–2018),
 * derived from employment records".
 */
export function explainHop(tie: PathTie, sourceTitle: string | null, lang: Lang): string {
  if (tie.type === 'DERIVED_TIE') {
    const kind = tie.kind as DerivedKind;
    const label = derivedKinds[kind]?.label[lang] ?? tie.kind;
    const via = tie.viaName ?? '';
    const head =
      lang === 'zh' ? `${via ? `在${via}` : ''}${label}` : `${label}${via ? ` at ${via}` : ''}`;
    const sep = lang === 'zh' ? '，' : ', ';
    return `${head}${years(tie.from, tie.to, lang)}${sep}${derivedSources[kind]?.[lang] ?? ''}`;
  }
  const label = knowsLabels[tie.kind]?.[lang] ?? tie.kind;
  const since =
    tie.since == null ? '' : lang === 'zh' ? `（自${tie.since}年起）` : ` (since ${tie.since})`;
  const source =
    lang === 'zh'
      ? sourceTitle
        ? `，来源：${sourceTitle}`
        : '，未注明来源'
      : sourceTitle
        ? `, source: ${sourceTitle}`
        : ', unsourced';
  const checked = tie.verified ? (lang === 'zh' ? '（已核实）' : ' (verified)') : '';
  return `${label}${since}${source}${checked}`;
}
