import neo4j, {
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  type Session,
} from 'neo4j-driver';
import { neo4jConnectionsInUse, neo4jTransactionDuration } from '../metrics.ts';
import { DatabaseUnavailableError, mapDriverError } from './errors.ts';

/** One Cypher round trip, as seen by `onQuery` (tests count them; logs time them). */
export interface QueryEvent {
  cypher: string;
  params: Record<string, unknown>;
  ms: number;
  rows: number;
}

export interface DbOptions {
  database?: string;
  /** Called after every query; used to count round trips per request and to log slow queries. */
  onQuery?: (event: QueryEvent) => void;
  /** Sent as transaction metadata, so a slow query in Neo4j's query log can be traced to its caller. */
  metadata?: Record<string, string>;
  /** Neo4j ends a transaction running longer than this (a heavy path search cannot hold the database). */
  timeoutMs?: number;
  /**
   * Why the database is known to be down (the local Neo4j is restarting), or undefined: while it says
   * so, transactions fail at once with DatabaseUnavailableError instead of waiting on the driver.
   */
  unavailable?: () => string | undefined;
}

/** Runs one read query: the app's `ctx.db.read`, or a bench's raw driver (same Cypher, no GraphQL). */
export type ReadCypher = <Row extends RecordShape = RecordShape>(
  cypher: string,
  params: Record<string, unknown>,
) => Promise<Row[]>;

/** A transaction handle that hides the driver: run a query, get plain rows. */
export interface Tx {
  run<Row extends RecordShape = RecordShape>(
    cypher: string,
    params?: Record<string, unknown>,
  ): Promise<Row[]>;
}

/**
 * JS has one number type; Cypher has INTEGER and FLOAT. Whole numbers go as INTEGER (LIMIT needs it, and
 * years and counts are integers), everything else as it is. Applied to every parameter we send.
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v)]));
  }
  return value;
}

type TransactionConfig = NonNullable<Parameters<Session['run']>[2]>;
type Params = Record<string, unknown>;

/** The rows of one statement, `run` with the parameters made Cypher's, reported to `onQuery`. */
async function rowsOf<Row extends RecordShape>(
  run: (cypher: string, params: Params) => Promise<QueryResult<Row>>,
  cypher: string,
  params: Params,
  onQuery?: (event: QueryEvent) => void,
): Promise<Row[]> {
  const started = performance.now();
  const result = await run(cypher, toCypherParams(params) as Params);
  const rows = result.records.map((r) => r.toObject());
  onQuery?.({ cypher, params, ms: performance.now() - started, rows: rows.length });
  return rows;
}

function wrap(tx: ManagedTransaction, onQuery?: (event: QueryEvent) => void): Tx {
  return {
    run: <Row extends RecordShape>(cypher: string, params: Params = {}) =>
      rowsOf<Row>((c, p) => tx.run<Row>(c, p), cypher, params, onQuery),
  };
}

/**
 * The database as the app uses it: reads go to READ routing (followers in a cluster), a write is one
 * transaction (all or nothing), driver errors are mapped once to our error classes.
 */
export class Db {
  constructor(
    readonly driver: Driver,
    private readonly options: DbOptions = {},
  ) {}

  /** A Db that reports to `onQuery` and tags transactions with `metadata`, for one request. */
  scoped(extra: Pick<DbOptions, 'onQuery' | 'metadata' | 'timeoutMs'>): Db {
    return new Db(this.driver, { ...this.options, ...extra });
  }

  /** Why the database is known to be down right now (see DbOptions.unavailable), or undefined. */
  unavailable(): string | undefined {
    return this.options.unavailable?.();
  }

  /** Fails fast while the database is known to be down. */
  private checkAvailable(): void {
    const reason = this.unavailable();
    if (reason) throw new DatabaseUnavailableError(reason);
  }

  /**
   * Runs one read query in one round trip: an auto-commit query, whose RUN and PULL go together, where
   * a transaction function adds a COMMIT round trip (0.6 of 1.3 ms per read on loopback; a network
   * round trip to a remote server). A failure the driver would retry (a cluster member gone, a leader
   * switch) is run again as a read transaction, under the driver's retry policy.
   */
  async read<Row extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<Row[]> {
    try {
      return await this.inSession('READ', (session, config) =>
        rowsOf<Row>((c, p) => session.run<Row>(c, p, config), cypher, params, this.options.onQuery),
      );
    } catch (error) {
      if (!isRetryableError(error)) throw mapDriverError(error);
      return this.readTx((tx) => tx.run<Row>(cypher, params));
    }
  }

  /**
   * Reads every row of a query too big for one transaction (all people at a million), page by page
   * in id order, each page its own transaction: `cypher` gets `$after` (the last id read; '' at
   * first) and `$limit`, and must return rows with `id`, ordered by it.
   */
  async readAll<Row extends RecordShape & { id: string }>(
    cypher: string,
    params: Record<string, unknown> = {},
    pageSize = 20_000,
  ): Promise<Row[]> {
    const rows: Row[] = [];
    for (let after = ''; ; ) {
      const page = await this.read<Row>(cypher, { ...params, after, limit: pageSize });
      rows.push(...page);
      const last = page.at(-1);
      if (page.length < pageSize || !last) return rows;
      after = last.id;
    }
  }

  /** Runs `work` in one read transaction (retried on transient errors). */
  readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  /** Runs `work` in one write transaction: it commits whole or not at all. */
  writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.inSession(mode, (session, config) =>
        mode === 'READ'
          ? session.executeRead((tx) => work(wrap(tx, this.options.onQuery)), config)
          : session.executeWrite((tx) => work(wrap(tx, this.options.onQuery)), config),
      );
    } catch (error) {
      throw mapDriverError(error);
    }
  }

  /** A session for `use`, with the request's metadata and timeout, timed and counted; errors unmapped. */
  private async inSession<T>(
    mode: 'READ' | 'WRITE',
    use: (session: Session, config: TransactionConfig) => Promise<T>,
  ): Promise<T> {
    this.checkAvailable();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode,
      // Read-your-writes across sessions, also on a cluster where reads go to other members.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const config = { metadata: this.options.metadata, timeout: this.options.timeoutMs };
    const timer = neo4jTransactionDuration.startTimer({ mode: mode.toLowerCase() });
    neo4jConnectionsInUse.inc();
    let outcome = 'error';
    try {
      const result = await use(session, config);
      outcome = 'ok';
      return result;
    } finally {
      neo4jConnectionsInUse.dec();
      timer({ outcome });
      await session.close();
    }
  }

  /** Runs one statement outside an explicit transaction (schema commands, `CALL {} IN TRANSACTIONS`). */
  async autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
    this.checkAvailable();
    const session = this.driver.session({ database: this.options.database });
    try {
      await session.run(cypher, toCypherParams(params) as Record<string, unknown>);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}
