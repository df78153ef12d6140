import { isDeepStrictEqual } from 'node:util';
import type { PreparedOperation } from './ops/operation.ts';

/** Thrown when GraphQL and the baseline answer one input differently: their timings would mean nothing. */
export class DifferentAnswersError extends Error {
  override name = 'DifferentAnswersError';
}

/** The first place two answers differ, as a path and the two values there. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}

/**
 * Asks GraphQL and the baseline the first `inputs` questions and compares the answers (each brought
 * to one shape by the operation's `answers`); throws DifferentAnswersError naming the first difference.
 * Operations without `answers` are not compared (their baseline computes something else).
 */
export async function checkSameAnswers(
  name: string,
  op: PreparedOperation,
  inputs: number,
): Promise<boolean> {
  const { answers } = op;
  if (!answers) return false;
  for (let i = 0; i < inputs; i++) {
    const [viaGraphql, viaBaseline] = await Promise.all([op.graphql(i), op.baseline(i)]);
    const d = firstDifference(answers.graphql(viaGraphql), answers.baseline(viaBaseline));
    if (d)
      throw new DifferentAnswersError(`${name}, input ${i}: GraphQL and baseline differ at ${d}`);
  }
  return true;
}
