import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import { isContactable } from '../personal-data/consent.ts';
import { hiddenBecause, loadContacts } from '../personal-data/personal-data.graphql.ts';
import { toCsv } from '../shared/csv.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { parseInput } from '../shared/validate.ts';
import { enumWord, type Lang } from '../shared/words/words.ts';
import { loadEvent } from './events.graphql.ts';
import {
  outcomeReport,
  periodRules,
  type ReportScope,
  ReportScopeInput,
  scopedIntroductions,
  toScope,
} from './reports.graphql.ts';
import { readMemberIds } from './segments.cypher.ts';
import { loadList, loadSegment } from './segments.graphql.ts';
import { viewerParams } from './visibility.ts';

/** At most this many rows per export (a whole deployment is an admin backup, not an export). */
const maxRows = 100_000;

export const ExportFormatEnum = builder.enumType('ExportFormat', {
  values: ['CSV', 'XLSX'] as const,
});
type ExportFormat = 'CSV' | 'XLSX';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  rows: number;
  content: Buffer;
}

const ExportFileRef = builder.objectRef<ExportFile>('ExportFile').implement({
  description: 'A generated file, base64-encoded.',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    rows: t.exposeInt('rows', { description: 'Data rows (without the header).' }),
    base64: t.string({
      description: 'The file, base64-encoded (for a real download, see createExportLink).',
      resolve: (f) => f.content.toString('base64'),
    }),
  }),
});

type Cell = string | number | null;

/** The words of export files, `[zh, en]`: headers, sheets, names of files, yes and no. */
const fileWords = {
  name: ['姓名', 'Name'],
  latinName: ['拼音/英文名', 'Latin name'],
  categories: ['类别', 'Categories'],
  level: ['级别', 'Level'],
  title: ['职务', 'Title'],
  city: ['所在地', 'Lives in'],
  employer: ['工作单位', 'Employer'],
  invitation: ['邀请状态', 'Invitation status'],
  doNotContact: ['勿联系', 'Do not contact'],
  phone: ['电话', 'Phone'],
  email: ['邮箱', 'E-mail'],
  wechat: ['微信', 'WeChat'],
  introducer: ['引荐人', 'Introducer'],
  talent: ['人才', 'Talent'],
  target: ['目标', 'Target'],
  stage: ['阶段', 'Stage'],
  channel: ['渠道', 'Channel'],
  createdOn: ['创建日期', 'Created on'],
  stageSince: ['进入本阶段日期', 'In this stage since'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  sheet: ['名单', 'List'],
  listFile: ['名单', 'list'],
  segmentFile: ['人群', 'segment'],
  invitationsFile: ['邀请名单', 'invitations'],
  pipelineFile: ['引荐进展', 'introductions'],
  funnelSheet: ['漏斗', 'Funnel'],
  now: ['当前', 'Now'],
  reached: ['累计到达', 'Reached'],
  conversion: ['转化率', 'Conversion'],
  meanDays: ['平均停留（天）', 'Mean days in stage'],
  medianDays: ['停留中位数（天）', 'Median days in stage'],
  peopleReached: ['触达人数', 'People reached'],
  peopleInvited: ['邀请人数', 'People invited'],
  peopleAttended: ['到场人数', 'People attended'],
} as const;
type FileWord = keyof typeof fileWords;
const word = (lang: Lang, key: FileWord) => fileWords[key][lang === 'zh' ? 0 : 1];

/** A further sheet of an .xlsx file (a CSV file has the rows only). */
interface ExtraSheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

async function toFile(
  lang: Lang,
  name: string,
  format: ExportFormat,
  header: string[],
  rows: Cell[][],
  extraSheets: ExtraSheet[] = [],
): Promise<ExportFile> {
  if (format === 'CSV') {
    const csv = toCsv(header, rows);
    return {
      fileName: `${name}.csv`,
      mimeType: 'text/csv; charset=utf-8',
      rows: rows.length,
      content: Buffer.from(csv, 'utf8'),
    };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const s of [{ name: word(lang, 'sheet'), header, rows }, ...extraSheets]) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    // Cells are written as typed values: text never becomes a formula in .xlsx.
    for (const row of s.rows) sheet.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: rows.length,
    content: Buffer.from(buffer as ArrayBuffer),
  };
}

interface PersonRow {
  id: string;
  name: string;
  latinName: string | null;
  categories: string[] | null;
  level: string | null;
  title: string | null;
  city: string | null;
  employer: string | null;
  doNotContact: boolean;
  status?: string | null;
}

const contactColumns = ['phone', 'email', 'wechat'] as const;

/** People rows for `ids` in order: names, categories, where they live and work. */
async function personRows(ctx: Context, ids: string[]): Promise<PersonRow[]> {
  const rows = await ctx.db.read<PersonRow>(
    `UNWIND range(0, size($ids) - 1) AS k MATCH (n:Person {id: $ids[k]}) WHERE NOT n.deleted
     RETURN n.id AS id, n.name AS name, n.latinName AS latinName, n.categories AS categories,
       n.level AS level, n.title AS title, coalesce(n.doNotContact, false) AS doNotContact,
       COLLECT { MATCH (n)-[l:LIVES_IN]->(p:Place) WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
                 RETURN p.name }[0] AS city,
       COLLECT { MATCH (n)-[w:WORKED_AT]->(o:Organization) WHERE NOT w.deleted AND coalesce(w.current, w.to IS NULL)
                 RETURN o.name }[0] AS employer
     ORDER BY k`,
    { ids },
  );
  return rows;
}

/**
 * Contact cells per person: only for roles allowed personal data, read (and audited) as personalData
 * does, and only for people who may be contacted (consent granted, not do-not-contact: consent.ts).
 */
async function contactCells(ctx: Context, row: PersonRow): Promise<Cell[]> {
  const blank = contactColumns.map(() => null);
  if (row.doNotContact) return blank;
  const person = await loadEntity(ctx, 'Person', row.id);
  if (!person || !isContactable(person) || hiddenBecause(ctx, person)) return blank;
  const { inScope, contacts } = await loadContacts(ctx, row.id);
  if (!inScope) return blank;
  return contactColumns.map((kind) =>
    contacts
      .filter((c) => c.kind === kind)
      .map((c) => c.value)
      .join('; '),
  );
}

const mayReadContacts = (ctx: Context) => ctx.role === 'admin' || ctx.role === 'staff';

/** People as rows, headers and coded values (categories, level, status) in `lang`. */
async function peopleFile(
  ctx: Context,
  lang: Lang,
  name: string,
  format: ExportFormat,
  rows: PersonRow[],
  withStatus: boolean,
): Promise<ExportFile> {
  const contacts = mayReadContacts(ctx);
  const columns: FileWord[] = [
    'name',
    'latinName',
    'categories',
    'level',
    'title',
    'city',
    'employer',
    ...(withStatus ? (['invitation'] as const) : []),
    'doNotContact',
    ...(contacts ? contactColumns : []),
  ];
  const cells = await Promise.all(
    rows.map(async (r) => [
      r.name,
      r.latinName,
      (r.categories ?? [])
        .map((c) => enumWord(lang, 'category', c))
        .join(lang === 'zh' ? '、' : ', '),
      r.level && enumWord(lang, 'level', r.level),
      r.title,
      r.city,
      r.employer,
      ...(withStatus ? [r.status ? enumWord(lang, 'invitation', r.status) : null] : []),
      word(lang, r.doNotContact ? 'yes' : 'no'),
      ...(contacts ? await contactCells(ctx, r) : []),
    ]),
  );
  return toFile(
    lang,
    name,
    format,
    columns.map((c) => word(lang, c)),
    cells,
  );
}

/** What to export: the arguments of exportPeople or exportPipeline, as a download link stores them. */
export type ExportSpec =
  | {
      kind: 'people';
      list?: string | null;
      segment?: string | null;
      event?: string | null;
      format: ExportFormat;
      /** The language of the file; the request's when not given (a download link keeps its maker's). */
      lang?: Lang;
    }
  | {
      kind: 'pipeline';
      from: string;
      to: string;
      scope?: typeof ReportScopeInput.$inferInput | null;
      format: ExportFormat;
      lang?: Lang;
    };

/** A list, a segment (members now) or an event's invitation list, checked against what `ctx` may see. */
async function exportPeople(
  ctx: Context,
  args: Extract<ExportSpec, { kind: 'people' }>,
): Promise<ExportFile> {
  const lang = args.lang ?? ctx.lang;
  const given = [args.list, args.segment, args.event].filter((x) => x != null);
  if (given.length !== 1) {
    throw new ValidationError([
      {
        path: [],
        code: 'one_export_source',
        message: 'give exactly one of list, segment or event',
      },
    ]);
  }
  if (args.event) {
    const { id } = idOf(args.event, ['Event'], ['event']);
    const event = await loadEvent(ctx, id);
    if (!event) throw new NotFoundError('Event', args.event, ['event']);
    const invited = await ctx.db.read<{ id: string; status: string }>(
      `MATCH (p:Person)-[r:INVITED_TO]->(:Event {id: $id}) WHERE NOT coalesce(r.deleted, false)
       RETURN p.id AS id, r.status AS status ORDER BY p.id LIMIT $max`,
      { id, max: maxRows },
    );
    const status = new Map(invited.map((r) => [r.id, r.status]));
    const rows = (
      await personRows(
        ctx,
        invited.map((r) => r.id),
      )
    ).map((r) => ({ ...r, status: status.get(r.id) ?? null }));
    return peopleFile(
      ctx,
      lang,
      `${word(lang, 'invitationsFile')}-${event.name}`,
      args.format,
      rows,
      true,
    );
  }
  const source = args.list
    ? { listId: (await loadList(ctx, args.list, ['list'])).id }
    : { segment: await loadSegment(ctx, args.segment ?? '', ['segment']) };
  const ids = await readMemberIds(ctx.db, source, maxRows);
  const name = word(lang, args.list ? 'listFile' : 'segmentFile');
  return peopleFile(ctx, lang, name, args.format, await personRows(ctx, ids), false);
}

const peopleArgs = {
  list: { required: false },
  segment: { required: false },
  event: { required: false, description: 'The event’s invitation list.' },
} as const;

builder.queryField('exportPeople', (t) =>
  t.field({
    type: ExportFileRef,
    authScopes: { outreach: true },
    description:
      'A list, a segment (members now) or an event’s invitation list as CSV or .xlsx, headers and coded values (categories, level, invitation status) in the request’s language (Accept-Language: Chinese unless it asks for English). Contact columns only for roles that may read personal data (each read is logged); never for people marked do-not-contact.',
    args: {
      list: t.arg.id(peopleArgs.list),
      segment: t.arg.id(peopleArgs.segment),
      event: t.arg.id(peopleArgs.event),
      format: t.arg({ type: ExportFormatEnum, required: true }),
    },
    resolve: (_r, args, ctx) => exportPeople(ctx, { kind: 'people', ...args }),
  }),
);

/** Introductions created in the period, in scope, that `ctx` may see (outreach visibility). */
async function exportPipeline(
  ctx: Context,
  args: Extract<ExportSpec, { kind: 'pipeline' }>,
): Promise<ExportFile> {
  const lang = args.lang ?? ctx.lang;
  const period = parseInput(periodRules, { from: args.from, to: args.to }, []);
  const scope = toScope(args.scope);
  const rows = await ctx.db.read<{ cells: Cell[] }>(
    `${scopedIntroductions(scope)}
     WITH i ORDER BY i.createdAt, i.id LIMIT $max
     RETURN [COLLECT { MATCH (i)-[:INTRODUCER]->(p) RETURN p.name }[0],
             COLLECT { MATCH (i)-[:TALENT]->(p) RETURN p.name }[0],
             COLLECT { MATCH (i)-[:TARGET]->(p) RETURN coalesce(p.name, p.title) }[0],
             i.stage, i.channel, toString(date(i.createdAt)),
             toString(date(coalesce(i.stageAt, i.createdAt)))] AS cells`,
    { ...period, scope, max: maxRows, ...viewerParams(ctx) },
  );
  const columns: FileWord[] = [
    'introducer',
    'talent',
    'target',
    'stage',
    'channel',
    'createdOn',
    'stageSince',
  ];
  // The stage (4th) and channel (5th) are coded values: in words.
  const coded = (c: Cell, i: number) =>
    typeof c === 'string' && i === 3
      ? enumWord(lang, 'stage', c)
      : typeof c === 'string' && i === 4
        ? enumWord(lang, 'channel', c)
        : c;
  return toFile(
    lang,
    `${word(lang, 'pipelineFile')}-${period.from}-${period.to}`,
    args.format,
    columns.map((c) => word(lang, c)),
    rows.map((r) => r.cells.map(coded)),
    args.format === 'XLSX' ? [await funnelSheet(ctx, lang, period, scope)] : [],
  );
}

/**
 * The outcome report of the same introductions as a sheet: per stage the number in it now, reached,
 * conversion and days in it; then the people reached, invited and attended in the period.
 */
async function funnelSheet(
  ctx: Context,
  lang: Lang,
  period: { from: string; to: string },
  scope: ReportScope,
): Promise<ExtraSheet> {
  const report = await outcomeReport(ctx, period, scope);
  const round = (n: number | null, digits: number) =>
    n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
  const people = await report.outreach;
  const columns: FileWord[] = ['stage', 'now', 'reached', 'conversion', 'meanDays', 'medianDays'];
  return {
    name: word(lang, 'funnelSheet'),
    header: columns.map((c) => word(lang, c)),
    rows: [
      ...report.stages.map((s) => [
        enumWord(lang, 'stage', s.stage),
        s.current,
        s.reached,
        round(s.conversion, 4),
        round(s.meanDays, 1),
        round(s.medianDays, 1),
      ]),
      [],
      [word(lang, 'peopleReached'), people.reached],
      [word(lang, 'peopleInvited'), people.invited],
      [word(lang, 'peopleAttended'), people.attended],
    ],
  };
}

builder.queryField('exportPipeline', (t) =>
  t.field({
    type: ExportFileRef,
    authScopes: { outreach: true },
    description:
      'Introductions created from `from` to `to` (in scope, that you may see) as a file, headers, stages and channels in the request’s language (Accept-Language).',
    args: {
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
      scope: t.arg({ type: ReportScopeInput, required: false }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
    },
    resolve: (_r, args, ctx) => exportPipeline(ctx, { kind: 'pipeline', ...args }),
  }),
);

/** Renders the file a download link describes, with the caller's current rights. */
export function renderExport(ctx: Context, spec: ExportSpec): Promise<ExportFile> {
  return spec.kind === 'people' ? exportPeople(ctx, spec) : exportPipeline(ctx, spec);
}
