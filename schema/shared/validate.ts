import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** Parses `value` with `schema`; a ValidationError naming each bad field (under `path`) otherwise. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: string[],
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [...path, ...issue.path.map(String)],
      message: issue.message,
    })),
  );
}
