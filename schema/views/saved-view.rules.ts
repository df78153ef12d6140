import { z } from 'zod';
import { entityKinds } from '../shared/entity-kinds.ts';
import { requiredText, text } from '../shared/rules.ts';
import { because } from '../shared/validate.ts';

/**
 * What a saved view may hold: the graph (entity ids, positions, style choices, viewport) as validated
 * JSON, and the ordered annotation steps. Pure: the API and its tests share these rules.
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
const maxGraphChars = 2_000_000;

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
    edges: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(300),
          source: entityId,
          target: entityId,
          kind: tieKind,
          label: text(200).nullish(),
          derived: z.boolean().optional(),
        }),
      )
      .max(maxEdges, { message: `must have at most ${maxEdges} edges` }),
    style: z
      .strictObject({
        layout: z.enum(layouts).optional(),
        hiddenTypes: z.array(z.enum(entityKinds)).max(entityKinds.length).optional(),
        hiddenTieKinds: z.array(tieKind).max(60).optional(),
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
  });
export type SavedGraph = z.output<typeof graphRules>;

const annotationRules = z.strictObject({
  text: requiredText(2000),
  nodeIds: z.array(entityId).max(200, { message: 'must have at most 200 nodes' }),
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
    const ids = new Set(view.graph.nodes.map((n) => n.id));
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
