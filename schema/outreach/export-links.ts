/**
 * Export files as real downloads: `createExportLink` checks what is asked for and stores it as a
 * short-lived link bound to the caller's account (only the hash of its token is stored); GET
 * `/exports/<token>` (server/app.ts) renders the file then, under the same session and with the
 * caller's rights at that moment (role, outreach visibility, contact columns, audit of contact reads).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder, rolesWith } from '../builder.ts';
import { mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { recordCreate } from '../shared/history.ts';
import { parseInput } from '../shared/validate.ts';
import { loadEvent } from './events.graphql.ts';
import {
  type ExportFile,
  ExportFormatEnum,
  type ExportSpec,
  renderExport,
} from './exports.graphql.ts';
import { periodRules, ReportScopeInput, toScope } from './reports.graphql.ts';
import { loadList, loadSegment } from './segments.graphql.ts';

/** How long a link works. */
const exportLinkTtlSeconds = 300;
export const exportPathPrefix = '/exports/';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

interface ExportLink {
  url: string;
  expiresAt: string;
}

const ExportLinkRef = builder.objectRef<ExportLink>('ExportLink').implement({
  description: `A download URL (relative to the server) that works for ${exportLinkTtlSeconds / 60} minutes, for your session only.`,
  fields: (t) => ({
    url: t.exposeString('url'),
    expiresAt: t.exposeString('expiresAt'),
  }),
});

const PeopleExportInput = builder.inputType('PeopleExportInput', {
  description: 'Exactly one of list, segment or event (its invitation list).',
  fields: (t) => ({
    list: t.id({ required: false }),
    segment: t.id({ required: false }),
    event: t.id({ required: false }),
  }),
});

const PipelineExportInput = builder.inputType('PipelineExportInput', {
  fields: (t) => ({
    from: t.string({ required: true }),
    to: t.string({ required: true }),
    scope: t.field({ type: ReportScopeInput, required: false }),
  }),
});

/** Checks now what the link will render later (ids, visibility, period), so a bad link is never made. */
async function checkSpec(ctx: Context, spec: ExportSpec): Promise<void> {
  if (spec.kind === 'pipeline') {
    parseInput(periodRules, { from: spec.from, to: spec.to }, ['pipeline']);
    toScope(spec.scope);
    return;
  }
  const given = [spec.list, spec.segment, spec.event].filter((x) => x != null);
  if (given.length !== 1) {
    throw new ValidationError([
      {
        path: ['people'],
        code: 'one_export_source',
        message: 'give exactly one of list, segment or event',
      },
    ]);
  }
  if (spec.list) await loadList(ctx, spec.list, ['people', 'list']);
  if (spec.segment) await loadSegment(ctx, spec.segment, ['people', 'segment']);
  if (spec.event) {
    const { id } = idOf(spec.event, ['Event'], ['people', 'event']);
    if (!(await loadEvent(ctx, id)))
      throw new NotFoundError('Event', spec.event, ['people', 'event']);
  }
}

builder.mutationField('createExportLink', (t) =>
  t.field({
    type: ExportLinkRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description:
      'A short-lived download link for a people list or the pipeline as CSV or .xlsx: GET it with the same session (a browser link or Excel opens a real file). The file is made at download time with your rights then, in the language of this request (Accept-Language).',
    args: {
      people: t.arg({ type: PeopleExportInput, required: false }),
      pipeline: t.arg({ type: PipelineExportInput, required: false }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
    },
    resolve: async (_r, args, ctx) => {
      if ((args.people == null) === (args.pipeline == null)) {
        throw new ValidationError([
          {
            path: [],
            code: 'people_or_pipeline',
            message: 'give exactly one of people or pipeline',
          },
        ]);
      }
      const spec: ExportSpec = args.people
        ? { kind: 'people', ...args.people, format: args.format, lang: ctx.lang }
        : {
            kind: 'pipeline',
            ...(args.pipeline as typeof PipelineExportInput.$inferInput),
            format: args.format,
            lang: ctx.lang,
          };
      await checkSpec(ctx, spec);
      const token = `tgx_${randomBytes(32).toString('base64url')}`;
      const id = ulid();
      const expiresAt = await ctx.db.writeTx(async (tx) => {
        const rows = await tx.run<{ expiresAt: string }>(
          `CREATE (l:ExportLink {id: $id, tokenHash: $hash, accountId: $accountId, spec: $spec,
                                 createdAt: datetime(), expiresAt: datetime() + duration({seconds: $ttl})})
           RETURN toString(l.expiresAt) AS expiresAt`,
          {
            id,
            hash: hashOf(token),
            accountId: ctx.account?.id ?? '',
            spec: JSON.stringify(spec),
            ttl: exportLinkTtlSeconds,
          },
        );
        await recordCreate(tx, id, ctx.actor, { export: spec.kind, format: spec.format });
        return rows[0]?.expiresAt ?? '';
      });
      return { url: `${exportPathPrefix}${token}`, expiresAt };
    },
  }),
);

/** Why a download is refused, as an HTTP status and message; or the file. */
export type DownloadOutcome = { status: number; message: string } | { file: ExportFile };

/** The file behind `token` for the signed-in `ctx`, or why not (401, 403, 404, 410). */
export async function downloadExport(ctx: Context, token: string): Promise<DownloadOutcome> {
  if (!ctx.account) return { status: 401, message: 'sign in to download / 请先登录' };
  const rows = await ctx.db.read<{ accountId: string; spec: string; expired: boolean }>(
    `MATCH (l:ExportLink {tokenHash: $hash})
     RETURN l.accountId AS accountId, l.spec AS spec, l.expiresAt < datetime() AS expired`,
    { hash: hashOf(token) },
  );
  const link = rows[0];
  if (!link) return { status: 404, message: 'no such download / 下载链接不存在' };
  if (link.accountId !== ctx.account.id) {
    return { status: 403, message: 'this download belongs to another account / 无权下载' };
  }
  if (link.expired) return { status: 410, message: 'the download link has expired / 链接已过期' };
  if (!(rolesWith.outreach as readonly string[]).includes(ctx.role)) {
    return { status: 403, message: `the ${ctx.role} role may not export / 无权导出` };
  }
  return { file: await renderExport(ctx, JSON.parse(link.spec) as ExportSpec) };
}
