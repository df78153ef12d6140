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

/** One aspect of a path: its value, which way is better, and the phrase saying `a` is better. */
interface Aspect {
  key: MessageKey;
  value: (p: Comparable) => number;
  /** How much better `a` is than `b` on it (> 0: better). */
  better: (a: Comparable, b: Comparable) => number;
  show: (n: number) => string;
}

const aspect = (
  key: MessageKey,
  value: (p: Comparable) => number,
  higherIsBetter: boolean,
  show: (n: number) => string = (n) => fmtNumber(n),
): Aspect => ({
  key,
  value,
  better: (a, b) => (higherIsBetter ? value(a) - value(b) : value(b) - value(a)),
  show,
});

/** In order of weight: fewer hops first, as the score's hop penalty says. */
const aspects: Aspect[] = [
  aspect('paths.vs.hops', (p) => p.score.hops, false),
  aspect('paths.vs.strength', (p) => p.score.strength, true, num),
  aspect('paths.vs.recency', (p) => p.score.recency, true, num),
  aspect('paths.vs.verification', (p) => p.score.verification, true, num),
  aspect('paths.vs.load', (p) => p.score.introducerLoad, false),
  aspect('paths.vs.interactions', (p) => p.score.recentInteractions, true),
  aspect('paths.vs.consultants', (p) => p.consultants.length, true),
];

/** The phrases for what `a` does better than `b` ("fewer hops (2 vs 3)"), most weighty first. */
export function betterIn(a: Comparable, b: Comparable): string[] {
  return aspects
    .filter((x) => x.better(a, b) > eps)
    .map((x) => t(x.key, { a: x.show(x.value(a)), b: x.show(x.value(b)) }));
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
