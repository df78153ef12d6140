/**
 * The Cypher behind `neighborhood`: one expansion step from the shown frontier (light rows, no
 * entity properties), and the exact count of everything within the depth, per kind.
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
 * A tie and its neighbour, light: what choosing and naming the edge needs (its element id, to read
 * the rest of its properties for the ties drawn only: projecting every tie of a hub read 46,288 of
 * the 69,553 db hits of a second step at 1M, for ~470 ties drawn out of ~4,000).
 */
const item = `{r: {type: type(r), startEid: elementId(startNode(r)), reid: elementId(r), id: r.id,
          kind: r.kind, strength: r.strength},
      kind: [l IN labels(n) WHERE l IN $kinds][0], id: n.id, eid: elementId(n)}`;

/** The properties of ties (`$reids`, element ids) that an edge shows beyond its light item. */
export const tieDetailsCypher = `UNWIND $reids AS reid MATCH ()-[r]->() WHERE elementId(r) = reid
RETURN reid, r {.title, .degree, .role, .from, .to, .current} AS details`;

/**
 * For each frontier node (`$frontier`, element ids in order): its projection and up to `$cap` of its
 * weighted ties (strongest first) and of its other ties, as light items, (store order: no sort over a hub's
 * neighbours). The caller picks from them round-robin, so `$cap` = room left + nodes already shown is
 * always enough to fill the room, however many of a node's neighbours are already on the graph.
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
