import { builder } from '../builder.ts';
import { EntityKindEnum, EntityRef, TieKindEnum } from '../entity/entity.graphql.ts';
import { type Entity, entityProjection, toEntity } from '../entity/entity.model.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { PersonCategoryEnum } from '../shared/enums.graphql.ts';
import { ValidationError } from '../shared/errors.ts';
import { encodeGlobalId } from '../shared/global-id.ts';
import { encodeTieId } from '../tie/tie.model.ts';
import { tieKindNames, tieKinds } from '../tie/tie-kinds.ts';
import { locateEntities } from './element-ids.ts';

interface GraphEdge {
  id: string;
  kind: string;
  derived: boolean;
  source: string;
  target: string;
  label: string | null;
  strength: number | null;
  startYear: number | null;
  endYear: number | null;
  current: boolean | null;
}

interface Neighborhood {
  nodes: Entity[];
  edges: GraphEdge[];
  truncated: boolean;
  omittedNodes: number;
  omittedByKind: { kind: string; count: number }[];
}

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description:
    'A tie drawn in the graph view; source and target are global ids of nodes in the same answer.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind', { description: 'A TieKind, or DERIVED_TIE.' }),
    derived: t.exposeBoolean('derived'),
    source: t.exposeID('source'),
    target: t.exposeID('target'),
    label: t.exposeString('label', {
      nullable: true,
      description: 'KNOWS kind, job title, degree or derived kind.',
    }),
    strength: t.exposeFloat('strength', { nullable: true }),
    startYear: t.exposeInt('startYear', { nullable: true }),
    endYear: t.exposeInt('endYear', { nullable: true }),
    current: t.exposeBoolean('current', { nullable: true }),
  }),
});

const KindCountRef = builder.objectRef<{ kind: string; count: number }>('KindCount').implement({
  fields: (t) => ({ kind: t.exposeString('kind'), count: t.exposeInt('count') }),
});

const NeighborhoodRef = builder.objectRef<Neighborhood>('Neighborhood').implement({
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], resolve: (n) => n.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (n) => n.edges }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when the limit left neighbours out.',
    }),
    omittedNodes: t.exposeInt('omittedNodes', {
      description: 'How many neighbours the limit left out (at least).',
    }),
    omittedByKind: t.field({
      type: [KindCountRef],
      description: 'What was left out, per kind of thing: ask again with a filter to see those.',
      resolve: (n) => n.omittedByKind,
    }),
  }),
});

const NeighborhoodFilter = builder.inputType('NeighborhoodFilter', {
  fields: (t) => ({
    tieKinds: t.field({
      type: [TieKindEnum],
      required: false,
      description: 'Tie kinds to follow (all by default).',
    }),
    derived: t.boolean({
      required: false,
      defaultValue: false,
      description: 'Also follow derived ties.',
    }),
    kinds: t.field({
      type: [EntityKindEnum],
      required: false,
      description: 'Kinds of neighbour to keep.',
    }),
    categories: t.field({
      type: [PersonCategoryEnum],
      required: false,
      description: 'People of these categories only.',
    }),
  }),
});

interface ExpansionItem {
  r: Record<string, unknown> & { type: string; startEid: string };
  e: Record<string, unknown>;
  kind: EntityKind;
  eid: string;
}

interface Expansion {
  from: string;
  byKind: { kind: EntityKind; count: number }[];
  /** Ties with a strength (KNOWS, derived), strongest first. */
  weighted: ExpansionItem[];
  /** Other ties (strength 0.5 by convention), in store order: no sort over a hub's neighbours. */
  plain: ExpansionItem[];
}

/** Tie types that carry a strength worth sorting by. */
const weightedTypes = new Set(['KNOWS', 'DERIVED_TIE']);

/** The neighbour kinds at each end of a relationship type the graph view follows. */
const endpoints: Record<string, { from: readonly EntityKind[]; to: readonly EntityKind[] }> = {
  ...tieKinds,
  PART_OF: { from: ['Place'], to: ['Place'] },
  SUBFIELD_OF: { from: ['Field'], to: ['Field'] },
  DERIVED_TIE: { from: ['Person'], to: ['Person'] },
};

/**
 * Per-kind counts of a node's neighbours over `types`. A type whose far end is one kind is counted
 * with `COUNT { (a)-[:T]->() }`, which Neo4j answers from the degree store; a type whose far end may
 * be several kinds (IN_FIELD from projects and organisations) is counted per kind by reading the ties.
 */
function degreeCounts(types: readonly string[]): string {
  const parts: string[] = [];
  for (const type of types) {
    const ends = endpoints[type];
    if (!ends) continue;
    for (const [arrow, kinds] of [
      [`-[:${type}]->`, ends.to],
      [`<-[:${type}]-`, ends.from],
    ] as const) {
      if (kinds.length === 1) parts.push(`{kind: '${kinds[0]}', count: COUNT { (a)${arrow}() }}`);
      else
        for (const kind of kinds)
          parts.push(`{kind: '${kind}', count: COUNT { (a)${arrow}(:${kind}) }}`);
    }
  }
  return `RETURN [c IN [${parts.join(', ')}] WHERE c.count > 0] AS byKind`;
}

/**
 * One expansion step from each frontier node: counts by kind, the strongest weighted ties and the
 * first plain ties (both capped at $perNode). Relationship types are written into the pattern (they
 * come from the TieKind allow-list) so Neo4j expands only those groups of a dense node.
 */
function expansionCypher(types: readonly string[], exactCounts: unknown): string {
  const match = (group: readonly string[]) => `MATCH (a)-[r:${group.join('|')}]-(n)
             WHERE NOT coalesce(r.deleted, false) AND NOT coalesce(n.deleted, false)
               AND any(l IN labels(n) WHERE l IN $kinds)
               AND ($categories IS NULL OR NOT n:Person OR any(c IN n.categories WHERE c IN $categories))`;
  const item = `{r: r {.*, type: type(r), recordedAt: null, startEid: elementId(startNode(r))},
                  e: ${entityProjection}, kind: [l IN labels(n) WHERE l IN $kinds][0], eid: elementId(n)}`;
  const weighted = types.filter((t) => weightedTypes.has(t));
  const plain = types.filter((t) => !weightedTypes.has(t));
  const collect = (group: readonly string[], name: string, order: string) =>
    group.length
      ? `CALL (a) {
             ${match(group)}
             WITH r, n ${order} LIMIT $perNode
             RETURN collect(${item}) AS ${name}
           }`
      : `WITH *, [] AS ${name}`;
  const counts = exactCounts
    ? `${match(types)}
             WITH [l IN labels(n) WHERE l IN $kinds][0] AS kind, count(*) AS count
             RETURN collect({kind: kind, count: count}) AS byKind`
    : degreeCounts(types);
  return `UNWIND $frontier AS from
           MATCH (a) WHERE elementId(a) = from
           CALL (a) {
             ${counts}
           }
           ${collect(weighted, 'weighted', 'ORDER BY coalesce(r.strength, 0.5) DESC, n.id')}
           ${collect(plain, 'plain', '')}
           RETURN from, byKind, weighted, plain`;
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

builder.queryField('neighborhood', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: NeighborhoodRef,
    description:
      'Nodes and ties around one or more entities, for the graph view: breadth-first, strongest ties first, capped by limit (with counts of what was left out).',
    args: {
      ids: t.arg.idList({ required: true }),
      depth: t.arg.int({ required: false, defaultValue: 1, description: '1-3' }),
      limit: t.arg.int({
        required: false,
        defaultValue: 200,
        description: 'Most nodes returned, 1-2000.',
      }),
      filter: t.arg({ type: NeighborhoodFilter, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const depth = args.depth ?? 1;
      const limit = args.limit ?? 200;
      if (depth < 1 || depth > 3)
        throw new ValidationError([{ path: ['depth'], message: 'must be 1 to 3' }]);
      if (limit < 1 || limit > 2000)
        throw new ValidationError([{ path: ['limit'], message: 'must be 1 to 2000' }]);
      if (!args.ids.length || args.ids.length > 100)
        throw new ValidationError([{ path: ['ids'], message: 'must name 1 to 100 entities' }]);
      const filter = args.filter ?? {};
      const types = [
        ...(filter.tieKinds?.length ? filter.tieKinds : tieKindNames),
        'PART_OF',
        'SUBFIELD_OF',
      ];
      if (filter.derived) types.push('DERIVED_TIE');
      const kinds = filter.kinds?.length ? filter.kinds : entityKinds;
      const categories = filter.categories?.length ? filter.categories : null;

      const start = await locateEntities(ctx, args.ids, ['ids']);
      const nodes = new Map<string, Entity>();
      const eidToGlobal = new Map<string, string>();
      const startRows = await ctx.db.read<{ eid: string; e: Record<string, unknown> }>(
        `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid RETURN eid, ${entityProjection} AS e`,
        { eids: start.map((s) => s.elementId) },
      );
      for (const s of start) {
        const row = startRows.find((r) => r.eid === s.elementId);
        if (row) nodes.set(s.globalId, toEntity(s.kind, row.e));
        eidToGlobal.set(s.elementId, s.globalId);
      }

      const edges = new Map<string, GraphEdge>();
      let omitted = 0;
      let truncatedEarly = false;
      const omittedByKind = new Map<string, number>();
      let frontier = start.map((s) => s.elementId);
      // Without a kind or category filter, what is left out is counted from the degree store
      // (constant time per tie type, even at a university with 100,000 alumni) instead of reading
      // every neighbour; soft-deleted ties are then counted too, hence "about".
      const exactCounts = filter.kinds?.length || categories;
      for (let level = 0; level < depth && frontier.length; level++) {
        const room = limit - nodes.size;
        if (room <= 0) {
          truncatedEarly = true;
          break;
        }
        // The room left is shared across the frontier, so one hub cannot take it all; each node's
        // neighbours are sorted top-k (LIMIT in the subquery) and only counted, by kind, beyond that.
        const perNode = Math.max(1, Math.min(Math.ceil(room / frontier.length) + 1, 500));
        const rows = await ctx.db.read<Expansion>(expansionCypher(types, exactCounts), {
          frontier,
          kinds,
          categories,
          perNode,
        });
        const next: string[] = [];
        for (const row of rows) {
          const shownByKind = new Map<string, number>();
          for (const item of strongestFirst(row).slice(0, perNode)) {
            const global = encodeGlobalId(item.kind, item.e.id as string);
            const isNew = !nodes.has(global);
            if (isNew && nodes.size >= limit) continue;
            if (isNew) {
              nodes.set(global, toEntity(item.kind, item.e));
              eidToGlobal.set(item.eid, global);
              next.push(item.eid);
            }
            shownByKind.set(item.kind, (shownByKind.get(item.kind) ?? 0) + 1);
            const fromGlobal = eidToGlobal.get(row.from) as string;
            const outward = item.r.startEid === row.from;
            const type = item.r.type;
            const id =
              type === 'DERIVED_TIE'
                ? `Derived:${[fromGlobal, global].sort().join('|')}:${item.r.kind}`
                : encodeTieId(type as never, String(item.r.id));
            edges.set(id, {
              id,
              kind: type,
              derived: type === 'DERIVED_TIE',
              source: outward ? fromGlobal : global,
              target: outward ? global : fromGlobal,
              label: (item.r.kind ?? item.r.title ?? item.r.degree ?? item.r.role ?? null) as
                | string
                | null,
              strength: (item.r.strength ?? null) as number | null,
              startYear: (item.r.from ?? null) as number | null,
              endYear: (item.r.to ?? null) as number | null,
              current: (item.r.current ?? null) as boolean | null,
            });
          }
          for (const { kind, count } of row.byKind) {
            const left = count - (shownByKind.get(kind) ?? 0);
            if (left <= 0) continue;
            omitted += left;
            omittedByKind.set(kind, (omittedByKind.get(kind) ?? 0) + left);
          }
        }
        frontier = next;
      }
      return {
        nodes: [...nodes.values()],
        edges: [...edges.values()],
        truncated: omitted > 0 || truncatedEarly,
        omittedNodes: omitted,
        omittedByKind: [...omittedByKind].map(([kind, count]) => ({ kind, count })),
      };
    },
  }),
);
