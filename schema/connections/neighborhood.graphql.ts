import { builder } from '../builder.ts';
import { EntityKindEnum, EntityRef, TieKindEnum } from '../entity/entity.graphql.ts';
import { entitySummaryFields, entitySummaryProjection } from '../entity/entity.model.ts';
import { entityKinds } from '../shared/entity-kinds.ts';
import { PersonCategoryEnum } from '../shared/enums.graphql.ts';
import { ValidationError } from '../shared/errors.ts';
import { selectedSubfields } from '../shared/selection.ts';
import { enumWord } from '../shared/words/words.ts';
import { tieKindNames } from '../tie/tie-kinds.ts';
import { locateEntities } from './element-ids.ts';
import {
  type GraphEdge,
  type Neighborhood,
  reachCountCap,
  walkNeighborhood,
} from './neighborhood-walk.ts';

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description:
    'A tie drawn in the graph view; source and target are global ids of nodes in the same answer.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind', { description: 'A TieKind, or DERIVED_TIE.' }),
    derived: t.exposeBoolean('derived'),
    source: t.exposeID('source'),
    target: t.exposeID('target'),
    label: t.string({
      nullable: true,
      description:
        'KNOWS kind, job title, degree or derived kind: the kinds and degrees in words, in the request’s language (Accept-Language); titles as written.',
      resolve: (e, _args, ctx) =>
        e.coded ? enumWord(ctx.lang, e.coded.kind, e.coded.value) : e.label,
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
      description:
        'How many nodes within the depth the limit left out, each counted once (shown + omitted = everything within the depth); a lower bound when omittedAtLeast.',
    }),
    omittedByKind: t.field({
      type: [KindCountRef],
      description: 'What was left out, per kind of thing: ask again with a filter to see those.',
      resolve: (n) => n.omittedByKind,
    }),
    omittedAtLeast: t.exposeBoolean('omittedAtLeast', {
      description: `True when more than ${reachCountCap.toLocaleString('en')} nodes lay within the depth: counting stopped there, and omittedNodes and omittedByKind are lower bounds ("at least").`,
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
    resolve: async (_root, args, ctx, info) => {
      const depth = args.depth ?? 1;
      const limit = args.limit ?? 200;
      if (depth < 1 || depth > 3)
        throw new ValidationError([
          {
            path: ['depth'],
            code: 'out_of_range',
            params: { min: 1, max: 3 },
            message: 'must be 1 to 3',
          },
        ]);
      if (limit < 1 || limit > 2000)
        throw new ValidationError([
          {
            path: ['limit'],
            code: 'out_of_range',
            params: { min: 1, max: 2000 },
            message: 'must be 1 to 2000',
          },
        ]);
      if (!args.ids.length || args.ids.length > 100)
        throw new ValidationError([
          {
            path: ['ids'],
            code: 'count_range',
            params: { min: 1, max: 100 },
            message: 'must name 1 to 100 entities',
          },
        ]);
      const filter = args.filter ?? {};
      const types = [
        ...(filter.tieKinds?.length ? filter.tieKinds : tieKindNames),
        'PART_OF',
        'SUBFIELD_OF',
      ];
      if (filter.derived) types.push('DERIVED_TIE');
      const kinds = filter.kinds?.length ? filter.kinds : entityKinds;
      const categories = filter.categories?.length ? filter.categories : null;

      // The graph view asks only for each node's summary: then only that is read (at 1M, the
      // last level's properties read whole were a third of the time).
      const summary = [...selectedSubfields(info, 'nodes')].every((f) =>
        entitySummaryFields.has(f),
      );
      const start = await locateEntities(ctx, args.ids, ['ids']);
      return walkNeighborhood((cypher, params) => ctx.db.read(cypher, params), start, {
        depth,
        limit,
        types,
        kinds,
        categories,
        projection: summary ? entitySummaryProjection : undefined,
      });
    },
  }),
);
