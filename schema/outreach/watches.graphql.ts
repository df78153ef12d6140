/**
 * Watches and in-app notifications (issue #6). A signed-in user watches a person, a segment or an
 * introduction. Changes of people and introductions are notified by `recordChange` (see
 * `schema/shared/notify.ts`), in the transaction of the change. A segment is a live filter: any write
 * anywhere may change its members, so its watch keeps a snapshot of the members it has seen
 * ((:Watch)-[:SAW]->(:Person), taken when the watch starts) and compares it with the members now when
 * the watcher asks (`myNotifications`): the new members become one `new_members` notification and join
 * the snapshot. The cost is one evaluation of each watched segment per look, paid by the watcher, and
 * none on the write path.
 */

import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { asksForTotal } from '../entity/entity-list.ts';
import { readPageArgs, toConnection } from '../shared/connection.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange, recordCreate } from '../shared/history.ts';
import { notificationKinds } from '../shared/notify.ts';
import { parseInput } from '../shared/validate.ts';
import { outreachText } from './outreach-text.ts';
import { readMemberIds } from './segments.cypher.ts';
import { loadSegment } from './segments.graphql.ts';
import { viewerParams } from './visibility.ts';
import {
  addSeenMembers,
  canSeeWatchTarget,
  countNotifications,
  deleteWatch,
  markNotificationsRead,
  mergeWatch,
  type Notification,
  readNotificationsPage,
  readSegmentWatchesOf,
  readWatchesOf,
  type Watch,
  watchKinds,
} from './watches.cypher.ts';

const WatchKindEnum = builder.enumType('WatchKind', { values: watchKinds });
const NotificationKindEnum = builder.enumType('NotificationKind', {
  values: notificationKinds,
  description:
    'new_job / ended_job (WORKED_AT), moved_city (LIVES_IN), edited (other edits), activity (an outreach record about the person), stage_changed (introduction), new_members (segment).',
});

const WatchRef = builder.objectRef<Watch>('Watch').implement({
  description: 'Something you watch: a person, a segment or an introduction.',
  fields: (t) => ({
    id: t.id({ resolve: (w) => encodeGlobalId('Watch', w.id) }),
    targetKind: t.field({ type: WatchKindEnum, resolve: (w) => w.targetKind }),
    target: t.id({ resolve: (w) => encodeGlobalId(w.targetKind, w.targetId) }),
    targetName: t.exposeString('targetName', { nullable: true }),
    createdAt: t.exposeString('createdAt'),
  }),
});

const NotificationRef = builder.objectRef<Notification>('Notification').implement({
  description: 'A change of something you watch.',
  fields: (t) => ({
    id: t.id({ resolve: (n) => encodeGlobalId('Notification', n.id) }),
    kind: t.field({ type: NotificationKindEnum, resolve: (n) => n.kind }),
    subject: t.id({
      description: 'The watched person, segment or introduction.',
      resolve: (n) => encodeGlobalId(n.subjectKind, n.subjectId),
    }),
    subjectName: t.exposeString('subjectName', { nullable: true }),
    detail: t.exposeString('detail', {
      nullable: true,
      description: 'The new employer or city, or the names of new segment members.',
    }),
    changes: t.string({
      nullable: true,
      description: 'JSON: property -> [before, after], as in the history.',
      resolve: (n, _a, ctx) => outreachText(ctx, n.changes),
    }),
    actor: t.exposeString('actor', { nullable: true }),
    at: t.exposeString('at'),
    read: t.exposeBoolean('read'),
  }),
});

/** Records the segment's members now as seen; with `notify`, the unseen ones become a notification. */
async function snapshotSegment(
  tx: Tx,
  ctx: Context,
  watchId: string,
  ids: string[],
  notify: boolean,
) {
  const added = await addSeenMembers(tx, { watchId, ids, notify, notificationId: ulid() });
  if (notify && added > 0) {
    await recordChange(tx, {
      entityId: watchId,
      op: 'update',
      actor: ctx.actor,
      changes: { newMembers: [null, added] },
    });
  }
}

/** Compares each watched segment with its snapshot and notifies its new members (see the top). */
async function refreshSegmentWatches(ctx: Context): Promise<void> {
  const watches = await readSegmentWatchesOf(ctx.db, ctx.account?.id ?? '', viewerParams(ctx));
  for (const w of watches) {
    const segment = await loadSegment(ctx, encodeGlobalId('Segment', w.segmentId), ['segment']);
    const ids = await readMemberIds(ctx.db, { segment });
    await ctx.db.writeTx((tx) => snapshotSegment(tx, ctx, w.watchId, ids, true));
  }
}

const targetOf = (target: string, path: string[]) => idOf(target, watchKinds, path);

builder.mutationField('watch', (t) =>
  t.field({
    type: WatchRef,
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    description:
      'Watches a person, a segment or an introduction you may see; its changes appear in myNotifications. Watching twice keeps one watch.',
    args: { target: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const target = targetOf(args.target, ['target']);
      const me = ctx.account?.id ?? '';
      const ids =
        target.kind === 'Segment'
          ? await readMemberIds(ctx.db, {
              segment: await loadSegment(ctx, args.target, ['target']),
            })
          : [];
      return ctx.db.writeTx(async (tx) => {
        if (!(await canSeeWatchTarget(tx, target.kind, target.id, viewerParams(ctx))))
          throw new NotFoundError(target.kind, args.target, ['target']);
        const row = await mergeWatch(tx, {
          me,
          id: ulid(),
          actor: ctx.actor,
          kind: target.kind,
          targetId: target.id,
        });
        if (row.created) {
          if (target.kind === 'Segment') await snapshotSegment(tx, ctx, row.watch.id, ids, false);
          await recordCreate(tx, row.watch.id, ctx.actor, { target: args.target });
        }
        return row.watch;
      });
    },
  }),
);

builder.mutationField('unwatch', (t) =>
  t.field({
    type: 'Boolean',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    description: 'Stops watching; true when there was a watch. Notifications already made stay.',
    args: { target: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => {
      const target = targetOf(args.target, ['target']);
      return ctx.db.writeTx(async (tx) => {
        const id = await deleteWatch(tx, ctx.account?.id ?? '', target.id);
        if (!id) return false;
        await recordChange(tx, {
          entityId: id,
          op: 'delete',
          actor: ctx.actor,
          changes: { target: [args.target, null] },
        });
        return true;
      });
    },
  }),
);

builder.queryField('myWatches', (t) =>
  t.field({
    type: [WatchRef],
    authScopes: { signedIn: true },
    description: 'What you watch, newest first.',
    resolve: (_r, _a, ctx) => readWatchesOf(ctx.db, ctx.account?.id ?? ''),
  }),
);

/** Your notifications you may see (all, or the unread ones). */
const countMine = (ctx: Context, unreadOnly: boolean) =>
  countNotifications(ctx.db, ctx.account?.id ?? '', unreadOnly, viewerParams(ctx));

const unreadCount = (ctx: Context) => countMine(ctx, true);

builder.queryField('myNotifications', (t) =>
  t.connection(
    {
      type: NotificationRef,
      authScopes: { signedIn: true },
      description:
        'Changes of what you watch, newest first (keyset pages). Asking also compares each watched segment with the members seen so far.',
      args: { unreadOnly: t.arg.boolean({ required: false, defaultValue: false }) },
      resolve: async (_r, args, ctx, info) => {
        const { size, after } = readPageArgs(args);
        await refreshSegmentWatches(ctx);
        const unreadOnly = args.unreadOnly ?? false;
        const notifications = await readNotificationsPage(
          ctx.db,
          {
            me: ctx.account?.id ?? '',
            after: typeof after?.[0] === 'string' ? after[0] : null,
            unreadOnly,
            limit: size + 1,
          },
          viewerParams(ctx),
        );
        const total = asksForTotal(info) ? await countMine(ctx, unreadOnly) : -1;
        return {
          ...toConnection(notifications, size, total, (n) => [n.id]),
          unreadCount: unreadOnly && total >= 0 ? total : await unreadCount(ctx),
        };
      },
    },
    {
      fields: (t) => ({
        unreadCount: t.int({
          description: 'Your unread notifications (all pages).',
          resolve: (c) => (c as unknown as { unreadCount: number }).unreadCount,
        }),
      }),
    },
    {},
  ),
);

const markRules = z.object({
  ids: z.array(z.string()).max(500).nullish(),
  all: z.boolean().nullish(),
});

builder.mutationField('markNotificationsRead', (t) =>
  t.field({
    type: 'Int',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    description:
      'Marks some (ids) or all of your notifications read; returns how many are still unread.',
    args: { ids: t.arg.idList({ required: false }), all: t.arg.boolean({ required: false }) },
    resolve: async (_r, args, ctx) => {
      const input = parseInput(markRules, { ids: args.ids, all: args.all }, []);
      const ids = (input.ids ?? []).map(
        (id, i) => idOf(id, ['Notification'], ['ids', String(i)]).id,
      );
      await ctx.db.writeTx(async (tx) => {
        const read = await markNotificationsRead(tx, {
          me: ctx.account?.id ?? '',
          all: input.all ?? false,
          ids,
        });
        await recordChange(tx, {
          entityId: ctx.account?.id ?? '',
          op: 'update',
          actor: ctx.actor,
          changes: { notificationsRead: [null, read] },
        });
      });
      return unreadCount(ctx);
    },
  }),
);
