/**
 * The kinds of background job (imports, exports, derived-tie rebuilds, duplicate scans ...): each
 * domain defines its kind once, beside its code, and the runner (job-runner.ts) runs any of them.
 */
import type { Logger } from 'pino';
import type { Delivery } from '../../schema/outreach/delivery/delivery.ts';
import type { Db } from '../db/run.ts';

/** What the server lends its jobs besides the database, given to the runner where it is made. */
export interface JobServices {
  /** The invitation channels and link signing (absent in CLIs: their jobs send nothing). */
  delivery?: Delivery;
}

/** What a running job sees. */
export interface JobHandle<P = unknown> {
  id: string;
  params: P;
  actor: string;
  /** The job's own Db: no request timeout, no request query log, tagged with the job id. */
  db: Db;
  logger: Logger;
  services: JobServices;
  /** Aborted when the server shuts down: stop at the next safe point by throwing `JobInterrupted`. */
  signal: AbortSignal;
  /** 1 for the first run, 2 after one resume ... */
  attempt: number;
  /** Records progress on the job (throttled: at most one write a second, and always the last). */
  progress(p: { phase?: string; done: number; total?: number | null }): void;
}

export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  /**
   * What happens to a job that was running when the server stopped: `resume` runs it again (it must
   * continue from its own checkpoint, e.g. an import's last written line); `fail` marks it failed.
   */
  onRestart: 'resume' | 'fail';
  /** Neo4j's limit for each of the job's transactions (default 10 minutes). */
  txTimeoutMs?: number;
  run(job: JobHandle<P>): Promise<R>;
  /** Keeps the domain's own record in step when the runner fails a job (a restart, a crash). */
  onFailed?(db: Db, id: string, message: string): Promise<void>;
}

/** Thrown by a job that stopped at a checkpoint because its signal was aborted. */
export class JobInterrupted extends Error {
  override name = 'JobInterrupted';
  constructor() {
    super('interrupted by a shutdown / 因停机中断');
  }
}

/** Throws JobInterrupted when the job has been asked to stop: call it at each safe point. */
export function checkpoint(signal: AbortSignal): void {
  if (signal.aborted) throw new JobInterrupted();
}

const kinds = new Map<string, JobKind>();

/** Registers a job kind (once, at module load). */
export function defineJob<P, R>(definition: JobKind<P, R>): JobKind<P, R> {
  kinds.set(definition.kind, definition as JobKind);
  return definition;
}

export function jobKind(kind: string): JobKind | undefined {
  return kinds.get(kind);
}
