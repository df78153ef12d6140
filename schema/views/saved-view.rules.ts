import { z } from 'zod';
import { entityKinds } from '../shared/entity-kinds.ts';
import { requiredText, text } from '../shared/rules.ts';
import { because } from '../shared/validate.ts';
import { groupId, groupings } from './group-nodes.ts';

/**
 * What a saved view may hold: the graph (entity ids, positions, style choices, viewport, and the
 * explorer's group nodes with the members they hold) as validated JSON, and the ordered annotation
 * steps. Pure: the API and its tests share these rules.
 */
const layouts = ['fcose', 'concentric', 'breadthfirst'] as const;

const entityIdPattern = new RegExp(`^(${entityKinds.join('|')}):[0-9A-Za-z_-]{1,64}$`);
const entityId = z
  .string()
  .refine(
    (s) => entityIdPattern.test(s),
    because('wrong_id', 'must be the id of a person, organisation, place, field or project'),
  );
const tieKind = z
  .string()
  .refine((s) => /^[A-Z_]{1,40}$/.test(s), because('not_tie_kind', 'must be a tie kind'));
const coordinate = z
  .number()
  .min(-1e7, { message: 'is out of range' })
  .max(1e7, { message: 'is out of range' });

const viewportRules = z.strictObject({
  zoom: z
    .number()
    .min(0.01, { message: 'is out of range' })
    .max(100, { message: 'is out of range' }),
  x: coordinate,
  y: coordinate,
});

const maxNodes = 3000;
const maxEdges = 10_000;
const maxMembers = 20_000;
const maxGraphChars = 2_000_000;

const year = z.number().int().min(1000, { message: 'is out of range' }).max(3000, {
  message: 'is out of range',
});
const edgeRules = z.strictObject({
  id: z.string().min(1).max(300),
  source: entityId,
  target: entityId,
  kind: tieKind,
  label: text(200).nullish(),
  derived: z.boolean().optional(),
  // Group nodes by decade group members by their tie's years.
  startYear: year.nullish(),
  endYear: year.nullish(),
});

/**
 * A big fan-out the explorer holds in group nodes: the hub, the members' type, the members (each with
 * its ties to the hub) and where each group node was drawn (by its key: a city, employer or field id,
 * a decade, `?` unknown, `*` the others). The groups are made again from the members on reopening.
 */
const fanOutRules = z.strictObject({
  hub: entityId,
  type: z.enum(entityKinds),
  members: z
    .array(z.strictObject({ id: entityId, ties: z.array(edgeRules).min(1).max(20) }))
    .min(1),
  groups: z
    .array(z.strictObject({ key: z.string().min(1).max(100), x: coordinate, y: coordinate }))
    .max(50),
});

const graphRules = z
  .strictObject({
    nodes: z
      .array(
        z.strictObject({
          id: entityId,
          x: coordinate,
          y: coordinate,
          pinned: z.boolean().optional(),
          hidden: z.boolean().optional(),
          focus: z.boolean().optional(),
        }),
      )
      .max(maxNodes, { message: `must have at most ${maxNodes} nodes` }),
    edges: z.array(edgeRules).max(maxEdges, { message: `must have at most ${maxEdges} edges` }),
    fanOuts: z
      .array(fanOutRules)
      .max(500, { message: 'must have at most 500 fan-outs' })
      .optional(),
    style: z
      .strictObject({
        layout: z.enum(layouts).optional(),
        hiddenTypes: z.array(z.enum(entityKinds)).max(entityKinds.length).optional(),
        hiddenTieKinds: z.array(tieKind).max(60).optional(),
        groupBy: z.enum(groupings).optional(),
      })
      .optional(),
    viewport: viewportRules.nullish(),
  })
  .superRefine((graph, ctx) => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    if (ids.size !== graph.nodes.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodes'],
        ...because('repeated_node', 'must not repeat a node'),
      });
    }
    graph.edges.forEach((edge, i) => {
      if (!ids.has(edge.source) || !ids.has(edge.target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i],
          ...because('edge_not_in_view', 'must join two nodes of the view'),
        });
      }
    });
    const held = new Set<string>();
    (graph.fanOuts ?? []).forEach((fanOut, i) => {
      if (!ids.has(fanOut.hub)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fanOuts', i, 'hub'],
          ...because('not_view_node', 'must be a node of the view'),
        });
      }
      fanOut.members.forEach((member, j) => {
        if (ids.has(member.id) || held.has(member.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['fanOuts', i, 'members', j],
            ...because('member_held_twice', 'must be held once, and not also drawn'),
          });
        }
        held.add(member.id);
        member.ties.forEach((tie, k) => {
          const ends = [tie.source, tie.target].sort().join(' ');
          if (ends !== [fanOut.hub, member.id].sort().join(' ')) {
            ctx.addIssue({
              code: 'custom',
              path: ['fanOuts', i, 'members', j, 'ties', k],
              ...because('tie_not_to_hub', 'must join the member and the hub'),
            });
          }
        });
      });
    });
    if (held.size > maxMembers) {
      ctx.addIssue({
        code: 'custom',
        path: ['fanOuts'],
        ...because('too_many', `must hold at most ${maxMembers} members`, { max: maxMembers }),
      });
    }
  });
export type SavedGraph = z.output<typeof graphRules>;

/** Every entity a view holds: its drawn nodes, then the members of its group nodes. */
export function entityIdsOf(graph: SavedGraph): string[] {
  return [
    ...graph.nodes.map((n) => n.id),
    ...(graph.fanOuts ?? []).flatMap((f) => f.members.map((m) => m.id)),
  ];
}

/** The ids of the group nodes a view holds (a story step may highlight them). */
function groupIdsOf(graph: SavedGraph): string[] {
  const by = graph.style?.groupBy ?? 'city';
  return (graph.fanOuts ?? []).flatMap((f) =>
    f.groups.map((g) => groupId(f.hub, f.type, by, g.key)),
  );
}

/** A story step highlights entities of the view or its group nodes ("group:" + hub, type, by, key). */
const nodeId = z
  .string()
  .max(400)
  .regex(new RegExp(`^(group:)?(${entityKinds.join('|')}):`), {
    message: 'must be the id of a node of the view',
  });

const annotationRules = z.strictObject({
  text: requiredText(2000),
  nodeIds: z.array(nodeId).max(200, { message: 'must have at most 200 nodes' }),
  viewport: viewportRules.nullish(),
});
export type Annotation = z.output<typeof annotationRules>;

export const viewRules = z
  .object({
    title: requiredText(200),
    notes: text(5000).nullish(),
    graph: z
      .string()
      .max(maxGraphChars, { message: `must be at most ${maxGraphChars} characters` })
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', ...because('not_json', 'must be JSON') });
          return z.NEVER;
        }
      })
      .pipe(graphRules),
    annotations: z.array(annotationRules).max(50, { message: 'must have at most 50 steps' }),
  })
  .superRefine((view, ctx) => {
    const ids = new Set([...view.graph.nodes.map((n) => n.id), ...groupIdsOf(view.graph)]);
    view.annotations.forEach((step, i) => {
      step.nodeIds.forEach((id, j) => {
        if (!ids.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['annotations', i, 'nodeIds', j],
            ...because('not_view_node', 'must be a node of the view'),
          });
        }
      });
    });
  });
export type ViewInput = z.output<typeof viewRules>;

export const shareRules = z.object({
  emails: z
    .array(z.string().trim().toLowerCase().email({ message: 'must be an e-mail address' }).max(200))
    .max(50, { message: 'must have at most 50 addresses' }),
});
