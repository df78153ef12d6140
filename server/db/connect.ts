import type { Config } from '../config.ts';
import { findRunningLocalNeo4j, type LocalNeo4j, startLocalNeo4j } from '../neo4j/local-neo4j.ts';
import type { Neo4jConnection } from './driver.ts';

export interface DatabaseTarget {
  connection: Neo4jConnection;
  database?: string;
  /** The local Neo4j this process started, if it started one (to stop it on shutdown). */
  local?: LocalNeo4j;
  /** Human-readable: where the data is. */
  describe: string;
}

/**
 * Where the app's data lives: the external Neo4j from NEO4J_URI, or the local one below DATA_DIR.
 * With `attach`, a local Neo4j that another process (the running server) started is reused instead of
 * failing on the locked data folder; CLIs use that.
 */
export async function openDatabase(
  config: Config,
  options: { attach?: boolean } = {},
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
  const local = await startLocalNeo4j({
    home: neo4j.home,
    boltPort: neo4j.boltPort,
    heap: neo4j.heap,
    pageCache: neo4j.pageCache,
    txTimeout: neo4j.txTimeout,
  });
  return {
    connection: local,
    database: neo4j.database,
    local,
    describe: `local Neo4j at ${local.uri} (data in ${neo4j.home}, log ${local.logFile})`,
  };
}
