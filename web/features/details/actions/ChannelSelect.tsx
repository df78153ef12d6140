import { enumText, t } from '../../../app/i18n.ts';
import { channels } from './forms.ts';
import type { OutreachChannel } from './queries.ts';

/** A labelled select of outreach channels; `optional` adds a blank first choice. */
export function ChannelSelect({
  id,
  value,
  onValue,
  optional,
}: {
  id: string;
  value: OutreachChannel | '';
  onValue: (value: OutreachChannel | '') => void;
  optional?: boolean;
}) {
  return (
    <>
      <label class="field-label" for={id}>
        {t('actions.channel')}
      </label>
      <select
        id={id}
        value={value}
        required={!optional}
        onChange={(e) => onValue((e.target as HTMLSelectElement).value as OutreachChannel | '')}
      >
        {optional && <option value="">{t('actions.noChannel')}</option>}
        {channels.map((c) => (
          <option key={c} value={c}>
            {enumText('channel', c)}
          </option>
        ))}
      </select>
    </>
  );
}
