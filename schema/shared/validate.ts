import type { z } from 'zod';
import { type Issue, ValidationError } from './errors.ts';
import type { IssueCode, Params } from './words/words.ts';

/** Parses `value` with `schema`; a ValidationError naming each bad field (under `path`) otherwise. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: string[],
): z.output<S> {
  // The input of each issue tells a missing value (required) from a wrong one; it is not sent out.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map(
      (issue): Issue => ({
        path: [...path, ...issue.path.map(String)],
        message: issue.message,
        ...codeOf(issue),
      }),
    ),
  );
}

/** A refinement's message and its code (read back by `codeOf`): `.refine(ok, because('empty', '…'))`. */
export const because = (code: IssueCode, message: string, values?: Params) => ({
  message,
  params: { code, values },
});

const formats: Record<string, IssueCode> = {
  email: 'not_email',
  url: 'not_url',
  datetime: 'not_datetime',
  date: 'not_date',
};

/**
 * What a zod issue says, as one of our codes and its values: sizes from the rule itself (`max`,
 * `min`), a refinement's own code from its `params: { code }` (schema/shared/rules.ts).
 */
export function codeOf(issue: z.core.$ZodIssue): { code: IssueCode; params?: Params } {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_many', params: { max } };
      }
      return { code: 'too_big', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? { code: 'empty' } : { code: 'too_short', params: { min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_few', params: { min } };
      }
      return { code: 'too_small', params: { min } };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'not_integer' };
      return issue.input === undefined ? { code: 'required' } : { code: 'invalid' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'not_allowed' };
    case 'invalid_format':
      return { code: formats[issue.format] ?? 'bad_format' };
    case 'custom': {
      const code = (issue.params as { code?: IssueCode } | undefined)?.code;
      return code
        ? { code, params: (issue.params as { values?: Params }).values }
        : { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/**
 * What `read` gives, once `check` has passed too. They run side by side, so a read no longer waits a
 * round trip for the check of its input (a read about an unknown id finds nothing, harmlessly); the
 * check's error wins over the read's. For reads only: a write must not start before its check.
 */
export async function afterCheck<T>(check: Promise<unknown>, read: Promise<T>): Promise<T> {
  const [checked, result] = await Promise.allSettled([check, read]);
  if (checked.status === 'rejected') throw checked.reason;
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
