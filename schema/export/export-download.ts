/**
 * `GET /exports/<job id>`: the zip of a finished export job, for the account that started it (or an
 * admin), with the same credentials and role rules as the API (bearer token, or session cookie with
 * the CSRF header; editor roles; a job with contact details only for roles allowed personal data).
 * Each download is written to the audit log.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../../server/auth/authenticate.ts';
import type { SessionCache } from '../../server/auth/session-cache.ts';
import { loadConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { exportZip } from './export-files.ts';
import { loadExportJob, mayReadExport } from './export-job.ts';

const jobPath = /^\/exports\/([0-9A-HJKMNP-TV-Z]{26})$/;

/** True for `/exports/<job id>` (export links of lists and pipelines are `/exports/tgx_<token>`). */
export function isExportJobPath(path: string): boolean {
  return jobPath.test(path);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message }] }));
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

export async function serveExportDownload(
  db: Db,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  sessions: SessionCache,
): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, 'use GET');
  const id = jobPath.exec(path)?.[1];
  if (!id) return refuse(res, 404, 'no such export');
  const { account } = await authenticate(db, headersOf(req), sessions).catch(() => ({
    account: null,
  }));
  if (!account) return refuse(res, 401, 'Not signed in');
  const actor = `Account:${account.id}`;
  const job = await loadExportJob(db, id);
  if (!job || !mayReadExport(account.role, actor, job)) {
    return refuse(res, 404, 'no such export (or not yours to download)');
  }
  if (job.status === 'expired' || job.status === 'erased') {
    return refuse(res, 410, `the export file was deleted (${job.status})`);
  }
  if (job.status !== 'done') return refuse(res, 409, `the export is ${job.status}`);
  const file = exportZip(loadConfig().dataDir, id);
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) return refuse(res, 410, 'the export file is gone');
  await db.writeTx((tx) =>
    tx.run(
      `CREATE (:AuditEntry {id: $id, at: datetime(), actor: $actor, role: $role, action: 'download_export',
                            subjectId: $jobId, fields: CASE WHEN $contacts THEN ['contacts'] ELSE [] END})`,
      { id: ulid(), actor, role: account.role, jobId: id, contacts: job.contacts },
    ),
  );
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': String(size),
    'content-disposition': `attachment; filename="talentgraph-export-${id}.zip"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}
