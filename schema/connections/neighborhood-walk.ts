import type { RecordShape } from 'neo4j-driver';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { encodeGlobalId } from '../shared/global-id.ts';
import { encodeTieId } from '../tie/tie.model.ts';
import type { Located } from './element-ids.ts';
import { expansionCypher, reachCountsCypher, tieDetailsCypher } from './neighborhood-cypher.ts';

/** Runs one read query: the app's `ctx.db.read`, or the bench's raw driver (same Cypher, no GraphQL). */
export type ReadCypher = <Row extends RecordShape = RecordShape>(
  cypher: string,
  params: Record<string, unknown>,
) => Promise<Row[]>;

export interface GraphEdge {
  id: string;
  kind: string;
  derived: boolean;
  source: string;
  target: string;
  label: string | null;
  /** When the label is a coded value (a KNOWS or derived kind, a degree): which, to put in words. */
  coded: { kind: 'knowsKind' | 'derivedKind' | 'degree'; value: string } | null;
  strength: number | null;
  startYear: number | null;
  endYear: number | null;
  current: boolean | null;
}

/** The coded value a tie's label shows, if it is one (job titles and roles are text as written). */
function codedLabel(type: string, r: Record<string, unknown>): GraphEdge['coded'] {
  if (typeof r.kind === 'string') {
    if (type === 'KNOWS') return { kind: 'knowsKind', value: r.kind };
    if (type === 'DERIVED_TIE') return { kind: 'derivedKind', value: r.kind };
    return null;
  }
  if (r.title == null && typeof r.degree === 'string') return { kind: 'degree', value: r.degree };
  return null;
}

export interface Neighborhood {
  nodes: Entity[];
  edges: GraphEdge[];
  truncated: boolean;
  omittedNodes: number;
  omittedByKind: { kind: string; count: number }[];
  /** More than `countCap` nodes lay within the depth: the omitted counts are lower bounds. */
  omittedAtLeast: boolean;
}

/**
 * How many nodes within the depth are counted before the count stops and says "at least": 5× the
 * largest limit, so a capped answer still leaves out thousands, and a count costs milliseconds.
 */
export const reachCountCap = 10_000;

export interface WalkOptions {
  depth: number;
  limit: number;
  /** Relationship types to follow (from the TieKind allow-list). */
  types: readonly string[];
  /** Labels of neighbours to keep. */
  kinds: readonly EntityKind[];
  /** People of these categories only (null: all). */
  categories: readonly string[] | null;
  /** How many nodes within the depth to count at most (default `reachCountCap`). */
  countCap?: number;
}

interface ExpansionItem {
  /** The tie, light (neighborhood-cypher.ts); the rest of its properties are read once it is drawn. */
  r: Record<string, unknown> & { type: string; startEid: string; reid: string };
  kind: EntityKind;
  id: string;
  eid: string;
}

interface Expansion {
  /** Position of the frontier node this row expands. */
  at: number;
  /** The frontier node's own properties (it was picked by the step before, without them). */
  e: Record<string, unknown>;
  /** Ties with a strength (KNOWS, derived), strongest first. */
  weighted: ExpansionItem[];
  /** Other ties (strength 0.5 by convention), in store order. */
  plain: ExpansionItem[];
}

/** The weighted ties at least as strong as a plain one (0.5), then the plain ones, then the rest. */
function strongestFirst(row: Expansion): ExpansionItem[] {
  const strength = (i: ExpansionItem) => Number(i.r.strength ?? 0.5);
  return [
    ...row.weighted.filter((i) => strength(i) >= 0.5),
    ...row.plain,
    ...row.weighted.filter((i) => strength(i) < 0.5),
  ];
}

/** The edge `id` a tie `r` (light item and details) draws from `fromGlobal` (element id `fromEid`). */
function edgeOf(
  id: string,
  r: ExpansionItem['r'],
  fromGlobal: string,
  fromEid: string,
  global: string,
): GraphEdge {
  const outward = r.startEid === fromEid;
  const type = r.type;
  return {
    id,
    kind: type,
    derived: type === 'DERIVED_TIE',
    source: outward ? fromGlobal : global,
    target: outward ? global : fromGlobal,
    label: (r.kind ?? r.title ?? r.degree ?? r.role ?? null) as string | null,
    coded: codedLabel(type, r),
    strength: (r.strength ?? null) as number | null,
    startYear: (r.from ?? null) as number | null,
    endYear: (r.to ?? null) as number | null,
    current: (r.current ?? null) as boolean | null,
  };
}

/**
 * The nodes and ties around `start`, breadth first, strongest ties first, at most `limit` nodes; what
 * the limit leaves out is counted exactly (each node within the depth once, per kind) up to
 * `countCap` nodes within the depth, and as a lower bound past it.
 */
export async function walkNeighborhood(
  read: ReadCypher,
  start: readonly Located[],
  { depth, limit, types, kinds, categories, countCap = reachCountCap }: WalkOptions,
): Promise<Neighborhood> {
  const params = { kinds, categories };
  const starts = [...new Set(start.map((s) => s.elementId))];
  // Everything within the depth, counted once per node and kind (in parallel with the first
  // step): what the answer leaves out is this minus what it shows, exactly while the count stays
  // under the cap. Past it, the nodes counted per kind may not include all the shown ones, but
  // what is left out of a kind is still at least (counted - shown).
  const reach = read<{ kind: string; count: number }>(reachCountsCypher(types, depth), {
    ...params,
    starts,
    countCap,
  });
  reach.catch(() => undefined); // awaited below; a failed step must not leave it unhandled

  const nodes = new Map<string, Entity | null>();
  const kindOf = new Map<string, EntityKind>();
  const eidToGlobal = new Map<string, string>();
  for (const s of start) {
    nodes.set(s.globalId, null);
    kindOf.set(s.globalId, s.kind);
    eidToGlobal.set(s.elementId, s.globalId);
  }
  // The edges drawn, by edge id (a later item with the same id replaces an earlier one), built
  // once their ties' other properties are read.
  const drawn = new Map<
    string,
    { item: ExpansionItem; from: string; fromEid: string; to: string }
  >();
  const edgeIdOf = (item: ExpansionItem, from: string, to: string) =>
    item.r.type === 'DERIVED_TIE'
      ? `Derived:${[from, to].sort().join('|')}:${item.r.kind}`
      : encodeTieId(item.r.type as never, String(item.r.id));
  const cypher = expansionCypher(types, entityProjection);
  // Breadth first: a level is expanded only when the one before it was shown whole, so the nodes
  // shown are always min(limit, everything within the depth).
  let frontier = starts;
  let last: string[] = [];
  for (let level = 0; level < depth && frontier.length; level++) {
    const room = limit - nodes.size;
    // Room left + nodes shown is enough to fill the room unless a node has several ties to one
    // neighbour (a bachelor's and a master's at one university): then ask again with more.
    let cap = room + nodes.size;
    let rows: Expansion[];
    for (;;) {
      rows = await read<Expansion>(cypher, { ...params, frontier, cap });
      const full = rows.some((r) => r.weighted.length >= cap || r.plain.length >= cap);
      const fresh = new Set(
        rows.flatMap((r) => [...r.weighted, ...r.plain].map((i) => encodeGlobalId(i.kind, i.id))),
      );
      for (const known of nodes.keys()) fresh.delete(known);
      if (!full || fresh.size >= room) break;
      cap *= 2;
    }
    const next: string[] = [];
    const lists = rows.map((row) => {
      const global = eidToGlobal.get(frontier[row.at] as string) as string;
      nodes.set(global, toEntity(kindOf.get(global) as EntityKind, row.e));
      return { global, eid: frontier[row.at] as string, items: strongestFirst(row) };
    });
    // Round-robin over the frontier, each node's strongest ties first: one hub cannot take all
    // the room, and the room left by a node with few neighbours goes to the others.
    const longest = Math.max(0, ...lists.map((l) => l.items.length));
    for (let rank = 0; rank < longest; rank++) {
      for (const list of lists) {
        const item = list.items[rank];
        if (!item) continue;
        const global = encodeGlobalId(item.kind, item.id);
        if (!nodes.has(global)) {
          if (nodes.size >= limit) continue;
          nodes.set(global, null);
          kindOf.set(global, item.kind);
          eidToGlobal.set(item.eid, global);
          next.push(item.eid);
        }
        drawn.set(edgeIdOf(item, list.global, global), {
          item,
          from: list.global,
          fromEid: list.eid,
          to: global,
        });
      }
    }
    if (nodes.size >= limit) {
      last = next;
      break;
    }
    frontier = next;
    last = next;
  }
  // The nodes of the last step were picked without their properties, and every drawn tie without
  // the properties beyond its light item: both read now, side by side.
  const unread = last.filter((eid) => !nodes.get(eidToGlobal.get(eid) as string));
  const reids = [...new Set([...drawn.values()].map((d) => d.item.r.reid))];
  const [unreadRows, detailRows] = await Promise.all([
    unread.length
      ? read<{ eid: string; e: Record<string, unknown> }>(
          `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid RETURN eid, ${entityProjection} AS e`,
          { eids: unread },
        )
      : [],
    reids.length
      ? read<{ reid: string; details: Record<string, unknown> }>(tieDetailsCypher, { reids })
      : [],
  ]);
  for (const row of unreadRows) {
    const global = eidToGlobal.get(row.eid) as string;
    nodes.set(global, toEntity(kindOf.get(global) as EntityKind, row.e));
  }
  const details = new Map(detailRows.map((row) => [row.reid, row.details]));
  const edges = [...drawn].map(([id, { item, from, fromEid, to }]) =>
    edgeOf(id, { ...details.get(item.r.reid), ...item.r }, from, fromEid, to),
  );
  const shown = new Map<string, number>();
  for (const [global] of nodes) {
    if (start.some((s) => s.globalId === global)) continue;
    const kind = kindOf.get(global) as string;
    shown.set(kind, (shown.get(kind) ?? 0) + 1);
  }
  const reached = await reach;
  const omittedByKind = reached
    .map(({ kind, count }) => ({ kind, count: count - (shown.get(kind) ?? 0) }))
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const omitted = omittedByKind.reduce((sum, k) => sum + k.count, 0);
  return {
    nodes: [...nodes.values()].filter((n): n is Entity => n !== null),
    edges,
    truncated: omitted > 0,
    omittedNodes: omitted,
    omittedByKind,
    omittedAtLeast: reached.reduce((sum, k) => sum + k.count, 0) > countCap,
  };
}
