import type { Driver, RecordShape } from 'neo4j-driver';
import { toCypherParams } from '../../server/db/run.ts';

/** Runs raw Cypher for a baseline: plain rows. */
export type CypherCall = <Row extends RecordShape = RecordShape>(
  cypher: string,
  params?: Record<string, unknown>,
) => Promise<Row[]>;

/**
 * A baseline runner straight on the driver: one auto-routed read per query (`executeQuery`), the same
 * integer conversion of parameters as the app, and nothing else.
 */
export function cypherCaller(driver: Driver): CypherCall {
  return async <Row extends RecordShape>(cypher: string, params: Record<string, unknown> = {}) => {
    const { records } = await driver.executeQuery(
      cypher,
      toCypherParams(params) as Record<string, unknown>,
      { routing: 'READ' },
    );
    return records.map((r) => r.toObject() as Row);
  };
}
