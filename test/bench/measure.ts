import type { PreparedOperation } from './ops/operation.ts';
import { percentile } from './percentile.ts';

export interface MeasureOptions {
  iterations: number;
  warmup: number;
  /** Seconds the timed part may take (both sides); iterations are cut to fit, down to `minIterations`. */
  budgetSeconds: number;
  minIterations?: number;
}

/** Latencies of one operation, in milliseconds. */
export interface Measurement {
  iterations: number;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Warms up, then times GraphQL and baseline request by request, interleaved (the order alternates), so
 * that load from other processes and cache warming fall on both sides alike. Inputs cycle by iteration
 * number, the same on both sides.
 */
export async function measure(
  op: PreparedOperation,
  options: MeasureOptions,
): Promise<Measurement> {
  const { warmup, budgetSeconds, minIterations = 20 } = options;
  let warmupMs = 0;
  let warmed = 0;
  for (; warmed < warmup && warmupMs < budgetSeconds * 200; warmed++) {
    warmupMs += await timed(() => op.graphql(warmed));
    warmupMs += await timed(() => op.baseline(warmed));
  }
  const perIteration = warmed ? warmupMs / warmed : 0;
  const fit = perIteration ? Math.floor((budgetSeconds * 1000) / perIteration) : options.iterations;
  const iterations = Math.min(options.iterations, Math.max(minIterations, fit));
  const graphql: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const input = warmed + i;
    if (i % 2 === 0) {
      graphql.push(await timed(() => op.graphql(input)));
      baseline.push(await timed(() => op.baseline(input)));
    } else {
      baseline.push(await timed(() => op.baseline(input)));
      graphql.push(await timed(() => op.graphql(input)));
    }
  }
  return {
    iterations,
    p50: percentile(graphql, 50),
    p95: percentile(graphql, 95),
    baselineP50: percentile(baseline, 50),
    baselineP95: percentile(baseline, 95),
  };
}
