/**
 * Dataset imports in the API: look an entity up by the external id a dataset gave it (every imported
 * entity keeps its (dataset, kind, external id); see schema/dataset/write-dataset.ts).
 */
import { builder } from '../builder.ts';
// Registers the job kind, so this server resumes a dataset import whose process (the CLI) died.
import './dataset.job.ts';
import { EntityKindEnum, EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { externalKey } from './write-dataset.ts';

builder.queryField('entityByExternalId', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: EntityRef,
    nullable: true,
    description:
      'The entity a dataset import knows by `externalId` (unique per dataset and kind); null when none.',
    args: {
      dataset: t.arg.string({ required: true }),
      kind: t.arg({ type: EntityKindEnum, required: true }),
      externalId: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const dataset = parseInput(text(100), args.dataset, ['dataset']);
      const externalId = parseInput(text(200), args.externalId, ['externalId']);
      const rows = await ctx.db.read<{ id: string }>(
        'MATCH (:ExternalId {key: $key})-[:IDENTIFIES]->(n) WHERE NOT n.deleted RETURN n.id AS id',
        { key: externalKey(dataset ?? '', args.kind, externalId ?? '') },
      );
      return rows[0] ? loadEntity(ctx, args.kind, rows[0].id) : null;
    },
  }),
);
