import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoPath } from '../paths.ts';

const here = repoPath('server', 'neo4j');
const launcherJar = join(here, 'target', 'local-neo4j.jar');
const libDir = join(here, 'target', 'lib');
/** The launcher and Neo4j's jars, for `java -cp`. */
export const classPath = `${launcherJar}:${libDir}/*`;
/**
 * The classes Neo4j loads at start, archived once at install (install.mjs, Java's AppCDS): the JVM alone
 * reached READY on the demo store in ~3 s with it, against 8-11 s without. Absent (or stale after a
 * rebuild), Java starts without it.
 */
const classArchive = join(here, 'target', 'neo4j-classes.jsa');
/**
 * The options of every Java run on Neo4j's jars (the local Neo4j, neo4j-admin): those of
 * java-options.json, under which install.mjs archived the classes, and the archive.
 */
export function javaOptions(): string[] {
  const { options } = JSON.parse(readFileSync(join(here, 'java-options.json'), 'utf8')) as {
    options: string[];
  };
  return [
    ...options,
    ...(existsSync(classArchive) ? [`-XX:SharedArchiveFile=${classArchive}`] : []),
  ];
}

export interface LocalNeo4jOptions {
  /** Neo4j home: the store lives in `<home>/data`, Neo4j's logs in `<home>/logs`. Kept across restarts. */
  home: string;
  /** Bolt port on 127.0.0.1. */
  boltPort: number;
  /** JVM heap, e.g. `2g`. */
  heap?: string;
  /** Neo4j page cache, e.g. `1g`. */
  pageCache?: string;
  /** Default transaction timeout, e.g. `60s` (`0s` = none). */
  txTimeout?: string;
  /** How long to wait for Bolt before giving up (NEO4J_START_TIMEOUT; default 10 minutes). */
  startTimeoutMs?: number;
  /** Told every few seconds while the start goes on: what it waits for and for how long. */
  onWait?: (wait: StartWait) => void;
}

/** A start still under way: the launcher's phase, the seconds waited, and the limit. */
interface StartWait {
  phase: string;
  waitedS: number;
  limitS: number;
  logFile: string;
}

/** A default for people, not for speed: a busy 2-core machine took 104 s to open an empty store. */
const defaultStartTimeoutMs = 600_000;
const waitReportEveryMs = 10_000;

/** A running local Neo4j, as started by this process or found running by another one. */
export interface LocalNeo4jConnection {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** The launcher's output (Neo4j's own logs are beside it in `<home>/logs`). */
  logFile: string;
}

export interface LocalNeo4j extends LocalNeo4jConnection {
  /** Closes the store cleanly (SIGTERM, JVM shutdown hook); resolves when the JVM has exited. */
  stop(): Promise<void>;
  /** Resolves when the JVM exits, for whatever reason, with its exit code. */
  exited: Promise<number | null>;
}

export type LocalNeo4jFailure =
  | 'no-java'
  | 'not-fetched'
  | 'port-taken'
  | 'locked'
  | 'out-of-memory'
  | 'timeout'
  | 'auth'
  | 'crashed';

/** Why the local Neo4j could not start; `kind` is for code, the message is for people. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
  constructor(
    readonly kind: LocalNeo4jFailure,
    message: string,
  ) {
    super(message);
  }
}

const runningFile = (home: string) => join(home, 'running.json');
const passwordFile = (home: string) => join(home, 'password');

/** The password of the local `neo4j` user: generated on first use, kept (mode 600) in the home folder. */
function localPassword(home: string): string {
  const file = passwordFile(home);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(home, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The local Neo4j another process (the server, a test run) started on this home folder, if it is still
 * running. CLIs use it so that they work while the server holds the store lock.
 */
export function findRunningLocalNeo4j(home: string): LocalNeo4jConnection | undefined {
  const file = runningFile(home);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; boltPort: number };
    if (!isAlive(info.pid)) return undefined;
    return {
      uri: `bolt://127.0.0.1:${info.boltPort}`,
      user: 'neo4j',
      password: localPassword(home),
      pid: info.pid,
      logFile: join(home, 'logs', 'launcher.log'),
    };
  } catch {
    return undefined;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function checkPrerequisites(): void {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) {
    throw new LocalNeo4jError(
      'no-java',
      'Java was not found on PATH. Install JDK 17 (Neo4j 5.26 runs on Java 17 or 21), or set NEO4J_URI to use an external Neo4j.',
    );
  }
  if (!existsSync(launcherJar) || !existsSync(libDir)) {
    throw new LocalNeo4jError(
      'not-fetched',
      'The local Neo4j has not been fetched from Maven Central. Run `npm install` (or `npm run postinstall`) with Maven and JDK 17 installed.',
    );
  }
}

/**
 * Starts Neo4j Community in a child JVM with Bolt on 127.0.0.1 and waits until it answers.
 * Throws LocalNeo4jError saying what failed: no Java, jars not fetched, port taken, data folder in use,
 * or a time-out (with the log file to read).
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { home, boltPort, heap = '2g', pageCache = '1g', txTimeout = '60s' } = options;
  checkPrerequisites();

  const running = findRunningLocalNeo4j(home);
  if (running) {
    throw new LocalNeo4jError(
      'locked',
      `The data folder ${home} is in use by another local Neo4j (pid ${running.pid}, ${running.uri}). Stop that process first, or use another DATA_DIR.`,
    );
  }
  if (await portAnswers(boltPort)) {
    throw new LocalNeo4jError(
      'port-taken',
      `Port ${boltPort} on 127.0.0.1 is already taken. Set NEO4J_BOLT_PORT to a free port.`,
    );
  }

  const password = localPassword(home);
  const logDir = join(home, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'launcher.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n--- ${new Date().toISOString()} starting on port ${boltPort}\n`);

  const child = spawn(
    'java',
    [
      // Initial heap = maximum, as Neo4j's memory guide advises (no resizing pauses): the bench's
      // invitation list, p50 1,420 against 1,495 ms, report p95 222 against 244 ms (2026-12-07).
      `-Xms${heap}`,
      `-Xmx${heap}`,
      ...javaOptions(),
      '-cp',
      classPath,
      'talentgraph.LocalNeo4j',
      home,
      String(boltPort),
      pageCache,
      txTimeout,
    ],
    {
      cwd: home,
      env: { ...process.env, NEO4J_LOCAL_PASSWORD: password },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  void exited.then(() => removeRunningFile(home, child.pid));
  // 'close' comes after the last output of the JVM was read (its 'exit' may come before).
  child.once('close', () => log.end());

  await waitForReady(child, exited, log, {
    timeoutMs: options.startTimeoutMs ?? defaultStartTimeoutMs,
    logFile,
    onWait: options.onWait,
  });

  writeFileSync(
    runningFile(home),
    JSON.stringify({ pid: child.pid, boltPort, startedAt: new Date().toISOString() }),
  );
  const pid = child.pid ?? -1;
  return {
    uri: `bolt://127.0.0.1:${boltPort}`,
    user: 'neo4j',
    password,
    pid,
    logFile,
    exited,
    stop: () => stopChild(child, exited),
  };
}

function waitForReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  log: NodeJS.WritableStream,
  options: { timeoutMs: number; logFile: string; onWait?: (wait: StartWait) => void },
): Promise<void> {
  const { timeoutMs, logFile, onWait } = options;
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const errors = createInterface({ input: child.stderr as NodeJS.ReadableStream });
    const started = performance.now();
    let phase = 'starting the JVM';
    let lastError = '';
    let settled = false;
    const settle = (error?: LocalNeo4jError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(reporter);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve();
    };
    const timer = setTimeout(
      () =>
        settle(
          new LocalNeo4jError(
            'timeout',
            `The local Neo4j did not answer within ${timeoutMs / 1000} s (still ${phase}). ` +
              `The machine may be very busy: raise NEO4J_START_TIMEOUT (e.g. 30m), or see ${logFile}.`,
          ),
        ),
      timeoutMs,
    );
    const reporter = setInterval(
      () =>
        onWait?.({
          phase,
          waitedS: Math.round((performance.now() - started) / 1000),
          limitS: Math.round(timeoutMs / 1000),
          logFile,
        }),
      waitReportEveryMs,
    );
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      if (line.startsWith('PHASE ')) phase = line.slice('PHASE '.length);
      if (line.startsWith('READY ')) settle();
      const failed = /^FAILED (\S+) (.*)$/.exec(line);
      if (failed) settle(failure(failed[1] ?? 'start', failed[2] ?? '', logFile));
    });
    // The JVM's own failures (heap too big for the machine, out of memory) only show on stderr.
    errors.on('line', (line) => {
      log.write(`${line}\n`);
      if (line.trim()) lastError = line.trim();
      if (/OutOfMemoryError|Could not reserve enough space|Cannot allocate memory/i.test(line)) {
        settle(failure('memory', line.trim(), logFile));
      }
    });
    void exited.then((code) =>
      settle(
        new LocalNeo4jError(
          'crashed',
          `The local Neo4j exited during start (code ${code}${lastError ? `: ${lastError}` : ''}). See ${logFile}.`,
        ),
      ),
    );
  });
}

function failure(kind: string, detail: string, logFile: string): LocalNeo4jError {
  switch (kind) {
    case 'locked':
      return new LocalNeo4jError(
        'locked',
        `The data folder is locked by another Neo4j process. Stop it or use another DATA_DIR. (${detail})`,
      );
    case 'port':
      return new LocalNeo4jError(
        'port-taken',
        `The Bolt port is taken. Set NEO4J_BOLT_PORT to a free port. (${detail})`,
      );
    case 'auth':
      return new LocalNeo4jError('auth', `Could not set the local password: ${detail}`);
    case 'memory':
      return new LocalNeo4jError(
        'out-of-memory',
        `The local Neo4j ran out of memory. Lower NEO4J_HEAP / NEO4J_PAGECACHE to fit the machine's free memory, or free some. (${detail})`,
      );
    default:
      return new LocalNeo4jError(
        'crashed',
        `The local Neo4j failed to start: ${detail}. See ${logFile}.`,
      );
  }
}

function removeRunningFile(home: string, pid: number | undefined): void {
  const file = runningFile(home);
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
    if (info.pid === pid) rmSync(file);
  } catch {
    // no file, or someone else's: nothing to remove
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
