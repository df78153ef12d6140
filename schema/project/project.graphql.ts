import { z } from 'zod';
import { builder } from '../builder.ts';
import { EntityRef, TieRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { defineCreateUpdate } from '../entity/entity-crud.ts';
import { setSingleLink } from '../entity/entity-links.ts';
import { defineEntityList } from '../entity/entity-list.ts';
import { defineEntityNode } from '../entity/entity-node.ts';
import { projectKinds, projectStatuses } from '../shared/entity-kinds.ts';
import { ProjectKindEnum, ProjectStatusEnum } from '../shared/enums.graphql.ts';
import { idOf } from '../shared/global-id.ts';
import { names, provenance, text } from '../shared/rules.ts';
import { loadTies } from '../tie/tie.loaders.ts';

export const ProjectRef = defineEntityNode(
  'Project',
  'An academician project, institute being set up, technology transfer, start-up or open challenge (揭榜挂帅).',
);

builder.objectFields(ProjectRef, (t) => ({
  kind: t.field({ type: ProjectKindEnum, resolve: (p) => p.projectKind as never }),
  status: t.field({ type: ProjectStatusEnum, resolve: (p) => p.status as never }),
  funding: t.exposeFloat('funding', { nullable: true, description: 'In 10,000 CNY (万元).' }),
  description: t.exposeString('description', { nullable: true }),
  host: t.field({
    type: EntityRef,
    nullable: true,
    description: 'The host organisation (HOSTED_BY).',
    resolve: async (p, _args, ctx) =>
      (await loadTies(ctx, 'Project', p.id, 'HOSTED_BY'))[0]?.other ?? null,
  }),
  place: t.field({
    type: EntityRef,
    nullable: true,
    description: 'Where it landed (LANDED_IN).',
    resolve: async (p, _args, ctx) =>
      (await loadTies(ctx, 'Project', p.id, 'LANDED_IN'))[0]?.other ?? null,
  }),
  leaders: t.field({
    type: [TieRef],
    resolve: (p, _args, ctx) => loadTies(ctx, 'Project', p.id, 'LEADS'),
  }),
  fields: t.field({
    type: [TieRef],
    resolve: (p, _args, ctx) => loadTies(ctx, 'Project', p.id, 'IN_FIELD'),
  }),
}));

builder.queryField('project', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: ProjectRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      loadEntity(ctx, 'Project', idOf(args.id, ['Project'], ['id']).id),
  }),
);

const ProjectFilter = builder.inputType('ProjectFilter', {
  fields: (t) => ({
    text: t.string({ required: false }),
    kinds: t.field({ type: [ProjectKindEnum], required: false }),
    statuses: t.field({ type: [ProjectStatusEnum], required: false }),
    landedIn: t.id({ required: false, description: 'Landed in this place or a place inside it.' }),
  }),
});

defineEntityList({
  kind: 'Project',
  field: 'projects',
  ref: ProjectRef,
  filter: ProjectFilter,
  description: 'Projects by name, optionally by kind, status and where they landed.',
  conditions: (f) => ({
    cypher: [
      f.kinds?.length ? 'n.kind IN $kinds' : '',
      f.statuses?.length ? 'n.status IN $statuses' : '',
      f.landedIn
        ? 'EXISTS { MATCH (n)-[r:LANDED_IN]->(:Place)-[:PART_OF*0..5]->(:Place {id: $landedIn}) WHERE NOT r.deleted }'
        : '',
    ]
      .filter(Boolean)
      .join(' AND '),
    params: {
      kinds: f.kinds ?? null,
      statuses: f.statuses ?? null,
      landedIn: f.landedIn ? idOf(f.landedIn, ['Place'], ['filter', 'landedIn']).id : null,
    },
  }),
});

function projectInput(create: boolean) {
  return builder.inputType(create ? 'ProjectInput' : 'ProjectPatch', {
    fields: (t) => ({
      name: t.string({ required: create }),
      latinName: t.string({ required: false }),
      aliases: t.stringList({ required: false }),
      kind: t.field({ type: ProjectKindEnum, required: create }),
      status: t.field({ type: ProjectStatusEnum, required: create }),
      funding: t.float({ required: false }),
      description: t.string({ required: false }),
      host: t.id({ required: false, description: 'Host organisation; null clears it.' }),
      place: t.id({ required: false, description: 'Where it landed; null clears it.' }),
      verified: t.boolean({ required: false }),
      confidence: t.float({ required: false }),
    }),
  });
}

defineCreateUpdate({
  kind: 'Project',
  ref: ProjectRef,
  createInput: projectInput(true),
  patchInput: projectInput(false),
  rules: z.strictObject({
    ...names,
    kind: z.enum(projectKinds),
    status: z.enum(projectStatuses),
    funding: z.number().min(0, { message: 'must not be negative' }).max(1e9).nullish(),
    description: text(5000).nullish(),
    host: z.string().nullish(),
    place: z.string().nullish(),
    ...provenance,
  }),
  links: ['host', 'place'],
  writeLinks: async (tx, id, links, ctx) => {
    const common = { kind: 'Project' as const, id, actor: ctx.actor };
    await setSingleLink(tx, {
      ...common,
      type: 'HOSTED_BY',
      targetKind: 'Organization',
      target: links.host as string | null | undefined,
      path: ['input', 'host'],
    });
    await setSingleLink(tx, {
      ...common,
      type: 'LANDED_IN',
      targetKind: 'Place',
      target: links.place as string | null | undefined,
      path: ['input', 'place'],
    });
  },
});
