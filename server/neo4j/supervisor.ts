import { localNeo4jRestarts, localNeo4jUp } from '../metrics.ts';
import {
  type LocalNeo4j,
  type LocalNeo4jConnection,
  type LocalNeo4jOptions,
  startLocalNeo4j,
} from './local-neo4j.ts';

/** The local Neo4j, kept running: restarted with backoff whenever its JVM dies. */
export interface SupervisedNeo4j extends LocalNeo4jConnection {
  /** Why the database cannot be used right now (its JVM died, a restart is under way), or undefined. */
  down(): string | undefined;
  /** Stops supervising and closes the store cleanly. */
  stop(): Promise<void>;
}

export interface SupervisorEvents {
  /** The JVM died unexpectedly; a restart follows after `delayMs`. */
  onExit?: (info: { code: number | null; attempt: number; delayMs: number }) => void;
  /** A restart failed (port taken meanwhile, store still locked…); another follows after `delayMs`. */
  onRestartFailed?: (info: { error: Error; attempt: number; delayMs: number }) => void;
  /** The JVM was restarted and answers again. */
  onRestarted?: (info: { attempt: number; pid: number; downMs: number }) => void;
}

/** 1, 2, 4 … 30 s between restarts: quick after a one-off crash, gentle on a machine that keeps failing. */
function restartDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** After this long up, a new crash starts the backoff again from 1 s. */
const stableAfterMs = 60_000;

/**
 * Starts the local Neo4j (see startLocalNeo4j, whose errors a failed first start throws) and restarts
 * it whenever its JVM dies — killed, out of memory, crashed — on the same port, password and store, so
 * the driver reconnects by itself. Meanwhile `down()` says why, for /ready and for the Db to fail fast.
 */
export async function superviseLocalNeo4j(
  options: LocalNeo4jOptions,
  events: SupervisorEvents = {},
): Promise<SupervisedNeo4j> {
  let current: LocalNeo4j = await startLocalNeo4j(options);
  let startedAt = performance.now();
  let downReason: string | undefined;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = (neo4j: LocalNeo4j) => {
    void neo4j.exited.then((code) => {
      if (stopping) return;
      restarting = restart(code);
    });
  };

  const restart = async (code: number | null) => {
    const downSince = performance.now();
    // Crashes in a row back off further; one after a stable run starts again from 1 s.
    let attempt = downSince - startedAt > stableAfterMs ? 1 : previousAttempt + 1;
    localNeo4jUp.set(0);
    events.onExit?.({ code, attempt, delayMs: restartDelayMs(attempt) });
    for (;;) {
      previousAttempt = attempt;
      const delayMs = restartDelayMs(attempt);
      downReason = `the local Neo4j stopped (exit ${code ?? 'by signal'}); restart ${attempt} in ${delayMs / 1000} s`;
      await sleep(delayMs);
      if (stopping) return;
      downReason = `the local Neo4j is restarting (attempt ${attempt})`;
      try {
        current = await startLocalNeo4j(options);
      } catch (error) {
        if (stopping) return;
        attempt += 1;
        events.onRestartFailed?.({
          error: error as Error,
          attempt,
          delayMs: restartDelayMs(attempt),
        });
        continue;
      }
      if (stopping) return; // stop() closes `current`
      startedAt = performance.now();
      localNeo4jRestarts.inc();
      localNeo4jUp.set(1);
      events.onRestarted?.({ attempt, pid: current.pid, downMs: startedAt - downSince });
      downReason = undefined;
      watch(current);
      return;
    }
  };
  let previousAttempt = 0;
  localNeo4jUp.set(1);
  watch(current);

  return {
    uri: current.uri,
    user: current.user,
    password: current.password,
    logFile: current.logFile,
    get pid() {
      return current.pid;
    },
    down: () => downReason,
    async stop() {
      stopping = true;
      wakeUp?.();
      await restarting;
      await current.stop();
    },
  };
}
