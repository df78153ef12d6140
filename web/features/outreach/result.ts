import type { MutationError, MutationResult } from '../../api/fragments.ts';
import { type MessageKey, t } from '../../app/i18n.ts';
import { errorText } from '../../app/problems.ts';

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: MutationError };

/** A mutation's result as success or its typed error. */
export function outcome<T>(result: MutationResult<T>): Outcome<T> {
  return 'data' in result ? { ok: true, data: result.data } : { ok: false, error: result };
}

/**
 * Runs a mutation. On success returns its data; on a typed error (or a failed request) calls
 * `onProblem` with the text to show (the API's reason, under `refusedKey`) and returns null.
 * `onProblem('')` clears the previous problem first.
 */
export async function attempt<T>(
  run: () => Promise<MutationResult<T>>,
  onProblem: (text: string) => void,
  refusedKey: MessageKey = 'outreach.refused',
): Promise<T | null> {
  onProblem('');
  try {
    const result = outcome(await run());
    if (result.ok) return result.data;
    onProblem(t(refusedKey, { message: errorText(result.error) }));
  } catch (e) {
    onProblem(t('outreach.failed', { message: (e as Error).message }));
  }
  return null;
}

/** Today (or `days` from today) as YYYY-MM-DD in the browser's time zone. */
export function isoDay(days = 0, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
