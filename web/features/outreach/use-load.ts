import { useEffect, useState } from 'preact/hooks';
import { t } from '../../app/i18n.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'shown'; data: T };

/**
 * Runs `load` when a dependency changes (the previous run aborted) and again on `reload()`.
 * Returns the state and a reload function.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
): [Loaded<T>, () => void] {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setValue({ state: 'shown', data });
      },
      (e: Error) => {
        if (!controller.signal.aborted) setValue({ state: 'error', message: e.message });
      },
    );
    return () => controller.abort();
  }, [...deps, tick]);
  return [value, () => setTick((n) => n + 1)];
}

/** The loading or error line for a Loaded value that is not shown yet (null once shown). */
export function loadingText(value: Loaded<unknown>): string | null {
  if (value.state === 'loading') return t('outreach.loading');
  if (value.state === 'error') return t('outreach.failed', { message: value.message });
  return null;
}
