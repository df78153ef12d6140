import { fmtNumber } from '../../app/i18n.ts';
import type { NeighborhoodFilter } from './queries.ts';

/**
 * How the explorer pages through a node's neighbours. The `neighborhood` query returns the first
 * `limit` neighbours in a fixed order, and counts exactly what it left out (past 10,000 neighbours,
 * at least how many). Asking for `limit` =
 * (neighbours already drawn or grouped) + `page` therefore brings at least `page` new ones whenever
 * that many exist, wherever the drawn ones fall in that order; nothing is ever "nothing new" while
 * the banner says some were left out.
 */

/** Neighbours of a node opened from search (a 500-neighbour hub is drawn whole, grouped). */
export const openLimit = 500;
/** New neighbours a double-click asks for. */
export const page = 500;
/** The most one request may ask for (the server's limit). */
export const maxLimit = 2000;

export const nextLimit = (held: number) => Math.max(1, Math.min(maxLimit, held + page));

/** A tie from the node being expanded to a neighbour the graph already has (drawn or grouped). */
export interface HeldTie {
  other: string;
  type: string;
  kind: string;
  derived: boolean;
}

/** Relationship types the server always follows, whatever the tie kinds asked for. */
const alwaysFollowed = new Set(['PART_OF', 'SUBFIELD_OF']);

/**
 * Neighbours the graph already has that this request would have returned but the answer did not
 * include, per type: the server counted them as left out, yet they are on the graph. With a category
 * filter this cannot be told from the graph: none are counted (the banner may then say a few more).
 */
export function outsideAnswer(
  ties: readonly HeldTie[],
  answer: ReadonlySet<string>,
  filter: NeighborhoodFilter,
): Map<string, number> {
  const out = new Map<string, number>();
  if (filter.categories?.length) return out;
  const seen = new Set<string>();
  for (const tie of ties) {
    if (answer.has(tie.other) || seen.has(tie.other)) continue;
    if (filter.kinds?.length && !filter.kinds.includes(tie.type as never)) continue;
    const followed = tie.derived
      ? !!filter.derived
      : alwaysFollowed.has(tie.kind) ||
        !filter.tieKinds?.length ||
        filter.tieKinds.includes(tie.kind as never);
    if (!followed) continue;
    seen.add(tie.other);
    out.set(tie.type, (out.get(tie.type) ?? 0) + 1);
  }
  return out;
}

export interface Remaining {
  /** Neighbours neither drawn nor grouped. */
  total: number;
  byKind: { kind: string; count: number }[];
  /** The server stopped counting (a hub of over 10,000): the counts are lower bounds. */
  atLeast: boolean;
}

/** What is still not on the graph after an answer: the server's omitted counts less `outside`. */
export function remainingAfter(
  hood: {
    truncated: boolean;
    omittedByKind: readonly { kind: string; count: number }[];
    omittedAtLeast: boolean;
  },
  outside: ReadonlyMap<string, number>,
): Remaining {
  if (!hood.truncated) return { total: 0, byKind: [], atLeast: false };
  const byKind = hood.omittedByKind
    .map((k) => ({ kind: k.kind, count: Math.max(0, k.count - (outside.get(k.kind) ?? 0)) }))
    .filter((k) => k.count > 0);
  const total = byKind.reduce((sum, k) => sum + k.count, 0);
  return { total, byKind, atLeast: total > 0 && hood.omittedAtLeast };
}

/** A count of what is left out as the UI says it: "9,500+" when it is a lower bound. */
export const remainingText = (count: number, atLeast: boolean) =>
  `${fmtNumber(count)}${atLeast ? '+' : ''}`;
