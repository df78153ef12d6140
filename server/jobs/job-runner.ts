/**
 * Runs background jobs (imports, exports, rebuilds, scans) outside requests, one at a time per process
 * by default (the CPU is shared with Neo4j). Each job's state, progress and error live on a (:Job)
 * node, so any server can tell how a job is doing and a restart loses nothing:
 * - a running job keeps a heartbeat on its node; a job whose heartbeat went stale (its process died)
 *   is taken over by the next sweep of any runner: resumed when its kind can resume, else failed;
 * - on shutdown, running jobs are asked to stop at their next checkpoint and are left `interrupted`
 *   (taken over at once by the next start), or failed when their kind cannot resume.
 *
 * States: queued -> running -> done | failed | interrupted (-> queued again on resume).
 */
import type { Logger } from 'pino';
import type { Db } from '../db/run.ts';
import { ulid } from '../ids.ts';
import { trackJob } from '../metrics.ts';
import { JobInterrupted, type JobKind, type JobServices, jobKind } from './job-kinds.ts';

export type JobStatus = 'queued' | 'running' | 'interrupted' | 'done' | 'failed';

/** A job as stored: what the API's `job(id)` returns. */
export interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  phase: string | null;
  done: number;
  total: number | null;
  error: string | null;
  actor: string;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** JSON of what the job returned. */
  result: string | null;
}

export interface JobRunnerOptions {
  /** Jobs run at once by this process. */
  concurrency?: number;
  heartbeatMs?: number;
  /** A queued or running job whose heartbeat is older than this is taken to be orphaned. */
  staleMs?: number;
  /** Handed to every job (the invitation channels). */
  services?: JobServices;
}

const recordReturn = `j {.id, .kind, .status, .phase, .error, .actor, .result,
  done: coalesce(j.done, 0), total: j.total, attempts: coalesce(j.attempts, 0),
  createdAt: toString(j.createdAt), startedAt: toString(j.startedAt), finishedAt: toString(j.finishedAt)} AS job`;

const defaultTxTimeoutMs = 10 * 60_000;

export class JobRunner {
  /** This runner's id, written on the jobs it owns. */
  readonly instance = ulid();
  private readonly queue: string[] = [];
  private readonly running = new Map<string, AbortController>();
  /** Resolves when a job this process queued has ended (for `wait`). */
  private readonly ended = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private heartbeat: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly concurrency: number;
  private readonly heartbeatMs: number;
  private readonly staleMs: number;
  private readonly services: JobServices;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: JobRunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 1;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.staleMs = options.staleMs ?? 30_000;
    this.services = options.services ?? {};
  }

  /** Records a new job of `kind` and queues it; returns its id (`id` when given, e.g. an ImportJob's). */
  async start(
    kind: string,
    params: unknown,
    options: { actor: string; id?: string },
  ): Promise<string> {
    if (!jobKind(kind)) throw new Error(`unknown job kind "${kind}"`);
    if (this.stopping) throw new Error('the server is stopping; try again shortly');
    const id = options.id ?? ulid();
    await this.db.writeTx((tx) =>
      tx.run(
        `CREATE (:Job {id: $id, kind: $kind, status: 'queued', params: $params, actor: $actor,
                       runner: $runner, createdAt: datetime(), heartbeatAt: datetime(), attempts: 0, done: 0})`,
        {
          id,
          kind,
          params: JSON.stringify(params ?? null),
          actor: options.actor,
          runner: this.instance,
        },
      ),
    );
    this.enqueue(id);
    return id;
  }

  /**
   * Queues an ended or interrupted job again (a resumable kind continues from its checkpoint). A job
   * running in this process is left alone. Returns false when the job does not exist or is done.
   */
  async resume(id: string): Promise<boolean> {
    if (this.running.has(id) || this.queue.includes(id)) return true;
    const rows = await this.db.writeTx((tx) =>
      tx.run<{ id: string }>(
        `MATCH (j:Job {id: $id}) WHERE j.status <> 'done'
         SET j.status = 'queued', j.runner = $runner, j.heartbeatAt = datetime(), j.error = null,
             j.finishedAt = null
         RETURN j.id AS id`,
        { id, runner: this.instance },
      ),
    );
    if (!rows[0]) return false;
    this.enqueue(id);
    return true;
  }

  /** The job as stored, or null. */
  async get(id: string): Promise<JobRecord | null> {
    const rows = await this.db.read<{ job: JobRecord }>(
      `MATCH (j:Job {id: $id}) RETURN ${recordReturn}`,
      { id },
    );
    return rows[0]?.job ?? null;
  }

  /** Waits until a job this process queued has ended, then returns it as stored. */
  async wait(id: string): Promise<JobRecord | null> {
    await this.ended.get(id)?.promise;
    return this.get(id);
  }

  /**
   * Takes over the jobs no live runner owns: those left interrupted by a shutdown, and queued or
   * running ones whose heartbeat is stale (their process died). Resumable kinds are queued again,
   * the others marked failed. Called at start and then every `staleMs` by `startSweeping`.
   */
  async recover(): Promise<{ resumed: string[]; failed: string[] }> {
    const orphaned = `(j.status = 'interrupted' OR (j.status IN ['queued', 'running']
        AND j.heartbeatAt < datetime() - duration({milliseconds: $staleMs})))`;
    const candidates = await this.db.read<{ id: string; kind: string }>(
      `MATCH (j:Job) WHERE j.status IN ['interrupted', 'queued', 'running'] AND ${orphaned}
       RETURN j.id AS id, j.kind AS kind ORDER BY j.createdAt`,
      { staleMs: this.staleMs },
    );
    const resumed: string[] = [];
    const failed: string[] = [];
    for (const { id, kind } of candidates) {
      if (this.stopping) break;
      const definition = jobKind(kind);
      const resume = definition?.onRestart === 'resume';
      const message = definition
        ? 'interrupted by a restart / 因重启中断'
        : `unknown job kind "${kind}"`;
      // Claimed in one write: when two runners sweep at once, only one sees the job still orphaned.
      const claimed = await this.db.writeTx((tx) =>
        tx.run<{ id: string }>(
          `MATCH (j:Job {id: $id}) SET j.claimedAt = datetime()
           WITH j WHERE ${orphaned}
           SET j.runner = $runner, j.heartbeatAt = datetime(),
               j.status = CASE WHEN $resume THEN 'queued' ELSE 'failed' END,
               j.error = CASE WHEN $resume THEN null ELSE $message END,
               j.finishedAt = CASE WHEN $resume THEN null ELSE datetime() END
           RETURN j.id AS id`,
          { id, runner: this.instance, staleMs: this.staleMs, resume, message },
        ),
      );
      if (!claimed[0]) continue;
      if (resume) {
        resumed.push(id);
        this.enqueue(id);
      } else {
        failed.push(id);
        await definition?.onFailed?.(this.db, id, message).catch((error: unknown) => {
          this.logger.error({ err: error, jobId: id }, 'could not record a failed job');
        });
      }
    }
    if (resumed.length || failed.length) {
      this.logger.info({ resumed, failed }, 'jobs taken over from a stopped server');
    }
    return { resumed, failed };
  }

  /** Recovers now and then every `staleMs` (jobs of a server that died while this one runs). */
  async startSweeping(): Promise<void> {
    await this.recover();
    this.sweeper = setInterval(() => {
      this.recover().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'job sweep failed'),
      );
    }, this.staleMs);
    this.sweeper.unref();
  }

  /**
   * Stops taking jobs, asks the running ones to stop at their next checkpoint and waits for them up
   * to `graceMs`. Queued jobs are left `interrupted` for the next start.
   */
  async shutdown(graceMs = 20_000): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    const queued = this.queue.splice(0);
    if (queued.length) {
      await this.db
        .writeTx((tx) =>
          tx.run(
            `MATCH (j:Job) WHERE j.id IN $ids AND j.status = 'queued' SET j.status = 'interrupted'`,
            { ids: queued },
          ),
        )
        .catch(() => {});
      for (const id of queued) this.ended.get(id)?.resolve();
    }
    for (const controller of this.running.values()) controller.abort();
    const all = Promise.all([...this.running.keys()].map((id) => this.ended.get(id)?.promise));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      all,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    this.stopHeartbeat();
  }

  private enqueue(id: string): void {
    if (!this.ended.has(id)) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.ended.set(id, { promise, resolve });
    }
    this.queue.push(id);
    this.startHeartbeat();
    this.pump();
  }

  private pump(): void {
    while (!this.stopping && this.running.size < this.concurrency && this.queue.length) {
      const id = this.queue.shift() as string;
      const controller = new AbortController();
      this.running.set(id, controller);
      void this.execute(id, controller).finally(() => {
        this.running.delete(id);
        const ended = this.ended.get(id);
        this.ended.delete(id);
        ended?.resolve();
        if (!this.running.size && !this.queue.length) this.stopHeartbeat();
        this.pump();
      });
    }
  }

  private async setJob(id: string, props: Record<string, unknown>, extra = ''): Promise<void> {
    await this.db.writeTx((tx) =>
      tx.run(
        `MATCH (j:Job {id: $id}) WHERE j.runner = $runner SET j += $props ${extra ? `, ${extra}` : ''}`,
        { id, props, runner: this.instance },
      ),
    );
  }

  private async execute(id: string, controller: AbortController): Promise<void> {
    const claimed = await this.db
      .writeTx((tx) =>
        tx.run<{ kind: string; params: string; actor: string; attempts: number }>(
          `MATCH (j:Job {id: $id}) WHERE j.status = 'queued' AND j.runner = $runner
           SET j.status = 'running', j.startedAt = coalesce(j.startedAt, datetime()),
               j.heartbeatAt = datetime(), j.attempts = coalesce(j.attempts, 0) + 1
           RETURN j.kind AS kind, j.params AS params, j.actor AS actor, j.attempts AS attempts`,
          { id, runner: this.instance },
        ),
      )
      .catch((error: unknown) => {
        this.logger.error({ err: error, jobId: id }, 'could not start a job');
        return [];
      });
    const row = claimed[0];
    if (!row) return;
    const definition = jobKind(row.kind) as JobKind;
    const logger = this.logger.child({ jobId: id, jobKind: row.kind });
    const db = this.db.scoped({
      timeoutMs: definition.txTimeoutMs ?? defaultTxTimeoutMs,
      onQuery: undefined,
      metadata: { app: 'talentgraph', jobId: id, jobKind: row.kind },
    });
    let pending: Record<string, unknown> | null = null;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const writeProgress = () => {
      if (!pending) return;
      const props = pending;
      pending = null;
      lastWrite = Date.now();
      writing = writing
        .then(() => this.setJob(id, props))
        .catch((error: unknown) => logger.warn({ err: error }, 'could not record progress'));
    };
    try {
      const result = await trackJob(row.kind, () =>
        definition.run({
          id,
          params: JSON.parse(row.params ?? 'null'),
          actor: row.actor,
          db,
          logger,
          services: this.services,
          signal: controller.signal,
          attempt: Number(row.attempts),
          progress: (p) => {
            pending = {
              ...(p.phase === undefined ? {} : { phase: p.phase }),
              done: p.done,
              ...(p.total === undefined ? {} : { total: p.total }),
            };
            if (Date.now() - lastWrite >= 1000) writeProgress();
          },
        }),
      );
      writeProgress();
      await writing;
      await this.setJob(
        id,
        { status: 'done', error: null, result: JSON.stringify(result ?? null) },
        'j.finishedAt = datetime()',
      );
    } catch (error) {
      writeProgress();
      await writing;
      const interrupted = error instanceof JobInterrupted || controller.signal.aborted;
      const resumable = interrupted && definition.onRestart === 'resume';
      const message = (error as Error).message;
      if (!interrupted) logger.error({ err: error }, 'job failed');
      await this.setJob(
        id,
        { status: resumable ? 'interrupted' : 'failed', error: message },
        resumable ? '' : 'j.finishedAt = datetime()',
      ).catch((e: unknown) => logger.error({ err: e }, 'could not record a job’s end'));
      if (!resumable) {
        await definition.onFailed?.(db, id, message).catch((e: unknown) => {
          logger.error({ err: e }, 'could not record a failed job');
        });
      }
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      this.db
        .writeTx((tx) =>
          tx.run(
            `MATCH (j:Job) WHERE j.status IN ['queued', 'running'] AND j.runner = $runner
             SET j.heartbeatAt = datetime()`,
            { runner: this.instance },
          ),
        )
        .catch((error: unknown) => this.logger.warn({ err: error }, 'job heartbeat failed'));
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
