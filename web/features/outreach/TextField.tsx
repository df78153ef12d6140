/** A labelled text (or date, number, date-time) input: the outreach forms' one kind of field. */
export function TextField({
  id,
  label,
  hint,
  value,
  onValue,
  type = 'text',
  required,
  maxLength,
  min,
  max,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'search' | 'date' | 'datetime-local' | 'number';
  required?: boolean;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
}) {
  return (
    <>
      <label class="field-label" for={id}>
        {label}
        {hint && <span class="muted"> ({hint})</span>}
      </label>
      <input
        id={id}
        class="input"
        type={type as 'text'}
        required={required}
        maxLength={maxLength}
        min={min}
        max={max}
        autocomplete="off"
        value={value}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </>
  );
}
