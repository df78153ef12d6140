/**
 * The Cypher behind `introductionPaths`: per person on our side, the `candidates` shortest walks to
 * the target (`SHORTEST k`; the resolver drops walks that pass a person twice and scores the rest).
 * A search met in the middle (two hops out from each end, joined on the middle person) read 40 %
 * fewer db hits at 100k people but timed out in the int tests; see commit c09ec8e.
 */

/** The restrictions a caller may put on the search; each becomes fixed text in the query. */
export interface PathRules {
  /** Use DERIVED_TIE besides KNOWS. */
  derived: boolean;
  /** Some KNOWS kinds only (`$knowsKinds`). */
  someKnowsKinds: boolean;
  /** Some derived kinds only (`$derivedKinds`). */
  someDerivedKinds: boolean;
  /** A minimum strength (`$minStrength`). */
  minStrength: boolean;
  /** People to avoid (`$avoid`). */
  avoid: boolean;
}

/** Whether tie `r` may be used. Property checks cost, so only the ones asked for are written. */
function tieCheck(r: string, rules: PathRules): string {
  const knows = [`NOT ${r}.deleted`];
  if (rules.someKnowsKinds) knows.push(`${r}.kind IN $knowsKinds`);
  if (rules.minStrength) knows.push(`coalesce(${r}.strength, 0.5) >= $minStrength`);
  if (!rules.derived) return knows.join(' AND ');
  const derived = ['true'];
  if (rules.someDerivedKinds) derived.push(`${r}.kind IN $derivedKinds`);
  if (rules.minStrength) derived.push(`${r}.strength >= $minStrength`);
  return `((type(${r}) = 'KNOWS' AND ${knows.join(' AND ')}) OR (type(${r}) = 'DERIVED_TIE' AND ${derived.join(' AND ')}))`;
}

/** Whether person `x` may be on a path (after our side). */
function personCheck(x: string, rules: PathRules): string {
  return rules.avoid ? `NOT ${x}.deleted AND NOT ${x}.id IN $avoid` : `NOT ${x}.deleted`;
}

const tieFields = (r: string) =>
  `${r} {type: type(${r}), .kind, .strength, .since, .from, .to, .viaName, .sourceId, .verified, .recordedBy,
    recordedAt: toString(${r}.recordedAt), startId: startNode(${r}).id}`;

/** `SHORTEST k` walks from our side over the allowed ties, through live people not avoided. */
export function shortestPaths(maxHops: number, rules: PathRules, candidates: number): string {
  const types = rules.derived ? 'KNOWS|DERIVED_TIE' : 'KNOWS';
  return `MATCH (t:Person {id: $to}) WHERE NOT t.deleted
MATCH (s:Person) WHERE s.id IN $from AND NOT s.deleted AND NOT s.id IN $avoid
MATCH p = SHORTEST ${candidates} (s)(()-[r:${types} WHERE ${tieCheck('r', rules)}]-(x:Person WHERE ${personCheck('x', rules)})){1,${maxHops}}(t)
RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | ${tieFields('r')}] AS ties`;
}
