import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

/**
 * The one place a driver is made. Integers come back as JS numbers (`disableLosslessIntegers`): every
 * integer we store (years, counts) is far below 2^53, and it keeps Neo4j's Integer out of the model code.
 */
export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    userAgent: 'talentgraph/0.1',
    // Fail fast while the database is down instead of queueing requests for minutes.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
}
