import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { EntitySummary, EntityType, MutationResult } from '../../../api/fragments.ts';
import { displayName, t } from '../../../app/i18n.ts';
import { status } from '../../../app/status.ts';
import { Problem } from '../../outreach/Problem.tsx';
import { attempt } from '../../outreach/result.ts';
import { SearchBox } from '../../search/SearchBox.tsx';

/**
 * One action's state: runs a mutation, keeps the API's typed error (shown by `Outcome`) or a short
 * confirmation, which also goes to the status line.
 */
export function useAction() {
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  async function run<T>(
    call: () => Promise<MutationResult<T>>,
    confirm: (data: T) => string,
  ): Promise<T | null> {
    setDone('');
    setBusy(true);
    const data = await attempt(call, setProblem);
    setBusy(false);
    if (data !== null) {
      const text = confirm(data);
      setDone(text);
      status.value = text;
    }
    return data;
  }
  return { problem, done, busy, run };
}

/** The refusal (role=alert) or the confirmation (role=status) under an action's form. */
export function Outcome({ id, problem, done }: { id: string; problem: string; done: string }) {
  return (
    <>
      <Problem id={`${id}-problem`} text={problem} />
      {done && (
        <p class="done small" id={`${id}-done`} role="status">
          {done}
        </p>
      )}
    </>
  );
}

/** An action in the panel: a disclosure whose form mounts (and loads) only when opened. */
export function ActionBox({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: () => ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      class="action"
      id={id}
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{title}</summary>
      {open && children()}
    </details>
  );
}

/** A search box that picks one entity of the given types and says which one is chosen. */
export function EntityPick({
  id,
  label,
  types,
  chosen,
  onChoose,
}: {
  id: string;
  label: string;
  types: EntityType[];
  chosen: EntitySummary | null;
  onChoose: (entity: EntitySummary) => void;
}) {
  return (
    <div class="entity-pick">
      <SearchBox id={id} label={label} types={types} first={8} clearOnChoose onChoose={onChoose} />
      <p class="small" id={`${id}-chosen`} data-id={chosen?.id} aria-live="polite">
        {chosen ? t('actions.chosen', { name: displayName(chosen) }) : t('actions.noneChosen')}
      </p>
    </div>
  );
}
