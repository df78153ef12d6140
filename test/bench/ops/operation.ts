import type { Driver } from 'neo4j-driver';
import type { GraphqlCall } from '../graphql-client.ts';
import type { CypherCall } from '../raw-cypher.ts';
import type { Samples } from '../samples.ts';

/** What an operation gets to prepare itself: the two ways to ask and the sampled inputs. */
interface BenchContext {
  graphql: GraphqlCall;
  cypher: CypherCall;
  /** The driver both use, for a baseline that brings its own layer (neo4j-graphql.ts). */
  driver: Driver;
  samples: Samples;
}

/** One prepared operation: the i-th request through GraphQL and the same answer by raw Cypher. */
export interface PreparedOperation {
  graphql(i: number): Promise<unknown>;
  baseline(i: number): Promise<unknown>;
  /**
   * Brings both answers to one shape, for the check before timing that they are the same
   * (same-answer.ts). Absent while an operation's baseline computes something else.
   */
  answers?: { graphql(answer: unknown): unknown; baseline(answer: unknown): unknown };
}

/** A benchmarked operation, registered in ops/index.ts. */
export interface Operation {
  /** Name used by `--ops` and in the table. */
  name: string;
  /** What the baseline runs, for the results file. */
  baseline: string;
  prepare(ctx: BenchContext): Promise<PreparedOperation> | PreparedOperation;
}

/** Cycles through `list` by iteration number; throws on an empty list (no inputs sampled). */
export function pick<T>(list: readonly T[], i: number, what: string): T {
  if (list.length === 0) throw new Error(`no ${what} sampled from the data`);
  return list[i % list.length] as T;
}
