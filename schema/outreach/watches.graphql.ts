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
import { ulid } from 'ulid';
import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { builder } from '../builder.ts';
import { asksForTotal } from '../entity/entity-list.ts';
import { readPageArgs, toConnection } from '../shared/connection.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { type NotificationKind, notificationKinds } from '../shared/notify.ts';
import { parseInput } from '../shared/validate.ts';
import { outreachText } from './outreach-text.ts';
import { loadSegment, memberIds } from './segments.graphql.ts';
import { viewerParams, visibleTo } from './visibility.ts';

const watchKinds = ['Person', 'Segment', 'Introduction'] as const;
type WatchKind = (typeof watchKinds)[number];

/** The watchable record `kind` with our id `$id`, if the caller may see it. */
const visibleTarget: Record<WatchKind, string> = {
  Person: 'MATCH (x:Person {id: $id}) WHERE NOT x.deleted',
  Segment: `MATCH (x:Segment {id: $id}) WHERE NOT x.deleted AND ${visibleTo('x')}`,
  Introduction: `MATCH (x:Introduction {id: $id}) WHERE NOT coalesce(x.deleted, false) AND ${visibleTo('x', true)}`,
};

/** A notification is shown only while its record (and the outreach record behind it) is visible. */
// Notifications of outreach (activity on a person, stage changes) follow the record's visibility;
// those of graph changes (new job, moved city, edits) carry no team and show to every watcher.
const notificationVisible = `(NOT n.kind IN ['activity', 'stage_changed'] OR ${visibleTo('n')})
  AND (n.subjectKind <> 'Introduction' OR EXISTS { MATCH (i:Introduction {id: n.subjectId})
       WHERE NOT coalesce(i.deleted, false) AND ${visibleTo('i', true)} })
  AND (n.subjectKind <> 'Segment' OR EXISTS { MATCH (s:Segment {id: n.subjectId})
       WHERE NOT s.deleted AND ${visibleTo('s')} })`;

const subjectName = `coalesce(COLLECT { MATCH (x:Person {id: SUBJECT}) RETURN x.name }[0],
  COLLECT { MATCH (x:Introduction {id: SUBJECT}) RETURN x.name }[0],
  COLLECT { MATCH (x:Segment {id: SUBJECT}) RETURN x.name }[0])`;

interface Watch {
  id: string;
  targetKind: WatchKind;
  targetId: string;
  targetName: string | null;
  createdAt: string;
}

interface Notification {
  id: string;
  kind: NotificationKind;
  subjectKind: WatchKind;
  subjectId: string;
  subjectName: string | null;
  detail: string | null;
  changes: string | null;
  actor: string | null;
  at: string;
  read: boolean;
}

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

const watchReturn = `w {.id, .targetKind, .targetId, createdAt: toString(w.createdAt),
  targetName: ${subjectName.replaceAll('SUBJECT', 'w.targetId')}} AS watch`;

/** Records the segment's members now as seen; with `notify`, the unseen ones become a notification. */
async function snapshotSegment(
  tx: Tx,
  ctx: Context,
  watchId: string,
  ids: string[],
  notify: boolean,
) {
  const rows = await tx.run<{ added: number; names: string[]; segmentId: string }>(
    `MATCH (w:Watch {id: $watchId})
     CALL (w) {
       UNWIND $ids AS pid MATCH (p:Person {id: pid}) WHERE NOT p.deleted AND NOT EXISTS { (w)-[:SAW]->(p) }
       CREATE (w)-[:SAW]->(p)
       WITH p ORDER BY p.id RETURN count(p) AS added, collect(p.name)[..20] AS names, collect(p.id)[..50] AS added_ids
     }
     SET w.checkedAt = datetime()
     WITH w, added, names, added_ids
     CALL (w, added, names, added_ids) {
       WITH w WHERE $notify AND added > 0
       CREATE (:Notification {id: $notificationId, accountId: w.accountId, watchId: w.id, kind: 'new_members',
                              subjectKind: 'Segment', subjectId: w.targetId, at: datetime(), actor: null,
                              read: false, teamId: null,
                              detail: toString(added) + ': ' + reduce(s = '', x IN names | s + CASE WHEN s = '' THEN '' ELSE '、' END + x),
                              changes: '{"members":[null,' + toString(added) + ']}'})
     }
     RETURN added, names, w.targetId AS segmentId`,
    { watchId, ids, notify, notificationId: ulid() },
  );
  const added = rows[0]?.added ?? 0;
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
  const watches = await ctx.db.read<{ watchId: string; segmentId: string }>(
    `MATCH (w:Watch {accountId: $me, targetKind: 'Segment'})
     MATCH (s:Segment {id: w.targetId}) WHERE NOT s.deleted AND ${visibleTo('s')}
     RETURN w.id AS watchId, s.id AS segmentId`,
    { me: ctx.account?.id ?? '', ...viewerParams(ctx) },
  );
  for (const w of watches) {
    const segment = await loadSegment(ctx, encodeGlobalId('Segment', w.segmentId), ['segment']);
    const ids = await memberIds(ctx, { segment });
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
          ? await memberIds(ctx, { segment: await loadSegment(ctx, args.target, ['target']) })
          : [];
      return ctx.db.writeTx(async (tx) => {
        const found = await tx.run(`${visibleTarget[target.kind]} RETURN x.id`, {
          id: target.id,
          ...viewerParams(ctx),
        });
        if (!found.length) throw new NotFoundError(target.kind, args.target, ['target']);
        const rows = await tx.run<{ watch: Watch; created: boolean }>(
          `MERGE (w:Watch {key: $me + '|' + $targetId})
           ON CREATE SET w.id = $id, w.accountId = $me, w.accountActor = $actor, w.targetKind = $kind,
                         w.targetId = $targetId, w.createdAt = datetime(), w.new = true
           WITH w, coalesce(w.new, false) AS created REMOVE w.new
           RETURN ${watchReturn}, created`,
          { me, id: ulid(), actor: ctx.actor, kind: target.kind, targetId: target.id },
        );
        const row = rows[0] as { watch: Watch; created: boolean };
        if (row.created) {
          if (target.kind === 'Segment') await snapshotSegment(tx, ctx, row.watch.id, ids, false);
          await recordChange(tx, {
            entityId: row.watch.id,
            op: 'create',
            actor: ctx.actor,
            changes: { target: [null, args.target] },
          });
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
        const rows = await tx.run<{ id: string }>(
          `MATCH (w:Watch {key: $key}) WITH w, w.id AS id DETACH DELETE w RETURN id`,
          { key: `${ctx.account?.id ?? ''}|${target.id}` },
        );
        if (!rows[0]) return false;
        await recordChange(tx, {
          entityId: rows[0].id,
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
    resolve: async (_r, _a, ctx) => {
      const rows = await ctx.db.read<{ watch: Watch }>(
        `MATCH (w:Watch {accountId: $me}) RETURN ${watchReturn} ORDER BY w.createdAt DESC, w.id DESC`,
        { me: ctx.account?.id ?? '' },
      );
      return rows.map((r) => r.watch);
    },
  }),
);

/** Your notifications you may see (all, or the unread ones). */
async function countNotifications(ctx: Context, unreadOnly: boolean): Promise<number> {
  const rows = await ctx.db.read<{ n: number }>(
    `MATCH (n:Notification {accountId: $me}) WHERE (NOT $unreadOnly OR NOT n.read) AND ${notificationVisible}
     RETURN count(n) AS n`,
    { me: ctx.account?.id ?? '', unreadOnly, ...viewerParams(ctx) },
  );
  return rows[0]?.n ?? 0;
}

const unreadCount = (ctx: Context) => countNotifications(ctx, true);

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
        const rows = await ctx.db.read<{ notification: Notification }>(
          `MATCH (n:Notification {accountId: $me})
           WHERE ($after IS NULL OR n.id < $after) AND (NOT $unreadOnly OR NOT n.read)
             AND ${notificationVisible}
           WITH n ORDER BY n.id DESC LIMIT $limit
           RETURN n {.id, .kind, .subjectKind, .subjectId, .detail, .changes, .actor, .read,
                     at: toString(n.at), subjectName: ${subjectName.replaceAll('SUBJECT', 'n.subjectId')}} AS notification`,
          {
            me: ctx.account?.id ?? '',
            after: typeof after?.[0] === 'string' ? after[0] : null,
            unreadOnly,
            limit: size + 1,
            ...viewerParams(ctx),
          },
        );
        const total = asksForTotal(info) ? await countNotifications(ctx, unreadOnly) : -1;
        return {
          ...toConnection(
            rows.map((r) => r.notification),
            size,
            total,
            (n) => [n.id],
          ),
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
        const rows = await tx.run<{ n: number }>(
          `MATCH (n:Notification {accountId: $me}) WHERE NOT n.read AND ($all OR n.id IN $ids)
           SET n.read = true, n.readAt = datetime() RETURN count(n) AS n`,
          { me: ctx.account?.id ?? '', all: input.all ?? false, ids },
        );
        await recordChange(tx, {
          entityId: ctx.account?.id ?? '',
          op: 'update',
          actor: ctx.actor,
          changes: { notificationsRead: [null, rows[0]?.n ?? 0] },
        });
      });
      return unreadCount(ctx);
    },
  }),
);
