import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../../api/fragments.ts';
import { request } from '../../../app/api.ts';
import { displayName, t } from '../../../app/i18n.ts';
import { TextField } from '../../outreach/TextField.tsx';
import { ChannelSelect } from './ChannelSelect.tsx';
import { optionalText } from './forms.ts';
import { EntityPick, Outcome, useAction } from './parts.tsx';
import { createIntroductionMutation, type OutreachChannel } from './queries.ts';

/** Start an introduction (引荐) of this person: who introduces them to which organisation or project. */
export function IntroductionAction({ person }: { person: EntitySummary }) {
  const [introducer, setIntroducer] = useState<EntitySummary | null>(null);
  const [target, setTarget] = useState<EntitySummary | null>(null);
  const [channel, setChannel] = useState<OutreachChannel | ''>('');
  const [note, setNote] = useState('');
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!introducer || !target) return;
    const input = {
      introducer: introducer.id,
      talent: person.id,
      target: target.id,
      channel: channel || null,
      note: optionalText(note),
    };
    const made = await action.run(
      async () => (await request(createIntroductionMutation, { input })).createIntroduction,
      () => t('actions.introduced', { target: displayName(target) }),
    );
    if (made) setNote('');
  };

  return (
    <form class="action-form" id="intro-form" onSubmit={(e) => void submit(e)}>
      <EntityPick
        id="intro-introducer"
        label={t('actions.introducer')}
        types={['Person']}
        chosen={introducer}
        onChoose={setIntroducer}
      />
      <EntityPick
        id="intro-target"
        label={t('actions.target')}
        types={['Organization', 'Project']}
        chosen={target}
        onChoose={setTarget}
      />
      <ChannelSelect id="intro-channel" value={channel} onValue={setChannel} optional />
      <TextField id="intro-note" label={t('actions.note')} value={note} onValue={setNote} />
      <button type="submit" class="button small" disabled={!introducer || !target || action.busy}>
        {t('actions.introduce')}
      </button>
      <Outcome id="intro" problem={action.problem} done={action.done} />
    </form>
  );
}
