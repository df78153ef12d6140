import type { ElementDefinition } from 'cytoscape';
import type { GraphView } from '../../graph/graph-view.ts';
import {
  commonKind,
  type GroupBy,
  groupId,
  type Member,
  type MemberFacts,
  missingFacts,
  type PlannedGroup,
  planGroups,
} from '../../graph/groups.ts';

/** What a group node's label says (the explorer words it in the current language). */
export interface GroupLabel {
  by: GroupBy | 'pending';
  key: string;
  name: string;
  count: number;
  memberType: string;
}

interface FanOut {
  hub: string;
  type: string;
  members: Member[];
}

/**
 * The group nodes of the explorer's graph and the members they hold. Members live here, not in the
 * graph; the graph has one node per group (class `group`, data: hub, memberType, by, key, count),
 * tied to its hub. Every change ends in `sync()`, which makes the drawn groups match the members.
 */
export class FanOuts {
  private fanOuts = new Map<string, FanOut>();
  /** Member id → the fan-out holding it. */
  private where = new Map<string, string>();
  readonly facts = new Map<string, MemberFacts>();
  by: GroupBy;

  constructor(
    private graph: GraphView,
    private label: (group: GroupLabel) => string,
    by: GroupBy,
  ) {
    this.by = by;
  }

  clear(): void {
    this.fanOuts.clear();
    this.where.clear();
  }

  /** Forgets the groups around `hub` (it was collapsed). */
  drop(hub: string): void {
    for (const [key, f] of this.fanOuts) {
      if (f.hub !== hub) continue;
      for (const m of f.members) this.where.delete(m.node.data.id as string);
      this.fanOuts.delete(key);
    }
  }

  /** The hub whose group holds `id`, if one does. */
  hubOf(id: string): string | undefined {
    const key = this.where.get(id);
    return key ? this.fanOuts.get(key)?.hub : undefined;
  }

  /** Files a tie to a member under that member (it is drawn when the member is). */
  attach(memberId: string, edge: ElementDefinition): void {
    const key = this.where.get(memberId);
    const member = key
      ? this.fanOuts.get(key)?.members.find((m) => m.node.data.id === memberId)
      : undefined;
    if (member && !member.edges.some((e) => e.data.id === edge.data.id)) member.edges.push(edge);
  }

  /** Ids held in groups, nodes and their ties: for `toElements({ existing })`. */
  heldIds(): Set<string> {
    const ids = new Set<string>();
    for (const f of this.fanOuts.values())
      for (const m of f.members) {
        ids.add(m.node.data.id as string);
        for (const e of m.edges) ids.add(e.data.id as string);
      }
    return ids;
  }

  /** The fan-outs with members, for a saved view. */
  list(): { hub: string; type: string; members: readonly Member[] }[] {
    return [...this.fanOuts.values()].filter((f) => f.members.length);
  }

  /** How many members all groups hold. */
  size(): number {
    return this.where.size;
  }

  /** How many neighbours of `hub` (of `type`, or all) the groups hold. */
  heldAround(hub: string, type?: string): number {
    let n = 0;
    for (const f of this.fanOuts.values())
      if (f.hub === hub && (!type || f.type === type)) n += f.members.length;
    return n;
  }

  /** The ties from `hub` to the members grouped around it. */
  tiesAround(hub: string): { other: string; type: string; kind: string; derived: boolean }[] {
    return [...this.fanOuts.values()]
      .filter((f) => f.hub === hub)
      .flatMap((f) =>
        f.members.flatMap((m) =>
          m.edges.map((e) => ({
            other: m.node.data.id as string,
            type: f.type,
            kind: e.data.kind as string,
            derived: !!e.data.derived,
          })),
        ),
      );
  }

  add(hub: string, members: ReadonlyMap<string, Member[]>): void {
    for (const [type, list] of members) {
      const key = `${hub}|${type}`;
      const fanOut = this.fanOuts.get(key) ?? { hub, type, members: [] };
      this.fanOuts.set(key, fanOut);
      for (const m of list) {
        if (this.where.has(m.node.data.id as string)) continue;
        fanOut.members.push(m);
        this.where.set(m.node.data.id as string, key);
      }
    }
  }

  /**
   * Takes these ids out of their groups (they are about to be drawn on their own, e.g. reached from
   * another node): their nodes and ties to the hub, to add with them.
   */
  take(ids: Iterable<string>): ElementDefinition[] {
    const out: ElementDefinition[] = [];
    for (const id of ids) {
      const key = this.where.get(id);
      const fanOut = key ? this.fanOuts.get(key) : undefined;
      if (!fanOut) continue;
      const i = fanOut.members.findIndex((m) => m.node.data.id === id);
      const [member] = fanOut.members.splice(i, 1);
      this.where.delete(id);
      if (member) out.push(member.node, ...member.edges);
    }
    return out;
  }

  /** The next `n` members of a drawn group node, taken out of it (to be drawn). */
  open(groupNodeId: string, n: number): ElementDefinition[] {
    const node = this.graph.cy.getElementById(groupNodeId);
    if (node.empty()) return [];
    const fanOut = this.fanOuts.get(`${node.data('hub')}|${node.data('memberType')}`);
    if (!fanOut) return [];
    const group = this.plan(fanOut).find((g) => g.key === node.data('key'));
    if (!group) return [];
    return this.take(group.members.slice(0, n).map((m) => m.node.data.id as string));
  }

  /** Member ids whose facts grouping by `by` still needs. */
  missing(): string[] {
    return [...this.fanOuts.values()].flatMap((f) => missingFacts(f.members, this.by, this.facts));
  }

  /** The groups of one fan-out: by `by`, or one pending group while facts are being fetched. */
  private plan(fanOut: FanOut): PlannedGroup[] {
    if (!fanOut.members.length) return [];
    return (
      planGroups(fanOut.members, this.by, this.facts) ?? [
        { key: 'pending', name: '', members: fanOut.members },
      ]
    );
  }

  /**
   * Makes the drawn group nodes match the members: removes emptied groups (and those whose hub is
   * gone), relabels changed ones, and returns the new ones per hub, for the caller to add. `drawing`
   * are hubs about to be drawn (not yet in the graph).
   */
  sync(drawing: ReadonlySet<string> = new Set()): Map<string, ElementDefinition[]> {
    const cy = this.graph.cy;
    const wanted = new Map<string, { hub: string; elements: ElementDefinition[] }>();
    for (const f of this.fanOuts.values()) {
      const groups = this.plan(f);
      const pending = groups.length === 1 && groups[0]?.key === 'pending';
      for (const g of groups) {
        const by = pending ? 'pending' : this.by;
        const id = groupId(f.hub, f.type, by, g.key);
        const count = g.members.length;
        const text = this.label({ by, key: g.key, name: g.name, count, memberType: f.type });
        wanted.set(id, {
          hub: f.hub,
          elements: [
            {
              group: 'nodes',
              data: {
                id,
                label: text,
                type: 'Group',
                memberType: f.type,
                hub: f.hub,
                by,
                key: g.key,
                name: g.name,
                count,
              },
              classes: pending ? ['group', 'pending'] : ['group'],
            },
            {
              group: 'edges',
              data: {
                id: `${id}~tie`,
                source: f.hub,
                target: id,
                kind: commonKind(g.members),
                label: String(count),
                count,
                derived: false,
              },
              classes: ['group-tie'],
            },
          ],
        });
      }
    }
    const add = new Map<string, ElementDefinition[]>();
    const present = (hub: string) => drawing.has(hub) || cy.getElementById(hub).nonempty();
    cy.batch(() => {
      cy.nodes('.group').forEach((node) => {
        const want = wanted.get(node.id());
        if (!want || !present(want.hub)) node.remove();
      });
      for (const [id, want] of wanted) {
        if (!present(want.hub)) continue;
        const node = cy.getElementById(id);
        const [nodeDef, edgeDef] = want.elements as [ElementDefinition, ElementDefinition];
        if (node.nonempty()) {
          node.data({
            label: nodeDef.data.label,
            name: nodeDef.data.name,
            count: nodeDef.data.count,
          });
          cy.getElementById(`${id}~tie`).data({
            label: edgeDef.data.label,
            kind: edgeDef.data.kind,
          });
        } else add.set(want.hub, [...(add.get(want.hub) ?? []), ...want.elements]);
      }
    });
    return add;
  }

  /** Re-words every group label (the language changed). */
  relabel(): void {
    const cy = this.graph.cy;
    cy.batch(() =>
      cy.nodes('.group').forEach((node) => {
        node.data(
          'label',
          this.label({
            by: node.data('by'),
            key: node.data('key'),
            name: node.data('name'),
            count: node.data('count'),
            memberType: node.data('memberType'),
          }),
        );
      }),
    );
  }
}
