/**
 * The Cypher behind `neighborhood`: one expansion step from the shown frontier (its ties and the
 * ids of their neighbours, not the neighbours' properties), and the exact count of everything within
 * the depth, per kind.
 *
 * Relationship types are written into the patterns (they come from the TieKind allow-list, never from
 * user text) so Neo4j expands only those groups of a dense node. Every other value is a parameter:
 * `$kinds` (labels of neighbours to keep), `$categories` (people of these categories only, or null).
 */

/** Weighted ties (with a strength worth sorting by) are fetched strongest first. */
const weightedTypes = new Set(['KNOWS', 'DERIVED_TIE']);

/** A tie `r` to a neighbour `n` that the view follows. */
const followed = (
  r: string,
  n: string,
) => `NOT coalesce(${r}.deleted, false) AND NOT coalesce(${n}.deleted, false)
    AND any(l IN labels(${n}) WHERE l IN $kinds)
    AND ($categories IS NULL OR NOT ${n}:Person OR any(c IN ${n}.categories WHERE c IN $categories))`;

/**
 * A tie and its neighbour, with what drawing and naming the edge needs. The step reads a few dozen
 * ties per frontier node (neighborhood-walk.ts), most of which are drawn, so they are read whole here
 * rather than in a second statement for the drawn ones.
 */
const item = `{r: {type: type(r), startEid: elementId(startNode(r)), id: r.id, kind: r.kind,
          strength: r.strength, title: r.title, degree: r.degree, role: r.role, from: r.from,
          to: r.to, current: r.current},
      kind: [l IN labels(n) WHERE l IN $kinds][0], id: n.id, eid: elementId(n)}`;

/**
 * For each frontier node (`$frontier`, element ids in order): its projection and up to `$cap` of its
 * weighted ties (strongest first) and of its other ties (store order: no sort over a hub's
 * neighbours). The caller picks from them round-robin, and asks again with a larger `$cap` when a
 * list it cut ran out before the room filled (neighborhood-walk.ts).
 */
export function expansionCypher(types: readonly string[], projection: string): string {
  const weighted = types.filter((t) => weightedTypes.has(t));
  const plain = types.filter((t) => !weightedTypes.has(t));
  const collect = (group: readonly string[], name: string, order: string) =>
    group.length
      ? `CALL (a) {
    MATCH (a)-[r:${group.join('|')}]-(n) WHERE ${followed('r', 'n')}
    WITH r, n ${order} LIMIT $cap
    RETURN collect(${item}) AS ${name}
  }`
      : `WITH *, [] AS ${name}`;
  return `UNWIND range(0, size($frontier) - 1) AS at
  MATCH (a) WHERE elementId(a) = $frontier[at]
  ${collect(weighted, 'weighted', 'ORDER BY coalesce(r.strength, 0.5) DESC, n.id')}
  ${collect(plain, 'plain', '')}
  CALL (a) {
    WITH a AS n
    RETURN ${projection} AS e
  }
  RETURN at, e, weighted, plain`;
}

/**
 * Every node within `depth` steps of the start nodes (`$starts`), each counted once, per kind, up to
 * `$countCap` + 1 nodes; the start nodes themselves are not counted. Reads each node's ties once per
 * level (a hash set per level, not a path enumeration) and stops at the cap (the rows are pulled
 * lazily), so it costs at most the degrees it reads before the cap is reached: around a hub at 1M
 * people, everything within 2 steps was 332,287 nodes and 2.2M db hits.
 */
export function reachCountsCypher(types: readonly string[], depth: number): string {
  const step = `MATCH (n)-[r:${types.join('|')}]-(m) WHERE ${followed('r', 'm')}`;
  const levels: string[] = [];
  for (let level = 2; level <= depth; level++) {
    levels.push(`CALL (n) {
    RETURN n AS m
    UNION
    ${step}
    RETURN m
  }
  WITH DISTINCT m AS n`);
  }
  return `UNWIND $starts AS eid
  MATCH (s) WHERE elementId(s) = eid
  MATCH (s)-[r:${types.join('|')}]-(n) WHERE ${followed('r', 'n')}
  WITH DISTINCT n
  ${levels.join('\n  ')}
  WITH n WHERE NOT elementId(n) IN $starts
  WITH n LIMIT $countCap + 1
  RETURN [l IN labels(n) WHERE l IN $kinds][0] AS kind, count(*) AS count`;
}
