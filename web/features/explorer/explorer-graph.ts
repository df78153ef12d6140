import type { EdgeSingular } from 'cytoscape';
import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { applyFilters, type GraphFilters } from '../../graph/filters.ts';
import type { GraphView } from '../../graph/graph-view.ts';
import type { GroupBy } from '../../graph/groups.ts';
import { fetchFacts } from './fan-out-facts.ts';
import { FanOuts } from './fan-outs.ts';
import { groupLabel } from './group-label.ts';
import type { HeldTie } from './paging.ts';

/**
 * The explorer's graph: the nodes drawn (`view`) and the members its group nodes hold (`groups`).
 * What the graph "has" is either, so counts and ties are read from both.
 */
export class ExplorerGraph {
  readonly groups: FanOuts;
  /** Group facts are fetched and groups redrawn one run at a time. */
  private grouping: Promise<void> = Promise.resolve();
  /** Regroup runs asked for and not yet finished. */
  private queued = 0;

  constructor(
    readonly view: GraphView,
    by: GroupBy,
    /** The filters as they are now (read at each change, not when made). */
    private filters: () => GraphFilters,
    /** Told after each change, once the filters and labels are applied again. */
    private onChanged: () => void,
  ) {
    this.groups = new FanOuts(view, groupLabel, by);
  }

  /** After anything drawn or hidden changes: filters and labels again, then the view is told. */
  changed(): void {
    applyFilters(this.view.cy, this.filters());
    this.view.refreshLabels();
    this.onChanged();
  }

  nameOf(id: string): string {
    return (this.view.cy.getElementById(id).data('label') as string) ?? id;
  }

  /** The ties from `id` to neighbours the graph has, drawn or held in its groups. */
  heldTies(id: string): HeldTie[] {
    const node = this.view.cy.getElementById(id);
    const drawn: HeldTie[] = node.nonempty()
      ? node
          .connectedEdges()
          .filter((e: EdgeSingular) => !e.hasClass('group-tie'))
          .map((e: EdgeSingular) => {
            const other = e.source().id() === id ? e.target() : e.source();
            return {
              other: other.id(),
              type: other.data('type') as string,
              kind: e.data('kind') as string,
              derived: !!e.data('derived'),
            };
          })
      : [];
    return [...drawn, ...this.groups.tiesAround(id)];
  }

  /** How many neighbours of `id` (of `type`) the graph has, drawn or grouped. */
  heldCount(id: string, type?: string): number {
    const others = new Set(
      this.heldTies(id)
        .filter((tie) => !type || tie.type === type)
        .map((tie) => tie.other),
    );
    return others.size;
  }

  /**
   * Fetches what grouping needs, then redraws the groups (queued: one run at a time). While runs are
   * queued the graph's element says `data-grouping="running"`: the groups' layout may still move the
   * view, so a test waits for "idle" before it points at a node.
   */
  regroup(): Promise<void> {
    const el = this.view.cy.container();
    this.queued++;
    if (el) el.dataset.grouping = 'running';
    this.grouping = this.grouping
      .then(async () => {
        const groups = this.groups;
        try {
          for (let missing = groups.missing(); missing.length; missing = groups.missing())
            await fetchFacts(missing, groups.by, groups.facts);
        } catch (error) {
          status.value = `${t('group.factsFailed')}: ${(error as Error).message}`;
        }
        const added = groups.sync();
        await Promise.all([...added].map(([hub, elements]) => this.view.merge(elements, hub)));
        this.changed();
      })
      .finally(() => {
        if (--this.queued === 0 && el) el.dataset.grouping = 'idle';
      });
    return this.grouping;
  }
}
