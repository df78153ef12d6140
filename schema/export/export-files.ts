/**
 * The export files on disk (`DATA_DIR/exports`): they hold personal data, so they are written for the
 * server's user only (0600 files in a 0700 folder), deleted `EXPORT_TTL` after they were made (a sweep
 * at start and every hour), and deleted at once when a person in them is erased.
 */
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../server/db/run.ts';

export function exportDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

export function exportZip(dataDir: string, jobId: string): string {
  return join(exportDir(dataDir), `${jobId}.zip`);
}

/** The exports folder, created (or tightened) to owner-only. */
export async function ensureExportDir(dataDir: string): Promise<string> {
  const dir = exportDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  return dir;
}

const jobIdOf = (file: string) => /^([0-9A-HJKMNP-TV-Z]{26})(\.zip)?$/.exec(file)?.[1] ?? null;

/** Marks the jobs whose files went; their download then answers 410 with the reason. */
async function markJobs(db: Db, ids: string[], status: 'expired' | 'erased'): Promise<void> {
  if (!ids.length) return;
  await db.writeTx((tx) =>
    tx.run(
      `MATCH (j:ExportJob) WHERE j.id IN $ids AND j.status = 'done'
       SET j.status = $status, j.removedAt = datetime()`,
      { ids, status },
    ),
  );
}

/**
 * Deletes export files (and unfinished job folders) older than `ttlMs`, and import uploads of the same
 * age (kept only to resume a job). Returns how many went.
 */
export async function sweepExpiredFiles(db: Db, dataDir: string, ttlMs: number): Promise<number> {
  const cutoff = Date.now() - ttlMs;
  const expired: string[] = [];
  let removed = 0;
  for (const dir of [exportDir(dataDir), join(dataDir, 'imports')]) {
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files) {
      const path = join(dir, file);
      const info = await stat(path).catch(() => null);
      if (!info || info.mtimeMs >= cutoff) continue;
      await rm(path, { recursive: true, force: true });
      removed++;
      const job = dir === exportDir(dataDir) ? jobIdOf(file) : null;
      if (job) expired.push(job);
    }
  }
  await markJobs(db, expired, 'expired');
  return removed;
}

/** Sweeps now and then every hour until stopped (the timer does not keep the process alive). */
export function startExpirySweeper(
  db: Db,
  dataDir: string,
  ttlMs: number,
  onError: (error: unknown) => void,
): () => void {
  const sweep = () => void sweepExpiredFiles(db, dataDir, ttlMs).catch(onError);
  sweep();
  const timer = setInterval(sweep, Math.min(ttlMs, 3_600_000));
  timer.unref();
  return () => clearInterval(timer);
}

/** True when any file of the zip at `path` contains any of `needles` (streamed, never all in memory). */
async function zipContains(path: string, needles: readonly string[]): Promise<boolean> {
  const longest = Math.max(...needles.map((n) => Buffer.byteLength(n)));
  const { Open } = await import('unzipper');
  const { files } = await Open.file(path);
  for (const entry of files) {
    let tail = '';
    for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString('latin1');
      if (needles.some((n) => text.includes(Buffer.from(n).toString('latin1')))) return true;
      tail = text.slice(-longest);
    }
  }
  return false;
}

/**
 * After an erasure: deletes every export file that mentions one of the erased people (by id, which
 * every row of theirs carries) and marks its job erased. Returns how many files went.
 */
export async function eraseFromExportFiles(
  db: Db,
  dataDir: string,
  personIds: readonly string[],
): Promise<number> {
  if (!personIds.length) return 0;
  const dir = exportDir(dataDir);
  const files = await readdir(dir).catch(() => [] as string[]);
  const erased: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.zip'))) {
    const path = join(dir, file);
    // A file that cannot be read cannot be shown to hold nobody: it goes too.
    if (!(await zipContains(path, personIds).catch(() => true))) continue;
    await rm(path, { force: true });
    const job = jobIdOf(file);
    if (job) erased.push(job);
  }
  await markJobs(db, erased, 'erased');
  return erased.length;
}
