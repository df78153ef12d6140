import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * `neo4j` (no demo data, a new DATA_DIR); resolves once it answers /health. Its stderr is passed on.
 */
export async function startServerProcess(
  neo4j: Neo4jConnection,
  env: Record<string, string> = {},
  /** How long the start may take on a busy shared machine (polled every 200 ms). */
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
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before ${url}/health answered`,
      );
    }
    const res = await fetch(`${url}/health`).catch((error: Error) => error);
    if (res instanceof Response && res.ok) return { url, child, stop };
    last = res instanceof Response ? `status ${res.status}` : res.message;
    if (performance.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`the server at ${url} did not answer /health in ${timeoutMs} ms (${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
