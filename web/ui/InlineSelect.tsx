/** A select inside its label, for a toolbar: one choice among `options`, each said by `words`. */
export function InlineSelect<T extends string>({
  id,
  label,
  title,
  value,
  options,
  words,
  onValue,
}: {
  id: string;
  label: string;
  title?: string;
  value: T;
  options: readonly T[];
  words: (option: T) => string;
  onValue: (value: T) => void;
}) {
  return (
    <label class="inline" title={title}>
      {label}{' '}
      <select
        id={id}
        value={value}
        onChange={(e) => onValue((e.target as HTMLSelectElement).value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
