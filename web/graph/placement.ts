/**
 * Cheap placements, computed in one pass so the graph can be painted at once; fcose refines them
 * afterwards (off the main thread). Pure: plain ids and edges in, positions out.
 */

export interface Point {
  x: number;
  y: number;
}

export type Positions = Record<string, Point>;

/** Room each node gets along a ring (a node, its label and some air). */
const slot = 46;
const ringGap = 110;

/**
 * A radial tree around `rootId` (or the best-connected node): its neighbours on the first ring,
 * their neighbours on the next ring in the order of their parents (so children sit near their
 * parent), and nodes not reached from the root on an outer ring.
 */
export function radialPlacement(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
  rootId?: string,
): Positions {
  const adjacent = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const { source, target } of edges) {
    if (source === target) continue;
    adjacent.get(source)?.push(target);
    adjacent.get(target)?.push(source);
  }
  if (!ids.length) return {};
  const root =
    rootId && adjacent.has(rootId)
      ? rootId
      : ids.reduce((best, id) =>
          (adjacent.get(id)?.length ?? 0) > (adjacent.get(best)?.length ?? 0) ? id : best,
        );
  const rings: string[][] = [[root]];
  const seen = new Set([root]);
  for (let ring = [root]; ring.length; ) {
    const next: string[] = [];
    for (const id of ring) {
      for (const other of adjacent.get(id) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    if (next.length) rings.push(next);
    ring = next;
  }
  const unreached = ids.filter((id) => !seen.has(id));
  if (unreached.length) rings.push(unreached);

  const positions: Positions = { [root]: { x: 0, y: 0 } };
  let radius = 0;
  rings.forEach((ring, depth) => {
    if (depth === 0) return;
    radius = Math.max(radius + ringGap, (ring.length * slot) / (2 * Math.PI));
    ring.forEach((id, i) => {
      // Half a slot of offset on alternate rings keeps spokes from lining up.
      const angle = (2 * Math.PI * (i + 0.5 * (depth % 2))) / ring.length;
      positions[id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
  });
  return positions;
}

/**
 * Where nodes added around `centre` start: a ring on the side facing away from the rest of the
 * graph (`away` is the graph's centre), so they land in free space and the nodes already drawn
 * do not have to move.
 */
export function ringAround(count: number, centre: Point, away: Point): Point[] {
  const radius = 70 + (slot * count) / (2 * Math.PI);
  const dx = centre.x - away.x;
  const dy = centre.y - away.y;
  const outward = dx || dy ? Math.atan2(dy, dx) : 0;
  // Few nodes: a fan facing outwards; many: the whole circle, pushed outwards by its radius.
  const spread = Math.min(2 * Math.PI, Math.PI / 2 + (count * slot) / radius);
  const push = spread >= 2 * Math.PI ? radius : 0;
  const cx = centre.x + push * Math.cos(outward);
  const cy = centre.y + push * Math.sin(outward);
  return Array.from({ length: count }, (_, i) => {
    const angle = outward - spread / 2 + (spread * (i + 0.5)) / count;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
}
