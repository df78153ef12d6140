import { displayName, fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import type { IntroductionPath } from './queries.ts';

/**
 * A path's score in words, from the parts the API computes (schema/connections/path-ranking.ts):
 * what the path is like (hops; its weakest tie's strength, recency and checking; our consultants on
 * it), and what puts it ahead of the next path (or the one above behind it). Numbers only where the
 * words alone would hide a difference.
 */
type Score = IntroductionPath['score'];
type Comparable = Pick<IntroductionPath, 'score'> & { consultants: readonly unknown[] };

/** Differences smaller than this are a tie: the score parts are rounded products. */
const eps = 0.005;
const num = (n: number) => fmtNumber(n, { maximumFractionDigits: 2 });

/** One aspect of a path: `better(a, b)` > 0 when a is better on it; its phrase says so. */
interface Aspect {
  key: MessageKey;
  better: (a: Comparable, b: Comparable) => number;
  value: (p: Comparable) => number;
  show?: (n: number) => string;
}

const aspects: Aspect[] = [
  {
    key: 'paths.vs.hops',
    better: (a, b) => b.score.hops - a.score.hops,
    value: (p) => p.score.hops,
  },
  {
    key: 'paths.vs.strength',
    better: (a, b) => a.score.strength - b.score.strength,
    value: (p) => p.score.strength,
    show: num,
  },
  {
    key: 'paths.vs.recency',
    better: (a, b) => a.score.recency - b.score.recency,
    value: (p) => p.score.recency,
    show: num,
  },
  {
    key: 'paths.vs.verification',
    better: (a, b) => a.score.verification - b.score.verification,
    value: (p) => p.score.verification,
    show: num,
  },
  {
    key: 'paths.vs.load',
    better: (a, b) => b.score.introducerLoad - a.score.introducerLoad,
    value: (p) => p.score.introducerLoad,
  },
  {
    key: 'paths.vs.interactions',
    better: (a, b) => a.score.recentInteractions - b.score.recentInteractions,
    value: (p) => p.score.recentInteractions,
  },
  {
    key: 'paths.vs.consultants',
    better: (a, b) => a.consultants.length - b.consultants.length,
    value: (p) => p.consultants.length,
  },
];

/** The phrases for what `a` does better than `b` ("fewer hops (2 vs 3)"), most weighty first. */
export function betterIn(a: Comparable, b: Comparable): string[] {
  return aspects
    .filter((x) => x.better(a, b) > eps)
    .map((x) => {
      const show = x.show ?? ((n: number) => fmtNumber(n));
      return t(x.key, { a: show(x.value(a)), b: show(x.value(b)) });
    });
}

const strengthWord = (s: number) =>
  t(s >= 0.75 ? 'paths.strong' : s >= 0.5 ? 'paths.moderate' : 'paths.weak');
const recencyWord = (r: number) =>
  t(r >= 0.9 ? 'paths.recent' : r >= 0.7 ? 'paths.someYears' : 'paths.longAgo');
const checkWord = (v: number) =>
  t(
    v >= 0.99
      ? 'paths.verified'
      : v >= 0.85
        ? 'paths.sourced'
        : v >= 0.8
          ? 'paths.derived'
          : 'paths.unsourced',
  );

/** What the path is like, in one sentence. */
export function describePath(
  path: Comparable & { consultants: readonly { name: string; latinName?: string | null }[] },
): string {
  const s: Score = path.score;
  const parts = [
    t('paths.hopsWord', { n: s.hops }),
    t('paths.weakest', {
      strength: strengthWord(s.strength),
      recency: recencyWord(s.recency),
      checked: checkWord(s.verification),
    }),
  ];
  if (path.consultants.length)
    parts.push(t('paths.through', { names: path.consultants.map(displayName).join('、') }));
  if (s.introducerLoad > 0) parts.push(t('paths.busy', { n: s.introducerLoad }));
  if (s.recentInteractions > 0) parts.push(t('paths.talked', { n: s.recentInteractions }));
  return parts.join(t('paths.sep'));
}

/**
 * Why the path at `index` ranks where it does: what puts it ahead of the next path (and what the
 * next does better, if anything), or for the last of several, what the one above does better.
 */
export function rankReason(paths: readonly Comparable[], index: number): string | null {
  const path = paths[index];
  if (!path) return null;
  const next = paths[index + 1];
  if (next) {
    const ahead = betterIn(path, next);
    const though = betterIn(next, path);
    const n = index + 2;
    if (!ahead.length && !though.length) return t('paths.par', { n });
    const head = ahead.length
      ? t('paths.ahead', { n, reasons: ahead.join(t('paths.sep')) })
      : t('paths.aheadScore', { n });
    return though.length
      ? `${head}${t('paths.though', { n, reasons: though.join(t('paths.sep')) })}`
      : head;
  }
  const above = paths[index - 1];
  if (!above) return null;
  const behind = betterIn(above, path);
  return behind.length
    ? t('paths.behind', { n: index, reasons: behind.join(t('paths.sep')) })
    : t('paths.par', { n: index });
}
