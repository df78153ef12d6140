import { z } from 'zod';
import { builder } from '../builder.ts';
import { asksForTotal } from '../entity/entity-list.ts';
import { readPageArgs, toConnection } from '../shared/connection.ts';
import { toCsv } from '../shared/csv.ts';
import { decodeGlobalId } from '../shared/global-id.ts';
import { text } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { type AuditFilter, type AuditLine, countAuditLog, readAuditLog } from './audit-log.ts';
import { actorName, subjectName } from './audit-names.ts';

const AuditEntryRef = builder.objectRef<AuditLine>('AuditEntry').implement({
  description:
    'One entry of the append-only audit log: a write (who changed what, before and after) or a read or erasure of personal data.',
  authScopes: { admin: true },
  fields: (t) => ({
    id: t.exposeString('id'),
    at: t.exposeString('at'),
    actor: t.exposeString('actor', { description: '`Account:<id>`, or `system:<job>`.' }),
    actorName: t.string({
      nullable: true,
      description: 'The name of the account behind `actor` (null for the system).',
      resolve: (r, _a, ctx) => actorName(ctx, r.actor),
    }),
    action: t.exposeString('action'),
    subjectId: t.exposeString('subjectId', { nullable: true }),
    subjectName: t.string({
      nullable: true,
      description:
        'The name of what the entry is about: an entity, an outreach record, an account or a team (null when it has none now).',
      resolve: (r, _a, ctx) => (r.subjectId ? subjectName(ctx, r.subjectId) : null),
    }),
    tieId: t.exposeString('tieId', { nullable: true }),
    changes: t.exposeString('changes', {
      nullable: true,
      description: 'JSON: property -> [before, after]. Personal values are never stored here.',
    }),
    fields: t.exposeStringList('fields'),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});

const AuditFilterInput = builder.inputType('AuditFilter', {
  fields: (t) => ({
    actor: t.string({ description: 'An actor as recorded, e.g. `Account:01J…`.' }),
    subject: t.string({
      description: 'A global id (`Person:01J…`) or our id of the entity concerned.',
    }),
    actions: t.stringList(),
    from: t.string({ description: 'ISO date-time, inclusive.' }),
    to: t.string({ description: 'ISO date-time, exclusive.' }),
  }),
});

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });
const filterRules = z.object({
  actor: text(200).nullish(),
  subject: text(200).nullish(),
  actions: z.array(text(40)).max(20).nullish(),
  from: isoDateTime.nullish(),
  to: isoDateTime.nullish(),
});

function toFilter(input: z.input<typeof filterRules> | null | undefined): AuditFilter {
  const filter = parseInput(filterRules, input ?? {}, ['filter']);
  return {
    ...filter,
    subjectId: filter.subject ? decodeGlobalId(filter.subject).id : null,
  };
}

builder.queryField('auditLog', (t) =>
  t.connection(
    {
      type: AuditEntryRef,
      description: 'The audit log, newest first, filtered by actor, subject, action and time.',
      authScopes: { admin: true },
      args: { filter: t.arg({ type: AuditFilterInput }) },
      resolve: async (_root, args, ctx, info) => {
        const { size, after } = readPageArgs(args);
        const filter = toFilter(args.filter);
        const [rows, total] = await Promise.all([
          readAuditLog(ctx.db, filter, size + 1, after),
          asksForTotal(info) ? countAuditLog(ctx.db, filter) : -1,
        ]);
        return toConnection(rows, size, total, (row) => [row.at, row.id]);
      },
    },
    {},
    {},
  ),
);

const exportLimit = 100_000;

builder.queryField('auditLogCsv', (t) =>
  t.string({
    description: `The filtered audit log as CSV (UTF-8 with BOM, so Excel reads Chinese), newest first, at most ${exportLimit.toLocaleString('en')} lines.`,
    authScopes: { admin: true },
    args: { filter: t.arg({ type: AuditFilterInput }) },
    resolve: async (_root, args, ctx) => {
      const rows = await readAuditLog(ctx.db, toFilter(args.filter), exportLimit, null);
      const columns = [
        'at',
        'actor',
        'action',
        'subjectId',
        'tieId',
        'fields',
        'changes',
        'requestId',
        'id',
      ] as const;
      return toCsv(
        columns,
        rows.map((r) => columns.map((c) => (c === 'fields' ? r.fields.join(' ') : r[c]))),
      );
    },
  }),
);
