/**
 * An import job: (1) check every row (streaming; counts the total, finds bad and duplicate rows and
 * unknown places; a row imported before with the same values is only counted as unchanged, see
 * row-lookup.ts), (2) unless it is a dry run, write the good rows in batches, one transaction each,
 * recording progress and the last written line on the (:ImportJob) in the same transaction. A killed
 * job is resumed from that line; rows are keyed, so re-writing one never duplicates it.
 *
 * A file with bad rows imports nothing unless `keepGoodRows` is set.
 */

import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { checkpoint } from '../../server/jobs/job-kinds.ts';
import { refreshDerivedGroups } from '../connections/derived-ties.ts';
import { mapColumns, type PresetName, presets } from './columns.ts';
import { type ParsedRow, parseRow, type Rejection } from './parse-row.ts';
import { openRoster, type TextEncoding } from './read-rows.ts';
import { NameIndex, type NewNodes } from './resolve-names.ts';
import { RowLookup } from './row-lookup.ts';
import { RowSpill } from './row-spill.ts';
import { readProblem, storedProblem } from './stored-problem.ts';
import {
  type DesiredTie,
  type ImportTieType,
  type ResolvedRow,
  type RowAction,
  writeBatch,
} from './write-batch.ts';

export interface ImportOptions {
  preset: PresetName;
  /** Names the roster across imports (row keys are per dataset); defaults to the preset. */
  dataset?: string;
  dryRun?: boolean;
  keepGoodRows?: boolean;
  /** Header (or 1-based column number) -> field, overriding recognition. */
  mapping?: Record<string, string>;
  encoding?: TextEncoding;
  batchSize?: number;
  actor: string;
  fileName: string;
  /** Recompute colleague/classmate ties per row (default: for files up to 5,000 rows). */
  refreshDerived?: boolean;
}

type JobStatus = 'checking' | 'writing' | 'done' | 'rejected' | 'failed';

export interface Progress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
  ratePerSecond: number;
  secondsLeft: number | null;
}

export interface PreviewRow {
  line: number;
  name: string | null;
  action: RowAction | 'reject';
  /** What the row links to, e.g. "WORKED_AT 华中科技大学 (new)". */
  links: string[];
  /** The same as data: the tie kind, the other end's name, and whether the import makes it. */
  ties?: PreviewTie[];
  reasons: string[];
  /** Why a rejected row is rejected, as codes (the reasons in `reasons`, in English). */
  problems?: RowProblem[];
}

/** A tie a previewed row would make. */
export interface PreviewTie {
  kind: ImportTieType;
  name: string;
  /** The import creates the other end (under `under`, for a new place). */
  isNew: boolean;
  under: string | null;
}

/** Why a row is rejected: the column at fault, in English, and as a code with its values. */
type RowProblem = Pick<Rejection, 'column' | 'reason' | 'code' | 'params'>;

export interface ImportSummary {
  jobId: string;
  status: JobStatus;
  totalRows: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  newOrganizations: number;
  newFields: number;
  newPlaces: number;
  problems: string[];
  ignoredColumns: string[];
  rejections: Rejection[];
  preview: PreviewRow[];
  resumedFromLine: number;
}

const previewLimit = 500;
/** Rows per write transaction unless the job says otherwise. */
const defaultBatchSize = 5000;
/** Up to this many rows, colleague/classmate ties are refreshed per row; above, rebuilt after the job. */
const derivedRefreshLimit = 1000;
/** Rejections kept on the job in the database; the rest are counted. */
const storedRejectionLimit = 100_000;

/** A 52-bit hash of a row key: a million keys fit in a Map without keeping the strings. */
function keyHash(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/** What a previewed tie says in the English `links` ("WORKED_AT 华中科技大学 (new)"). */
const linkText = (t: PreviewTie) =>
  `${t.kind} ${t.name}${t.isNew ? (t.under ? ` (new under ${t.under})` : ' (new)') : ''}`;

export function resolveRow(
  row: ParsedRow,
  names: NameIndex,
): { ties: DesiredTie[]; links: PreviewTie[]; problems: RowProblem[] } {
  const ties: DesiredTie[] = [];
  const links: PreviewTie[] = [];
  const problems: RowProblem[] = [];
  const place = (field: 'hometown' | 'currentCity', type: 'BORN_IN' | 'LIVES_IN') => {
    const name = row[field];
    if (!name) return;
    const found = names.place(name);
    if (found.status === 'unknown') {
      problems.push({
        column: field,
        code: 'unknown_place',
        params: { name },
        reason: `${field}: unknown place "${name}" / 未知地点`,
      });
    } else if (found.status === 'ambiguous') {
      const candidates = found.candidates.join(' / ');
      problems.push({
        column: field,
        code: 'ambiguous_place',
        params: { name, candidates },
        reason: `${field}: "${name}" could be ${candidates}; add the city or province / 地点不明确`,
      });
    } else {
      ties.push({ type, to: found.id, props: type === 'LIVES_IN' ? { current: true } : {} });
      links.push({
        kind: type,
        name,
        isNew: found.status === 'new',
        under: found.status === 'new' ? names.describePlace(found.parentId) : null,
      });
    }
  };
  place('hometown', 'BORN_IN');
  place('currentCity', 'LIVES_IN');
  if (problems.length) return { ties, links, problems };
  if (row.employer) {
    const org = names.organization(row.employer.name, 'employer');
    ties.push({
      type: 'WORKED_AT',
      to: org.id,
      props: { title: row.employer.title, current: true },
    });
    links.push({ kind: 'WORKED_AT', name: row.employer.name, isNew: org.isNew, under: null });
  }
  if (row.almaMater) {
    const { name, ...props } = row.almaMater;
    const org = names.organization(name, 'almaMater');
    if (!ties.some((t) => t.type === 'STUDIED_AT' && t.to === org.id)) {
      ties.push({ type: 'STUDIED_AT', to: org.id, props });
    }
    links.push({ kind: 'STUDIED_AT', name, isNew: org.isNew, under: null });
  }
  for (const fieldName of row.fields) {
    const field = names.field(fieldName);
    if (!ties.some((t) => t.type === 'EXPERT_IN' && t.to === field.id)) {
      ties.push({ type: 'EXPERT_IN', to: field.id, props: {} });
    }
    links.push({ kind: 'EXPERT_IN', name: fieldName, isNew: field.isNew, under: null });
  }
  return { ties, links, problems };
}

export class ImportRunner {
  constructor(
    private readonly db: Db,
    private readonly path: string,
    private readonly options: ImportOptions,
    private readonly onProgress?: (p: Progress) => void,
    /** Aborted on shutdown: the job stops after the batch in flight and resumes from its last line. */
    private readonly signal: AbortSignal = new AbortController().signal,
  ) {}

  /** Creates the (:ImportJob) and its (:Source) and returns the job id (the job is not run yet). */
  static async createJob(db: Db, path: string, options: ImportOptions): Promise<string> {
    const jobId = ulid();
    const dataset = options.dataset ?? options.preset;
    await db.writeTx((tx) =>
      tx.run(
        `CREATE (j:ImportJob {id: $jobId, status: 'checking', path: $path, fileName: $fileName,
                              preset: $preset, dataset: $dataset, dryRun: $dryRun, keepGoodRows: $keep,
                              mapping: $mapping, encoding: $encoding, batchSize: $batchSize, actor: $actor,
                              createdAt: datetime(), lastLine: 0, totalRows: 0, doneRows: 0, rejected: 0,
                              created: 0, updated: 0, unchanged: 0, sourceId: $sourceId})
         CREATE (:Source {id: $sourceId, kind: 'import', title: $title, jobId: $jobId, createdAt: datetime(),
                          createdBy: $actor})`,
        {
          jobId,
          path,
          fileName: options.fileName,
          preset: options.preset,
          dataset,
          dryRun: !!options.dryRun,
          keep: !!options.keepGoodRows,
          mapping: JSON.stringify(options.mapping ?? {}),
          encoding: options.encoding ?? null,
          batchSize: options.batchSize ?? defaultBatchSize,
          actor: options.actor,
          sourceId: ulid(),
          title: `import ${options.fileName} (${options.preset})`,
        },
      ),
    );
    return jobId;
  }

  /** The options a job was created with (to resume it), and where its file is. */
  static async loadJob(db: Db, jobId: string) {
    const rows = await db.read<{ j: Record<string, unknown> }>(
      'MATCH (j:ImportJob {id: $jobId}) RETURN properties(j) AS j',
      { jobId },
    );
    const j = rows[0]?.j;
    if (!j) return null;
    const options: ImportOptions = {
      preset: j.preset as PresetName,
      dataset: j.dataset as string,
      dryRun: j.dryRun as boolean,
      keepGoodRows: j.keepGoodRows as boolean,
      mapping: JSON.parse((j.mapping as string) ?? '{}'),
      encoding: (j.encoding as TextEncoding | null) ?? undefined,
      batchSize: Number(j.batchSize ?? defaultBatchSize),
      actor: j.actor as string,
      fileName: j.fileName as string,
    };
    return {
      options,
      path: j.path as string,
      status: j.status as JobStatus,
      lastLine: Number(j.lastLine),
    };
  }

  /** How a job ended, as stored on its (:ImportJob): counters, the dry run's preview, the error. */
  static async loadSummary(db: Db, jobId: string) {
    const rows = await db.read<{ j: Record<string, unknown> }>(
      'MATCH (j:ImportJob {id: $jobId}) RETURN properties(j) AS j',
      { jobId },
    );
    const j = rows[0]?.j;
    if (!j) return null;
    const n = (key: string) => Number(j[key] ?? 0);
    return {
      status: j.status as JobStatus,
      totalRows: n('totalRows'),
      rejected: n('rejected'),
      created: n('created'),
      updated: n('updated'),
      unchanged: n('unchanged'),
      newOrganizations: n('newOrganizations'),
      newFields: n('newFields'),
      newPlaces: n('newPlaces'),
      preview: JSON.parse((j.preview as string | null) ?? '[]') as PreviewRow[],
      error: (j.error as string | null) ?? null,
    };
  }

  /** The rows a job rejected, in line order (at most `limit`). */
  static rejections(db: Db, jobId: string, limit: number): Promise<Rejection[]> {
    return db
      .read<Rejection>(
        `MATCH (r:ImportRejection {jobId: $jobId}) RETURN r.line AS line, r.column AS column,
              r.reason AS reason, coalesce(r.code, 'invalid') AS code, r.params AS params, r.name AS name
       ORDER BY r.line LIMIT $limit`,
        { jobId, limit },
      )
      .then((rows) => rows.map(readProblem));
  }

  private progress(phase: Progress['phase'], done: number, total: number, since: number): void {
    if (!this.onProgress) return;
    const seconds = (performance.now() - since) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    this.onProgress({
      phase,
      done,
      total,
      ratePerSecond: rate,
      secondsLeft: rate > 0 && total ? Math.max(0, (total - done) / rate) : null,
    });
  }

  private async setJob(jobId: string, props: Record<string, unknown>): Promise<void> {
    await this.db.writeTx((tx) =>
      tx.run('MATCH (j:ImportJob {id: $jobId}) SET j += $props', { jobId, props }),
    );
  }

  /** Runs (or resumes) job `jobId` to its end; never throws for bad input, only for failures. */
  async run(jobId: string): Promise<ImportSummary> {
    const { options, db } = this;
    const preset = presets[options.preset];
    const dataset = options.dataset ?? options.preset;
    const job = await ImportRunner.loadJob(db, jobId);
    const resumeAfter = job?.lastLine ?? 0;
    const summary: ImportSummary = {
      jobId,
      status: 'checking',
      totalRows: 0,
      rejected: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      newOrganizations: 0,
      newFields: 0,
      newPlaces: 0,
      problems: [],
      ignoredColumns: [],
      rejections: [],
      preview: [],
      resumedFromLine: resumeAfter,
    };
    let spillFile: RowSpill | null = null;
    try {
      await this.setJob(jobId, {
        status: 'checking',
        startedAt: new Date().toISOString(),
        error: null,
      });
      // Loaded when a row first needs its names resolved: a re-import of an unchanged file never does.
      let names = null as NameIndex | null;
      const nameIndex = async () => {
        names ??= await NameIndex.load(db);
        return names;
      };
      const noNewNodes = (): NewNodes => ({ orgs: [], fields: [], places: [] });
      const roster = await openRoster(this.path, { encoding: options.encoding });
      const mapping = mapColumns(roster.headers, preset, options.mapping);
      summary.ignoredColumns = mapping.ignored;
      const fileProblems = [...mapping.problems];
      if (!roster.headers.length) {
        fileProblems.push({ reason: 'the file is empty / 文件为空', code: 'empty_file' });
      }
      summary.problems = fileProblems.map((problem) => problem.reason);
      if (fileProblems.length) {
        summary.status = 'failed';
        await this.setJob(jobId, {
          status: 'failed',
          error: summary.problems.join('; '),
          // The same as codes, for a client to say in its language (ImportJob.problems).
          problems: JSON.stringify(fileProblems),
          finishedAt: new Date().toISOString(),
        });
        return summary;
      }

      // Pass 1: check every row. The valid rows (parsed, not yet resolved) are kept in a spill file,
      // one JSON per line, so pass 2 reads them back instead of parsing the roster again.
      const spill = options.dryRun ? null : new RowSpill();
      spillFile = spill;
      let alreadyDone = 0;
      // Organisations whose colleagues or classmates changed: their derived ties are refreshed after
      // the job (a resumed job cannot tell what its earlier run changed, so it counts those rows too).
      const touched = { colleague: new Set<string>(), classmate: new Set<string>() };
      const seen = new Map<number, number>();
      const checkStart = performance.now();
      await db.writeTx((tx) =>
        tx.run('MATCH (r:ImportRejection {jobId: $jobId}) DELETE r', { jobId }),
      );
      let pendingRejections: Rejection[] = [];
      const flushRejections = async () => {
        if (!pendingRejections.length) return;
        const rows = pendingRejections;
        pendingRejections = [];
        await db.writeTx((tx) =>
          tx.run(
            `UNWIND $rows AS row CREATE (:ImportRejection {jobId: $jobId, line: row.line, column: row.column,
                                                         reason: row.reason, code: row.code,
                                                         params: row.params, name: row.name})`,
            { rows: rows.map(storedProblem), jobId },
          ),
        );
      };
      const reject = async (list: Rejection[]) => {
        if (!list[0]) return;
        summary.rejected++;
        for (const r of list) {
          if (summary.rejections.length < storedRejectionLimit) {
            summary.rejections.push(r);
            pendingRejections.push(r);
          }
        }
        if (pendingRejections.length >= 1000) await flushRejections();
      };
      const rejectProblems = (row: ParsedRow, problems: RowProblem[]) =>
        reject(problems.map((problem) => ({ ...problem, line: row.line, name: row.person.name })));
      const batchSize = options.batchSize ?? defaultBatchSize;
      // Lines of rows the write pass skips because they are unchanged: they are counted with the
      // batch that commits past them, so the job's counters stay in step with `lastLine`.
      const skipped: number[] = [];
      const preview = (row: ParsedRow, action: RowAction, links: PreviewTie[]) => {
        summary[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged']++;
        if (summary.preview.length < previewLimit) {
          summary.preview.push({
            line: row.line,
            name: row.person.name,
            action,
            links: links.map(linkText),
            ties: links,
            reasons: [],
          });
        }
      };
      // A row after its stored state is known: unchanged rows stop here (their names are not resolved
      // again, nothing is written); the others are resolved, then previewed or kept for the write pass.
      const lookup = new RowLookup(db, batchSize, async (row, state) => {
        if (state.unchanged) {
          if (!options.dryRun) skipped.push(row.line);
          else preview(row, 'unchanged', []);
          return;
        }
        const resolved = resolveRow(row, await nameIndex());
        if (resolved.problems.length) await rejectProblems(row, resolved.problems);
        else if (!options.dryRun) await spill?.write(row);
        else preview(row, state.live ? 'update' : 'create', resolved.links);
      });
      for await (const raw of roster.rows) {
        summary.totalRows++;
        if (summary.totalRows % 1000 === 0) checkpoint(this.signal);
        const result = parseRow(raw, mapping.columns, preset, dataset);
        if (!result.ok) {
          await reject(result.rejections);
          if (options.dryRun && summary.preview.length < previewLimit) {
            summary.preview.push({
              line: raw.line,
              name: result.rejections[0]?.name ?? null,
              action: 'reject',
              links: [],
              reasons: result.rejections.map((r) => r.reason),
              problems: result.rejections.map(({ column, reason, code, params }) => ({
                column,
                reason,
                code,
                params,
              })),
            });
          }
          continue;
        }
        const row = result.row;
        const h = keyHash(row.key);
        const first = seen.get(h);
        if (first !== undefined) {
          await reject([
            {
              line: row.line,
              column: null,
              name: row.person.name,
              reason: `duplicate of line ${first} (same person key) / 与第${first}行重复`,
              code: 'duplicate_row',
              params: { line: first },
            },
          ]);
          continue;
        }
        seen.set(h, row.line);
        if (!options.dryRun && row.line <= resumeAfter) {
          // Written by this job's earlier run (which may have ended before refreshing derived ties).
          const resolved = resolveRow(row, await nameIndex());
          if (resolved.problems.length) await rejectProblems(row, resolved.problems);
          else {
            alreadyDone++;
            for (const tie of resolved.ties) {
              if (tie.type === 'WORKED_AT') touched.colleague.add(tie.to);
              if (tie.type === 'STUDIED_AT') touched.classmate.add(tie.to);
            }
          }
        } else await lookup.add(row);
        if (summary.totalRows % 5000 === 0)
          this.progress('checking', summary.totalRows, 0, checkStart);
      }
      await lookup.finish();
      // Rows whose names could not be resolved were rejected after later lines' parse errors.
      summary.rejections.sort((a, b) => a.line - b.line);
      await flushRejections();
      await spill?.close();
      const pending = names?.takeNew() ?? noNewNodes();
      summary.newOrganizations = pending.orgs.length;
      summary.newFields = pending.fields.length;
      summary.newPlaces = pending.places.length;
      names?.dropNew(pending);
      summary.preview.sort((a, b) => a.line - b.line);
      await this.setJob(jobId, {
        totalRows: summary.totalRows,
        rejected: summary.rejected,
        validRows: summary.totalRows - summary.rejected,
      });

      if (options.dryRun) {
        summary.status = 'done';
        await this.setJob(jobId, {
          status: 'done',
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          newOrganizations: summary.newOrganizations,
          newFields: summary.newFields,
          newPlaces: summary.newPlaces,
          preview: JSON.stringify(summary.preview),
          finishedAt: new Date().toISOString(),
        });
        return summary;
      }
      if (summary.rejected > 0 && !options.keepGoodRows) {
        summary.status = 'rejected';
        await this.setJob(jobId, {
          status: 'rejected',
          error: `${summary.rejected} bad rows; nothing imported (fix them, or keep the good rows) / ${summary.rejected}行有误，未导入`,
          finishedAt: new Date().toISOString(),
        });
        return summary;
      }

      // Pass 2: write the good rows, batch by batch.
      await this.setJob(jobId, { status: 'writing' });
      const refreshDerived = options.refreshDerived ?? summary.totalRows <= derivedRefreshLimit;
      const meta = {
        actor: options.actor,
        jobId,
        jobSourceId: await this.jobSourceId(jobId),
        dataset,
        refreshDerived,
      };
      const writeStart = performance.now();
      const valid = summary.totalRows - summary.rejected;
      let done = alreadyDone;
      /** Writes `rows` and counts `unchanged` skipped rows before `lastLine`, in one transaction. */
      const flush = async (
        rows: ResolvedRow[],
        fresh: NewNodes,
        unchanged: number,
        lastLine: number,
      ) => {
        try {
          const result = await db.writeTx(async (tx) => {
            const r = rows.length ? await writeBatch(tx, rows, fresh, meta) : null;
            await tx.run(
              `MATCH (j:ImportJob {id: $jobId})
               SET j.lastLine = $lastLine, j.doneRows = j.doneRows + $n, j.created = j.created + $created,
                   j.updated = j.updated + $updated, j.unchanged = j.unchanged + $unchanged,
                   j.newOrganizations = coalesce(j.newOrganizations, 0) + $orgs,
                   j.newFields = coalesce(j.newFields, 0) + $fields,
                   j.newPlaces = coalesce(j.newPlaces, 0) + $places, j.updatedAt = datetime()`,
              {
                jobId,
                lastLine,
                n: rows.length + unchanged,
                created: r?.created ?? 0,
                updated: r?.updated ?? 0,
                unchanged: (r?.unchanged ?? 0) + unchanged,
                orgs: fresh.orgs.length,
                fields: fresh.fields.length,
                places: fresh.places.length,
              },
            );
            return r;
          });
          names?.commitNew(fresh);
          for (const kind of ['colleague', 'classmate'] as const) {
            for (const id of result?.groups[kind] ?? []) touched[kind].add(id);
          }
          summary.created += result?.created ?? 0;
          summary.updated += result?.updated ?? 0;
          summary.unchanged += (result?.unchanged ?? 0) + unchanged;
        } catch (error) {
          names?.dropNew(fresh);
          throw error;
        }
        done += rows.length + unchanged;
        this.progress('writing', done, valid, writeStart);
      };
      // Pipelined: while one batch is written, the next is read back and resolved. Batches still
      // commit one after another, in line order, so `lastLine` always marks a consistent point.
      let writing: Promise<void> = Promise.resolve();
      let batch: ResolvedRow[] = [];
      let counted = 0; // skipped rows counted so far
      const seal = async (lastLine: number) => {
        const rows = batch;
        batch = [];
        const from = counted;
        while (counted < skipped.length && (skipped[counted] as number) <= lastLine) counted++;
        await writing;
        // A shutdown stops the job here, between committed batches: `lastLine` is its resume point.
        checkpoint(this.signal);
        // Taken after the previous batch committed: it holds exactly the names first seen in `rows`.
        writing = flush(rows, names?.takeNew() ?? noNewNodes(), counted - from, lastLine);
        // A failure is rethrown by the next `await writing`; this only keeps it from being unhandled.
        writing.catch(() => {});
      };
      for await (const row of spill?.rows() ?? []) {
        const resolved = resolveRow(row, await nameIndex());
        batch.push({ ...row, ties: resolved.ties });
        if (batch.length >= batchSize) await seal(row.line);
      }
      const lastLine = Math.max(batch.at(-1)?.line ?? 0, skipped.at(-1) ?? 0);
      if (batch.length || counted < skipped.length) await seal(lastLine);
      await writing;
      if (!refreshDerived) {
        for (const kind of ['colleague', 'classmate'] as const) {
          await refreshDerivedGroups(db, kind, [...touched[kind]]);
        }
      }
      summary.status = 'done';
      await this.setJob(jobId, { status: 'done', finishedAt: new Date().toISOString() });
      return summary;
    } catch (error) {
      if ((error as Error).name === 'JobInterrupted') throw error;
      summary.status = 'failed';
      const message = (error as Error).message;
      summary.problems.push(message);
      await this.setJob(jobId, {
        status: 'failed',
        error: message,
        finishedAt: new Date().toISOString(),
      }).catch(() => {});
      throw error;
    } finally {
      spillFile?.remove();
    }
  }

  private async jobSourceId(jobId: string): Promise<string> {
    const rows = await this.db.read<{ id: string }>(
      'MATCH (j:ImportJob {id: $jobId}) RETURN j.sourceId AS id',
      { jobId },
    );
    return rows[0]?.id ?? '';
  }
}
