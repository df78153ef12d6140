import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Neo4jConnection } from '../../server/db/driver.ts';
import { freePort } from './free-port.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Sends the signal and resolves once the process has exited. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * The real server (`npm start`'s server/main.ts) in a process of its own, on a free port, against
 * `neo4j` (no demo data, a new DATA_DIR); resolves once it says it listens and answers /health. Its
 * stderr is passed on.
 */
export async function startServerProcess(
  neo4j: Neo4jConnection,
  env: Record<string, string> = {},
  /** The most the start may take on a busy shared machine. */
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'talentgraph-server-')),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  // main.ts prints "TalentGraph is running at <url>" once it listens: waited for, not polled. Its
  // stdout is read to the end, so its logs never fill the pipe.
  const lines = createInterface({ input: child.stdout! });
  const running = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.includes(`running at ${url}`)) resolve();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited (${code ?? signal}) before it listened on ${url}`)),
    );
  });
  // A late exit (after the start, or after a time-out) rejects nobody's promise.
  running.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the server did not listen on ${url} within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([running, timedOut]);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const health = await fetch(`${url}/health`);
  if (!health.ok) {
    await stop('SIGKILL');
    throw new Error(`the server at ${url} answers /health with ${health.status}`);
  }
  return { url, child, stop };
}
