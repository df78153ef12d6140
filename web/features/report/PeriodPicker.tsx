import { type MessageKey, t } from '../../app/i18n.ts';
import { type Period, presetPeriod, presets } from './report-data.ts';

/**
 * A period of whole days: preset buttons and from/to date inputs (`${id}-from`, `${id}-to`).
 * An emptied date input keeps the previous value, so the period is always complete.
 */
export function PeriodPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Period;
  onChange: (next: Period) => void;
}) {
  const dateInput = (end: keyof Period) => (
    <>
      <label class="field-label" for={`${id}-${end}`}>
        {t(`report.${end}`)}
      </label>
      <input
        id={`${id}-${end}`}
        class="input"
        type="date"
        value={value[end]}
        min={end === 'to' ? value.from : undefined}
        max={end === 'from' ? value.to : undefined}
        onInput={(e) => {
          const day = (e.target as HTMLInputElement).value;
          if (day) onChange({ ...value, [end]: day });
        }}
      />
    </>
  );
  return (
    <fieldset class="plain">
      <legend class="field-label">{t('report.period')}</legend>
      <div class="actions">
        {presets.map((p) => (
          <button
            type="button"
            key={p}
            class="button small"
            data-preset={p}
            onClick={() => onChange(presetPeriod(p, new Date()))}
          >
            {t(`report.${p}` as MessageKey)}
          </button>
        ))}
      </div>
      {dateInput('from')}
      {dateInput('to')}
    </fieldset>
  );
}
