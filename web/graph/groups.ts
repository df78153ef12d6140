import type { ElementDefinition } from 'cytoscape';
import type { GroupBy } from '../../schema/views/group-nodes.ts';

/**
 * Group nodes for big fan-outs, as Linkurious and Bloom draw them: when a node brings more than
 * `fanOutLimit` new neighbours of one kind (a university's 500 alumni), they are not drawn one by one
 * but held in a few group nodes ("武汉市 · 81"), by city, employer, field or decade, which open into
 * their members on demand. Pure: elements and facts in, elements out; no Cytoscape instance.
 */

/** More new neighbours of one kind than this around one node become groups. */
export const fanOutLimit = 40;
/** Groups drawn per fan-out; the smallest past this are joined into one "other" group. */
export const maxGroups = 12;
/** Members an opened group draws at a time (the rest stay in the group). */
export const groupPage = 40;

export { type GroupBy, groupId, groupings } from '../../schema/views/group-nodes.ts';

export interface Named {
  id: string;
  name: string;
}

/** What members are grouped by; undefined = not fetched yet, null = not known. */
export interface MemberFacts {
  city?: Named | null;
  employer?: Named | null;
  field?: Named | null;
  birthYear?: number | null;
}

/** One neighbour held in a group: its node and its ties to the node it fans out from. */
export interface Member {
  node: ElementDefinition;
  edges: ElementDefinition[];
}

/** A group's key: an entity (city, employer, field), a decade, the unknown or the other group. */
export interface GroupKey {
  key: string;
  /** The entity's name, or the decade's first year. */
  name: string;
}

export const unknownKey = '?';
export const otherKey = '*';

/** A member's year for `decade`: its tie's end (graduation, a job's end) or start, else birth. */
function yearOf(member: Member, facts: MemberFacts | undefined): number | null {
  for (const edge of member.edges) {
    const year = (edge.data.endYear ?? edge.data.startYear) as number | null | undefined;
    if (typeof year === 'number') return year;
  }
  return facts?.birthYear ?? null;
}

/**
 * The member's key under `by`; undefined when the facts it needs have not been fetched yet. A year
 * from the tie needs no facts; birth years do.
 */
export function keyOf(
  member: Member,
  by: GroupBy,
  facts: MemberFacts | undefined,
): GroupKey | null | undefined {
  if (by === 'decade') {
    const fromTie = yearOf(member, undefined);
    const year = fromTie ?? (facts?.birthYear === undefined ? undefined : facts.birthYear);
    if (year === undefined) return undefined;
    if (year === null) return null;
    const decade = Math.floor(year / 10) * 10;
    return { key: String(decade), name: String(decade) };
  }
  const value = facts?.[by];
  if (value === undefined) return undefined;
  return value ? { key: value.id, name: value.name } : null;
}

/** Which facts grouping `by` still needs for these members (birth years only where ties have none). */
export function missingFacts(
  members: readonly Member[],
  by: GroupBy,
  facts: ReadonlyMap<string, MemberFacts>,
): string[] {
  return members
    .filter((m) => keyOf(m, by, facts.get(m.node.data.id as string)) === undefined)
    .map((m) => m.node.data.id as string);
}

export interface PlannedGroup {
  /** An entity id, a decade, `unknownKey` or `otherKey`. */
  key: string;
  name: string;
  members: Member[];
}

/**
 * Members into groups by `by`: largest first, at most `maxGroups` (the smallest joined into one
 * "other" group), members without the fact in an "unknown" group. Null when a fact is missing.
 */
export function planGroups(
  members: readonly Member[],
  by: GroupBy,
  facts: ReadonlyMap<string, MemberFacts>,
): PlannedGroup[] | null {
  const byKey = new Map<string, PlannedGroup>();
  for (const member of members) {
    const key = keyOf(member, by, facts.get(member.node.data.id as string));
    if (key === undefined) return null;
    const k = key?.key ?? unknownKey;
    const group = byKey.get(k);
    if (group) group.members.push(member);
    else byKey.set(k, { key: k, name: key?.name ?? '', members: [member] });
  }
  const unknown = byKey.get(unknownKey);
  byKey.delete(unknownKey);
  const known = [...byKey.values()].sort(
    (a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name),
  );
  const room = maxGroups - (unknown ? 1 : 0);
  const kept = known.length > room ? known.slice(0, room - 1) : known;
  const rest = known.slice(kept.length);
  const groups = [...kept];
  if (rest.length)
    groups.push({
      key: otherKey,
      name: String(rest.length),
      members: rest.flatMap((g) => g.members),
    });
  if (unknown) groups.push(unknown);
  return groups;
}

/**
 * Splits new elements around `hubId`: neighbours of a type with more than `fanOutLimit` newcomers
 * (counting those of that type already drawn or grouped around the hub, `around`) become members;
 * the rest are drawn. Only nodes tied to nothing but the hub are grouped.
 */
export function splitFanOut(
  elements: readonly ElementDefinition[],
  hubId: string,
  around: (type: string) => number,
): { drawn: ElementDefinition[]; members: Map<string, Member[]> } {
  const nodes = new Map<string, ElementDefinition>();
  const edgesOf = new Map<string, ElementDefinition[]>();
  const otherEdges: ElementDefinition[] = [];
  for (const e of elements) if (e.group === 'nodes') nodes.set(e.data.id as string, e);
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    const { source, target } = e.data as { source: string; target: string };
    const other = source === hubId ? target : target === hubId ? source : null;
    if (other !== null && nodes.has(other)) {
      const list = edgesOf.get(other);
      if (list) list.push(e);
      else edgesOf.set(other, [e]);
    } else otherEdges.push(e);
  }
  // Nodes with a tie to something other than the hub stay drawn (with that tie).
  const tiedElsewhere = new Set<string>();
  for (const e of otherEdges) {
    tiedElsewhere.add(e.data.source as string);
    tiedElsewhere.add(e.data.target as string);
  }
  const candidates = new Map<string, Member[]>();
  for (const [id, node] of nodes) {
    if (id === hubId || tiedElsewhere.has(id) || !edgesOf.has(id)) continue;
    const type = node.data.type as string;
    const list = candidates.get(type) ?? [];
    list.push({ node, edges: edgesOf.get(id) ?? [] });
    candidates.set(type, list);
  }
  const members = new Map<string, Member[]>();
  for (const [type, list] of candidates)
    if (list.length + around(type) > fanOutLimit) members.set(type, list);
  const held = new Set(
    [...members.values()].flatMap((list) => list.map((m) => m.node.data.id as string)),
  );
  const drawn = elements.filter((e) =>
    e.group === 'nodes'
      ? !held.has(e.data.id as string)
      : !held.has(e.data.source as string) && !held.has(e.data.target as string),
  );
  return { drawn, members };
}

/** The tie kind most members have to the hub: the group's edge is drawn as that kind. */
export function commonKind(members: readonly Member[]): string {
  const counts = new Map<string, number>();
  for (const m of members)
    for (const e of m.edges) {
      const kind = e.data.kind as string;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  let best = '';
  for (const [kind, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = kind;
  return best;
}
