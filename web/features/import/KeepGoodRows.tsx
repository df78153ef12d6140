import { t } from '../../app/i18n.ts';

/** The "import the good rows even if some are bad" check box of both import wizards. */
export function KeepGoodRows({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
      />
      {t('import.keepGood')}
    </label>
  );
}
