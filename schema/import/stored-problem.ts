import type { Params } from '../shared/words/words.ts';

/**
 * A rejected row as kept on (:ImportRejection): its params as JSON (a node property holds no map).
 * Rows kept before codes have no code; they read back as `invalid` with their English reason.
 */
export const storedProblem = <T extends { params?: Params }>(row: T) => ({
  ...row,
  params: row.params ? JSON.stringify(row.params) : null,
});

export const readProblem = <T extends { params?: unknown }>(row: T) => ({
  ...row,
  params: typeof row.params === 'string' ? (JSON.parse(row.params) as Params) : undefined,
});
