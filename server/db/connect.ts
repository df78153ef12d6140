import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { findRunningLocalNeo4j } from '../neo4j/local-neo4j.ts';
import { type SupervisedNeo4j, superviseLocalNeo4j } from '../neo4j/supervisor.ts';
import type { Neo4jConnection } from './driver.ts';

export interface DatabaseTarget {
  connection: Neo4jConnection;
  database?: string;
  /** The local Neo4j this process started and supervises, if it started one (to stop it on shutdown). */
  local?: SupervisedNeo4j;
  /** Human-readable: where the data is. */
  describe: string;
}

/**
 * Where the app's data lives: the external Neo4j from NEO4J_URI, or the local one below DATA_DIR.
 * With `attach`, a local Neo4j that another process (the running server) started is reused instead of
 * failing on the locked data folder; CLIs use that. A local Neo4j started here is supervised (restarted
 * when its JVM dies); with a `logger` its start and restarts are told there.
 */
export async function openDatabase(
  config: Config,
  options: { attach?: boolean; logger?: Logger } = {},
): Promise<DatabaseTarget> {
  const neo4j = config.neo4j;
  if (neo4j.mode === 'external') {
    return {
      connection: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password },
      database: neo4j.database,
      describe: `external Neo4j at ${neo4j.uri}`,
    };
  }
  const running = options.attach ? findRunningLocalNeo4j(neo4j.home) : undefined;
  if (running) {
    return {
      connection: running,
      database: neo4j.database,
      describe: `local Neo4j started by pid ${running.pid} at ${running.uri} (data in ${neo4j.home})`,
    };
  }
  const { logger } = options;
  const local = await superviseLocalNeo4j(
    {
      home: neo4j.home,
      boltPort: neo4j.boltPort,
      heap: neo4j.heap,
      pageCache: neo4j.pageCache,
      txTimeout: neo4j.txTimeout,
      startTimeoutMs: neo4j.startTimeoutMs,
      onWait: ({ phase, waitedS, limitS, logFile }) =>
        logger?.info(
          { waitedS, limitS, log: logFile },
          `waiting for the local Neo4j: ${phase} (${waitedS} s of at most ${limitS} s, NEO4J_START_TIMEOUT)`,
        ),
    },
    {
      onExit: ({ code, attempt, delayMs }) =>
        logger?.error(
          { code, attempt, delayMs },
          'the local Neo4j stopped unexpectedly; restarting it (requests fail with DATABASE_UNAVAILABLE meanwhile)',
        ),
      onRestartFailed: ({ error, attempt, delayMs }) =>
        logger?.error({ err: error, attempt, delayMs }, 'restarting the local Neo4j failed'),
      onRestarted: ({ attempt, pid, downMs }) =>
        logger?.info({ attempt, pid, downMs: Math.round(downMs) }, 'the local Neo4j is back'),
    },
  );
  return {
    connection: local,
    database: neo4j.database,
    local,
    describe: `local Neo4j at ${local.uri} (data in ${neo4j.home}, log ${local.logFile})`,
  };
}
