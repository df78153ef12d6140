import type { ReadCypher } from '../../server/db/run.ts';
import { knowsKinds } from '../tie/tie-kinds.ts';
import { derivedKindNames } from './derived-ties.ts';
import {
  adjustForOutreach,
  type OutreachSignals,
  type PathScore,
  type PathTie,
  scorePath,
} from './path-ranking.ts';
import { type PathRules, shortestPaths } from './paths-cypher.ts';

export interface Hop {
  fromId: string;
  toId: string;
  tie: PathTie;
  recordedAt: string | null;
  recordedBy: string | null;
}

export interface IntroductionPath {
  personIds: string[];
  hops: Hop[];
  score: PathScore;
}

export interface PathsResult {
  paths: IntroductionPath[];
  reason: string | null;
  maxHops: number;
}

/**
 * Introducer load (introductions asked in 90 days) and interactions (last 365 days) of the people
 * paths go through: counts across all teams, no details, like `Person.introducerLoad`.
 */
async function outreachSignals(
  read: ReadCypher,
  ids: readonly string[],
): Promise<Map<string, OutreachSignals>> {
  if (!ids.length) return new Map();
  const rows = await read<OutreachSignals & { id: string }>(
    `UNWIND $ids AS id MATCH (p:Person {id: id})
     RETURN id,
       COUNT { (p)<-[:INTRODUCER]-(i:Introduction)
               WHERE NOT coalesce(i.deleted, false) AND i.createdAt >= datetime() - duration('P90D') } AS load,
       COUNT { (p)<-[:ON]-(n:Interaction) WHERE n.at >= datetime() - duration('P365D') } AS interactions`,
    { ids },
  );
  return new Map(rows.map((r) => [r.id, r]));
}

interface RawPath {
  ids: string[];
  ties: (Omit<PathTie, 'recordedYear'> & {
    recordedAt: string | null;
    recordedBy: string | null;
    startId: string;
  })[];
}

/** What `introductionPaths` asks, ids already decoded (our side without the target). */
export interface PathsQuestion {
  from: readonly string[];
  to: string;
  avoid: readonly string[];
  maxHops: number;
  first: number;
  knowsKinds: readonly string[] | null;
  derived: boolean;
  derivedKinds: readonly string[] | null;
  minStrength: number;
}

/**
 * The warmest paths from our side to the target: the shortest simple paths per person on our side
 * (paths-cypher.ts), each scored in full (path-ranking.ts), adjusted for introducer load and recent
 * interactions, best first.
 */
export async function findIntroductionPaths(
  read: ReadCypher,
  q: PathsQuestion,
): Promise<PathsResult> {
  const { from, to, avoid, maxHops, first, minStrength } = q;
  // Property checks inside the path patterns cost several times the search itself, so only the
  // restrictions the caller asked for are written into them (all of them fixed text, no user values).
  const knows = q.knowsKinds?.length ? q.knowsKinds : knowsKinds;
  const derivedAllowed = q.derivedKinds?.length ? q.derivedKinds : derivedKindNames;

  const rules: PathRules = {
    derived: q.derived,
    someKnowsKinds: knows.length < knowsKinds.length,
    someDerivedKinds: derivedAllowed.length < derivedKindNames.length,
    minStrength: minStrength > 0,
    avoid: avoid.length > 0,
  };
  // The shortest paths per person on our side; a wider pool than asked lets a warmer, longer
  // path win.
  const candidates = Math.min(Math.max(first * 3, 10), 30);
  const rows = await read<RawPath>(shortestPaths(maxHops, rules, candidates), {
    to,
    from,
    avoid,
    knowsKinds: knows,
    derivedKinds: derivedAllowed,
    minStrength,
    candidates,
  });
  const seen = new Set<string>();
  const paths: IntroductionPath[] = [];
  for (const row of rows) {
    const key = row.ids.join('>');
    // A trail may pass a person twice (A-B-C-B-T); an introduction never should.
    if (seen.has(key) || new Set(row.ids).size !== row.ids.length) continue;
    seen.add(key);
    const ties: PathTie[] = row.ties.map((r) => ({
      ...r,
      recordedYear: r.recordedAt ? Number(r.recordedAt.slice(0, 4)) : null,
    }));
    paths.push({
      personIds: row.ids,
      score: scorePath(ties),
      hops: ties.map((tie, i) => ({
        fromId: row.ids[i] as string,
        toId: row.ids[i + 1] as string,
        tie,
        recordedAt: row.ties[i]?.recordedAt ?? null,
        recordedBy: row.ties[i]?.recordedBy ?? null,
      })),
    });
  }
  const signals = await outreachSignals(read, [
    ...new Set(paths.flatMap((p) => p.personIds.slice(1, -1))),
  ]);
  for (const path of paths)
    path.score = adjustForOutreach(path.score, path.personIds.slice(1, -1), signals);
  paths.sort(
    (a, b) =>
      b.score.score - a.score.score ||
      a.score.hops - b.score.hops ||
      a.personIds.join().localeCompare(b.personIds.join()),
  );
  const best = paths.slice(0, first);
  return {
    paths: best,
    maxHops,
    reason: best.length ? null : `not reachable within ${maxHops} hops with the ties allowed`,
  };
}
