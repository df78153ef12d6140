import type { ReadCypher } from '../../server/db/run.ts';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { encodeGlobalId } from '../shared/global-id.ts';
import { encodeTieId } from '../tie/tie.model.ts';
import type { Located } from './element-ids.ts';
import { expansionCypher, reachCountsCypher } from './neighborhood-cypher.ts';

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
  /**
   * How many ties per frontier node a step reads first (default: an even share of the room plus
   * the nodes shown). The answer does not depend on it; a test checks that.
   */
  firstCap?: number;
  /**
   * The Cypher map projection of a node `n` (default `entityProjection`, every property): the
   * resolver passes `entitySummaryProjection` when the query asks for nothing more of the nodes.
   */
  projection?: string;
}

interface ExpansionItem {
  /** The tie (neighborhood-cypher.ts). */
  r: Record<string, unknown> & { type: string; startEid: string };
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

/** A frontier node's ties in the order the step takes them. */
interface StepList {
  global: string;
  eid: string;
  items: ExpansionItem[];
  /** All its ties were read (else only the first `cap` items are known to be in order). */
  complete: boolean;
}

function stepList(row: Expansion, global: string, eid: string, cap: number): StepList {
  const complete = row.weighted.length < cap && row.plain.length < cap;
  const items = strongestFirst(row);
  // With a part cut at `cap`, the merged order is right for its first `cap` items only.
  return { global, eid, items: complete ? items : items.slice(0, cap), complete };
}

/**
 * The rank at which the round-robin over `lists` fills `room` with nodes not in `known`
 * (Infinity: it never does). The step is decided when no cut list runs out before that rank.
 */
function fillRank(lists: readonly StepList[], room: number, known: ReadonlyMap<string, unknown>) {
  const fresh = new Set<string>();
  const longest = Math.max(0, ...lists.map((l) => l.items.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const list of lists) {
      const item = list.items[rank];
      if (!item) continue;
      const global = encodeGlobalId(item.kind, item.id);
      if (known.has(global) || fresh.has(global)) continue;
      fresh.add(global);
      if (fresh.size >= room) return rank;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** The edge `id` a tie `r` draws from `fromGlobal` (element id `fromEid`). */
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
  {
    depth,
    limit,
    types,
    kinds,
    categories,
    countCap = reachCountCap,
    firstCap,
    projection = entityProjection,
  }: WalkOptions,
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
  // The edges drawn, by edge id (a later item with the same id replaces an earlier one).
  const drawn = new Map<
    string,
    { item: ExpansionItem; from: string; fromEid: string; to: string }
  >();
  const edgeIdOf = (item: ExpansionItem, from: string, to: string) =>
    item.r.type === 'DERIVED_TIE'
      ? `Derived:${[from, to].sort().join('|')}:${item.r.kind}`
      : encodeTieId(item.r.type as never, String(item.r.id));
  const cypher = expansionCypher(types, projection);
  // Breadth first: a level is expanded only when the one before it was shown whole, so the nodes
  // shown are always min(limit, everything within the depth).
  let frontier = starts;
  let last: string[] = [];
  for (let level = 0; level < depth && frontier.length; level++) {
    const room = limit - nodes.size;
    // Each frontier node's strongest `cap` ties are read. An even share of the room (plus the
    // nodes already shown, which a list may hold) usually decides the step; when it does not
    // (a list ran out before the room filled), twice as many are read. At 1M, reading 500 ties of
    // each hub of a 24-node frontier, as the step did before, took 130 ms for ~470 nodes drawn.
    let cap = firstCap ?? Math.ceil(room / frontier.length) + nodes.size;
    let lists: StepList[];
    let stop: number;
    for (;;) {
      const rows = await read<Expansion>(cypher, { ...params, frontier, cap });
      lists = rows.map((row) => {
        const global = eidToGlobal.get(frontier[row.at] as string) as string;
        nodes.set(global, toEntity(kindOf.get(global) as EntityKind, row.e));
        return stepList(row, global, frontier[row.at] as string, cap);
      });
      stop = fillRank(lists, room, nodes);
      if (lists.every((l) => l.complete || stop < l.items.length)) break;
      cap *= 2;
    }
    // Round-robin over the frontier, each node's strongest ties first: one hub cannot take all
    // the room, and the room left by a node with few neighbours goes to the others. Ties are drawn
    // up to the rank at which the room filled, so what is drawn does not depend on `cap`.
    const next: string[] = [];
    const longest = Math.max(0, ...lists.map((l) => l.items.length));
    for (let rank = 0; rank < longest && rank <= stop; rank++) {
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
  // The nodes of the last step were picked without their properties: read now.
  const unread = last.filter((eid) => !nodes.get(eidToGlobal.get(eid) as string));
  const unreadRows = unread.length
    ? await read<{ eid: string; e: Record<string, unknown> }>(
        `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid RETURN eid, ${projection} AS e`,
        { eids: unread },
      )
    : [];
  for (const row of unreadRows) {
    const global = eidToGlobal.get(row.eid) as string;
    nodes.set(global, toEntity(kindOf.get(global) as EntityKind, row.e));
  }
  const edges = [...drawn].map(([id, { item, from, fromEid, to }]) =>
    edgeOf(id, item.r, from, fromEid, to),
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
