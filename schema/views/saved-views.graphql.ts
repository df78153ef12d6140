/**
 * Saved views: a graph (entity ids, positions, style, viewport) with a title, notes and ordered
 * annotation steps ("this is how we reach her"), owned by one account and shared with accounts and/or
 * the owner's team.
 *
 * Access: every field needs a signed-in account. Owners read and write their views; accounts a view
 * is shared with (by e-mail, or as the owner's team) read it. Another account's view is "not found"
 * (so its existence does not leak) unless it is shared with the caller, who then may not edit it.
 */

import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { EntityRef } from '../entity/entity.graphql.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import type { Entity } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { ForbiddenError, mutationErrors, NotFoundError } from '../shared/errors.ts';
import { decodeGlobalId, encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange, recordCreate } from '../shared/history.ts';
import { parseInput } from '../shared/validate.ts';
import {
  type Annotation,
  entityIdsOf,
  type SavedGraph,
  shareRules,
  type ViewInput,
  viewRules,
} from './saved-view.rules.ts';
import {
  createSavedView,
  deleteSavedView,
  type Reader,
  readOtherAccountEmails,
  readSavedView,
  readSavedViews,
  readSharedAccounts,
  type SavedViewRow,
  setSharing,
  writeSavedView,
} from './saved-views.cypher.ts';

function me(ctx: Context): Reader {
  const account = ctx.account;
  if (!account) throw new ForbiddenError('sign in first');
  return { me: account.id, team: account.teamId ?? null };
}

async function readView(ctx: Context, globalId: string, path: string[]): Promise<SavedViewRow> {
  const { id } = idOf(globalId, ['SavedView'], path);
  const view = await readSavedView(ctx.db, id, me(ctx));
  if (!view) throw new NotFoundError('SavedView', globalId, path);
  return view;
}

/** The view, when the caller owns it; ForbiddenError when it is only shared with them. */
async function ownView(ctx: Context, globalId: string, path: string[]): Promise<SavedViewRow> {
  const view = await readView(ctx, globalId, path);
  if (view.ownerId !== ctx.account?.id) {
    throw new ForbiddenError('only the owner of a saved view may change it');
  }
  return view;
}

const ViewportRef = builder
  .objectRef<{ zoom: number; x: number; y: number }>('SavedViewport')
  .implement({
    description: 'Zoom and pan of the graph.',
    fields: (t) => ({ zoom: t.exposeFloat('zoom'), x: t.exposeFloat('x'), y: t.exposeFloat('y') }),
  });

const AnnotationRef = builder.objectRef<Annotation>('SavedViewAnnotation').implement({
  description:
    'One step of a view’s story: a text, the nodes to highlight, optionally where to look.',
  fields: (t) => ({
    text: t.exposeString('text'),
    nodeIds: t.exposeIDList('nodeIds'),
    viewport: t.field({ type: ViewportRef, nullable: true, resolve: (a) => a.viewport ?? null }),
  }),
});

const SharedAccountRef = builder
  .objectRef<{ email: string; name: string }>('SavedViewReader')
  .implement({
    description: 'An account a view is shared with.',
    fields: (t) => ({ email: t.exposeString('email'), name: t.exposeString('name') }),
  });

/** The view's entities: drawn nodes and the members of its group nodes. */
function nodeIdsOf(view: SavedViewRow): string[] {
  return entityIdsOf(JSON.parse(view.graph) as SavedGraph);
}

async function liveEntities(ctx: Context, view: SavedViewRow) {
  const ids = nodeIdsOf(view);
  const found = await Promise.all(
    ids.map((globalId) => {
      const { typename, id } = decodeGlobalId(globalId);
      return loadEntity(ctx, typename as EntityKind, id);
    }),
  );
  return { ids, found };
}

const SavedViewRef = builder.objectRef<SavedViewRow>('SavedView').implement({
  description: 'A saved graph view with its story (annotation steps), owned by one account.',
  fields: (t) => ({
    id: t.id({ resolve: (v) => encodeGlobalId('SavedView', v.id) }),
    title: t.exposeString('title'),
    notes: t.string({ resolve: (v) => v.notes ?? '' }),
    graph: t.exposeString('graph', {
      description:
        'JSON: {nodes: [{id, x, y, pinned?, hidden?, focus?}], edges: [{id, source, target, kind, label?, derived?, startYear?, endYear?}], fanOuts?: [{hub, type, members: [{id, ties: [edge]}], groups: [{key, x, y}]}], style?: {layout?, hiddenTypes?, hiddenTieKinds?, groupBy?}, viewport?: {zoom, x, y}}',
    }),
    annotations: t.field({
      type: [AnnotationRef],
      resolve: (v) => JSON.parse(v.annotations) as Annotation[],
    }),
    ownerName: t.exposeString('ownerName'),
    mine: t.boolean({ resolve: (v, _a, ctx) => v.ownerId === ctx.account?.id }),
    sharedWithTeam: t.exposeBoolean('sharedWithTeam'),
    sharedWith: t.field({
      type: [SharedAccountRef],
      description: 'The accounts it is shared with (only its owner sees them).',
      resolve: async (v, _a, ctx) => {
        if (v.ownerId !== ctx.account?.id) return [];
        return readSharedAccounts(ctx.db, v.id);
      },
    }),
    createdAt: t.exposeString('createdAt'),
    updatedAt: t.exposeString('updatedAt'),
    entities: t.field({
      type: [EntityRef],
      description:
        'The view’s entities (drawn, or held in group nodes) as they are now (deleted or merged ones are left out).',
      resolve: async (v, _a, ctx) =>
        (await liveEntities(ctx, v)).found.filter((e): e is Entity => e !== null),
    }),
    missingIds: t.idList({
      description: 'Ids in the view that no longer name a live entity (deleted or merged away).',
      resolve: async (v, _a, ctx) => {
        const { ids, found } = await liveEntities(ctx, v);
        return ids.filter((_id, i) => found[i] === null);
      },
    }),
  }),
});

const SavedViewScopeEnum = builder.enumType('SavedViewScope', {
  values: ['mine', 'shared', 'all'] as const,
});

builder.queryField('savedViews', (t) =>
  t.field({
    type: [SavedViewRef],
    description:
      'Your saved views and the views shared with you (or with your team), newest first.',
    authScopes: { signedIn: true },
    args: { scope: t.arg({ type: SavedViewScopeEnum, required: false, defaultValue: 'all' }) },
    resolve: (_r, args, ctx) => readSavedViews(ctx.db, args.scope ?? 'all', me(ctx)),
  }),
);

builder.queryField('savedView', (t) =>
  t.field({
    type: SavedViewRef,
    nullable: true,
    description:
      'A saved view you own or that is shared with you; null otherwise (or when deleted).',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      readView(ctx, args.id, ['id']).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
  }),
);

const ViewportInput = builder.inputType('SavedViewportInput', {
  fields: (t) => ({
    zoom: t.float({ required: true }),
    x: t.float({ required: true }),
    y: t.float({ required: true }),
  }),
});

const AnnotationInput = builder.inputType('SavedViewAnnotationInput', {
  fields: (t) => ({
    text: t.string({ required: true }),
    nodeIds: t.idList({ required: true }),
    viewport: t.field({ type: ViewportInput, required: false }),
  }),
});

const SavedViewInput = builder.inputType('SavedViewInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    notes: t.string({ required: false }),
    graph: t.string({ required: true, description: 'JSON (see SavedView.graph).' }),
    annotations: t.field({ type: [AnnotationInput], required: false }),
  }),
});

const SavedViewPatch = builder.inputType('SavedViewPatch', {
  description: 'Fields left out keep their value.',
  fields: (t) => ({
    title: t.string({ required: false }),
    notes: t.string({ required: false }),
    graph: t.string({ required: false }),
    annotations: t.field({ type: [AnnotationInput], required: false }),
  }),
});

function summary(view: ViewInput) {
  return {
    title: view.title,
    notes: view.notes ?? '',
    nodes: entityIdsOf(view.graph).length,
    steps: view.annotations.length,
  };
}

builder.mutationField('saveView', (t) =>
  t.field({
    type: SavedViewRef,
    description: 'Saves a graph view (yours; share it afterwards).',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SavedViewInput, required: true }) },
    resolve: async (_r, args, ctx) => {
      const view = parseInput(
        viewRules,
        { ...args.input, annotations: args.input.annotations ?? [] },
        ['input'],
      );
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        await createSavedView(tx, { id, me: me(ctx).me, actor: ctx.actor });
        await writeSavedView(tx, id, view);
        await recordCreate(tx, id, ctx.actor, summary(view));
      });
      return readView(ctx, encodeGlobalId('SavedView', id), ['input']);
    },
  }),
);

builder.mutationField('updateSavedView', (t) =>
  t.field({
    type: SavedViewRef,
    description: 'Changes your saved view (title, notes, graph, annotation steps).',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: SavedViewPatch, required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const before = await ownView(ctx, args.id, ['id']);
      const merged = {
        title: args.input.title ?? before.title,
        notes: args.input.notes ?? before.notes,
        graph: args.input.graph ?? before.graph,
        annotations: args.input.annotations ?? (JSON.parse(before.annotations) as Annotation[]),
      };
      const view = parseInput(viewRules, merged, ['input']);
      await ctx.db.writeTx(async (tx) => {
        await writeSavedView(tx, before.id, view);
        const old = {
          title: before.title,
          notes: before.notes ?? '',
          nodes: nodeIdsOf(before).length,
          steps: (JSON.parse(before.annotations) as Annotation[]).length,
        };
        const now = summary(view);
        const changes: Record<string, [unknown, unknown]> = {};
        for (const key of Object.keys(now) as (keyof typeof now)[]) {
          if (old[key] !== now[key]) changes[key] = [old[key], now[key]];
        }
        if (args.input.graph != null) changes.graph = ['…', '…'];
        await recordChange(tx, { entityId: before.id, op: 'update', actor: ctx.actor, changes });
      });
      return readView(ctx, args.id, ['id']);
    },
  }),
);

builder.mutationField('deleteSavedView', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes your saved view; returns its id.',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const view = await ownView(ctx, args.id, ['id']);
      await ctx.db.writeTx(async (tx) => {
        await deleteSavedView(tx, view.id);
        await recordChange(tx, {
          entityId: view.id,
          op: 'delete',
          actor: ctx.actor,
          changes: { title: [view.title, null] },
        });
      });
      return args.id;
    },
  }),
);

function sharingMutation(name: 'shareSavedView' | 'unshareSavedView', share: boolean) {
  builder.mutationField(name, (t) =>
    t.field({
      type: SavedViewRef,
      description: share
        ? 'Shares your view with accounts (by e-mail) and/or your team; they may read it, not edit it.'
        : 'Stops sharing your view with these accounts (by e-mail) and/or your team.',
      authScopes: { signedIn: true },
      errors: { types: mutationErrors },
      args: {
        id: t.arg.id({ required: true }),
        emails: t.arg.stringList({ required: false }),
        team: t.arg.boolean({
          required: false,
          description: share ? 'Share with your team too.' : 'Stop sharing with your team.',
        }),
      },
      resolve: async (_r, args, ctx) => {
        const { emails } = parseInput(shareRules, { emails: args.emails ?? [] }, []);
        const view = await ownView(ctx, args.id, ['id']);
        await ctx.db.writeTx(async (tx) => {
          const known = new Set(await readOtherAccountEmails(tx, emails, view.ownerId));
          const unknown = emails.findIndex((e) => !known.has(e) && e !== ctx.account?.email);
          if (share && unknown >= 0) {
            throw new NotFoundError('Account', emails[unknown] ?? '', ['emails', String(unknown)]);
          }
          const team = args.team ? share : view.sharedWithTeam;
          await setSharing(tx, share, { id: view.id, emails, team, actor: ctx.actor });
          await recordChange(tx, {
            entityId: view.id,
            op: 'update',
            actor: ctx.actor,
            changes: {
              [share ? 'sharedWith' : 'unsharedWith']: [null, [...known]],
              sharedWithTeam: [view.sharedWithTeam, team],
            },
          });
        });
        return readView(ctx, args.id, ['id']);
      },
    }),
  );
}
sharingMutation('shareSavedView', true);
sharingMutation('unshareSavedView', false);
