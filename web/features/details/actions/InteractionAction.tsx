import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../../api/fragments.ts';
import { request } from '../../../app/api.ts';
import { enumText, t } from '../../../app/i18n.ts';
import { TextField } from '../../outreach/TextField.tsx';
import { ChannelSelect } from './ChannelSelect.tsx';
import { optionalText } from './forms.ts';
import { Outcome, useAction } from './parts.tsx';
import { logInteractionMutation, type OutreachChannel } from './queries.ts';

/** Log a contact with this person (channel and note), now. */
export function InteractionAction({ person }: { person: EntitySummary }) {
  const [channel, setChannel] = useState<OutreachChannel | ''>('wechat');
  const [note, setNote] = useState('');
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!channel) return;
    const input = { person: person.id, channel, note: optionalText(note) };
    const logged = await action.run(
      async () => (await request(logInteractionMutation, { input })).logInteraction,
      (data) => t('actions.logged', { channel: enumText('channel', data.channel) }),
    );
    if (logged) setNote('');
  };

  return (
    <form class="action-form" id="interaction-form" onSubmit={(e) => void submit(e)}>
      <ChannelSelect id="interaction-channel" value={channel} onValue={setChannel} />
      <TextField id="interaction-note" label={t('actions.note')} value={note} onValue={setNote} />
      <button type="submit" class="button small" disabled={action.busy}>
        {t('actions.log')}
      </button>
      <Outcome id="interaction" problem={action.problem} done={action.done} />
    </form>
  );
}
