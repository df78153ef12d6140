import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { messageOf } from '../../ui/result.ts';

/**
 * Runs an import job of either wizard (a roster, a dataset): starts it, polls it every 700 ms while
 * it runs, showing each state, and says in the status line when it fails. `busy` is true meanwhile.
 */
export function useJob<J extends { id: string }>(
  read: (id: string) => Promise<J | null | undefined>,
  isRunning: (job: J) => boolean,
) {
  const [busy, setBusy] = useState(false);
  const poll = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(poll.current), []);

  function failed(error: unknown) {
    status.value = `${t('import.failed')}: ${messageOf(error)}`;
    setBusy(false);
  }

  /** Starts the job (`begin`), then hands each state of it to `show` and the last one to `ended`. */
  async function run(begin: () => Promise<J>, show: (job: J) => void, ended: (job: J) => void) {
    setBusy(true);
    status.value = t('import.checking');
    async function follow(current: J) {
      show(current);
      if (isRunning(current)) {
        poll.current = setTimeout(async () => {
          try {
            const next = await read(current.id);
            if (next) await follow(next);
          } catch (error) {
            failed(error);
          }
        }, 700);
        return;
      }
      setBusy(false);
      ended(current);
    }
    try {
      await follow(await begin());
    } catch (error) {
      failed(error);
    }
  }

  return { busy, run };
}
