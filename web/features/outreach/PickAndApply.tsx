import { useState } from 'preact/hooks';

/**
 * A select of choices and a button that applies the chosen one: the keyboard way to move a card or
 * change a status (Tab to the select, arrows to choose, Tab and Enter to apply).
 */
export function PickAndApply<T extends string>({
  choices,
  labelOf,
  selectLabel,
  placeholder,
  buttonLabel,
  className,
  onApply,
}: {
  choices: readonly T[];
  labelOf: (choice: T) => string;
  selectLabel: string;
  placeholder: string;
  buttonLabel: string;
  className: string;
  onApply: (choice: T) => void;
}) {
  const [chosen, setChosen] = useState<T | ''>('');
  if (!choices.length) return null;
  return (
    <span class={className}>
      <select
        aria-label={selectLabel}
        value={chosen}
        onChange={(e) => setChosen((e.target as HTMLSelectElement).value as T)}
      >
        <option value="">{placeholder}</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {labelOf(c)}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="button small"
        disabled={!chosen}
        onClick={() => {
          if (chosen) onApply(chosen);
          setChosen('');
        }}
      >
        {buttonLabel}
      </button>
    </span>
  );
}
