/**
 * Export jobs started from the API: a (:ExportJob) records what was asked (format, labels, prefix,
 * people filter or segment, contacts), who asked and how far it got; the export runs in the
 * background into `DATA_DIR/exports/<id>/` and is zipped to `DATA_DIR/exports/<id>.zip`, which the
 * server hands out at `/exports/<id>` (server/app.ts, export-download.ts) to whoever may download it.
 *
 * Contact details go into a job only for roles allowed personal data, and only for people whose
 * details that role may read (consent not refused or withdrawn, inside the team's place scope); each
 * such person's read is written to the audit log, as reading them through the API is.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { checkpoint } from '../../server/jobs/job-kinds.ts';
import { rolesWith } from '../builder.ts';
import type { CypherPart } from '../person/person-filter.ts';
import { hidingConsent } from '../personal-data/consent.ts';
import { inTeamScope } from '../personal-data/personal-data.graphql.ts';
import { ensureExportDir, exportDir, exportZip } from './export-files.ts';
import { type ExportFormat, type ExportLabel, exportGraph } from './export-graph.ts';

/** `expired` and `erased`: done, then its file was deleted (see export-files.ts). */
type ExportJobStatus = 'running' | 'done' | 'failed' | 'expired' | 'erased';

export interface ExportJob {
  id: string;
  status: ExportJobStatus;
  format: ExportFormat;
  labels: string[] | null;
  prefix: string | null;
  /** What chose the people: 'filter', 'segment' or null (all). */
  people: string | null;
  contacts: boolean;
  actor: string;
  createdAt: string;
  finishedAt: string | null;
  /** Per file: label or tie type -> rows. JSON. */
  counts: string | null;
  bytes: number | null;
  error: string | null;
}

/** What to export; `people` is the Cypher binding `n` to the chosen people (a filter or a segment). */
export interface ExportRequest {
  format: ExportFormat;
  labels: ExportLabel[] | null;
  prefix: string | null;
  people: { kind: 'filter' | 'segment'; part: CypherPart } | null;
  contacts: boolean;
  actor: string;
  role: string;
  requestId: string;
  /** The team place scope contacts are limited to (null: all). */
  scopePlaceId: string | null;
}

/** May an account of `role` acting as `actor` read job `job`: its author, or an admin (editor roles; contacts need personal data). */
export function mayReadExport(
  role: string,
  actor: string,
  job: Pick<ExportJob, 'actor' | 'contacts'>,
) {
  if (!(rolesWith.editor as readonly string[]).includes(role)) return false;
  if (job.contacts && !(rolesWith.personalData as readonly string[]).includes(role)) return false;
  return role === 'admin' || job.actor === actor;
}

const jobReturn = `j {.id, .status, .format, .labels, .prefix, .people, .contacts, .actor, .counts, .bytes,
  .error, createdAt: toString(j.createdAt), finishedAt: toString(j.finishedAt)} AS job`;

export async function loadExportJob(db: Db, id: string): Promise<ExportJob | null> {
  const rows = await db.read<{ job: ExportJob }>(
    `MATCH (j:ExportJob {id: $id}) RETURN ${jobReturn}`,
    { id },
  );
  return rows[0]?.job ?? null;
}

export async function createExportJob(db: Db, request: ExportRequest): Promise<string> {
  const id = ulid();
  await db.writeTx((tx) =>
    tx.run(
      `CREATE (:ExportJob {id: $id, status: 'running', format: $format, labels: $labels, prefix: $prefix,
                           people: $people, contacts: $contacts, actor: $actor, createdAt: datetime()})`,
      {
        id,
        format: request.format,
        labels: request.labels,
        prefix: request.prefix,
        people: request.people?.kind ?? null,
        contacts: request.contacts,
        actor: request.actor,
      },
    ),
  );
  return id;
}

/** Ids of the people the request chooses, or null for everyone. */
async function chosenPeople(db: Db, request: ExportRequest): Promise<string[] | null> {
  if (!request.people) return null;
  const { part } = request.people;
  const rows = await db.read<{ id: string }>(
    `${part.cypher}\nWITH DISTINCT n RETURN n.id AS id ORDER BY id`,
    part.params,
  );
  return rows.map((r) => r.id);
}

/**
 * The people among `personIds` (all when null) whose contact details the requester may read, with an
 * audit entry per person written before anything is exported.
 */
async function readableContacts(
  db: Db,
  jobId: string,
  request: ExportRequest,
  personIds: string[] | null,
): Promise<string[]> {
  if (request.labels && !request.labels.includes('Person')) return [];
  // The same people exportGraph writes (chosen ids, name prefix), narrowed to those readable.
  const rows = await db.read<{ id: string; kinds: string[] }>(
    `MATCH (p:Person) WHERE ($ids IS NULL OR p.id IN $ids) AND NOT p.deleted
       AND ($prefix IS NULL OR p.name STARTS WITH $prefix OR p.title STARTS WITH $prefix)
       AND NOT coalesce(p.consentStatus, 'unknown') IN $hidingConsent
       AND EXISTS { (p)-[:HAS_CONTACT]->(:Contact) }
       AND (${inTeamScope})
     RETURN p.id AS id, COLLECT { MATCH (p)-[:HAS_CONTACT]->(c:Contact) RETURN DISTINCT c.kind } AS kinds`,
    {
      ids: personIds,
      prefix: request.prefix,
      scopePlaceId: request.scopePlaceId,
      hidingConsent: [...hidingConsent],
    },
  );
  for (let i = 0; i < rows.length; i += 5000) {
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row
         CREATE (:AuditEntry {id: row.id, at: datetime(), actor: $actor, role: $role, requestId: $requestId,
                              action: 'read_personal_data', subjectId: row.personId, fields: row.fields,
                              exportJobId: $jobId})`,
        {
          rows: rows
            .slice(i, i + 5000)
            .map((r) => ({ id: ulid(), personId: r.id, fields: r.kinds })),
          actor: request.actor,
          role: request.role,
          requestId: request.requestId,
          jobId,
        },
      ),
    );
  }
  return rows.map((r) => r.id);
}

/** Zips every file of `dir` (streamed) into `zipPath`; returns its size. */
async function zipFolder(dir: string, zipPath: string): Promise<number> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of (await readdir(dir)).sort()) zip.file(file, createReadStream(join(dir, file)));
  await pipeline(
    zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }),
    createWriteStream(zipPath, { mode: 0o600 }),
  );
  return (await stat(zipPath)).size;
}

/**
 * Runs a job to its end, recording the outcome on the export job; a failure is recorded, then
 * rethrown for the job runner (which also sees a shutdown's interruption that way).
 */
export async function runExportJob(
  db: Db,
  dataDir: string,
  jobId: string,
  request: ExportRequest,
  signal?: AbortSignal,
): Promise<void> {
  const dir = join(exportDir(dataDir), jobId);
  try {
    await ensureExportDir(dataDir);
    await mkdir(dir, { mode: 0o700 });
    const personIds = await chosenPeople(db, request);
    const contactPersonIds = request.contacts
      ? await readableContacts(db, jobId, request, personIds)
      : null;
    const manifest = await exportGraph(db, {
      format: request.format,
      out: dir,
      prefix: request.prefix,
      labels: request.labels,
      personIds,
      contacts: request.contacts,
      contactPersonIds,
    });
    if (signal) checkpoint(signal);
    const bytes = await zipFolder(dir, exportZip(dataDir, jobId));
    const counts = Object.fromEntries(manifest.files.map((f) => [f.name, f.count]));
    await db.writeTx((tx) =>
      tx.run(
        `MATCH (j:ExportJob {id: $jobId})
         SET j.status = 'done', j.counts = $counts, j.bytes = $bytes, j.finishedAt = datetime()`,
        { jobId, counts: JSON.stringify(counts), bytes },
      ),
    );
  } catch (error) {
    await db
      .writeTx((tx) =>
        tx.run(
          `MATCH (j:ExportJob {id: $jobId})
           SET j.status = 'failed', j.error = $error, j.finishedAt = datetime()`,
          { jobId, error: (error as Error).message },
        ),
      )
      .catch(() => {});
    // The runner records the failure on the Job too (and counts it), or keeps an interrupted one.
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
