import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { displayName, t } from '../../app/i18n.ts';
import { navigate } from '../../app/router.ts';
import { ChannelSelect } from '../details/actions/ChannelSelect.tsx';
import { EntityPick, Outcome, useAction } from '../details/actions/parts.tsx';
import { createIntroductionMutation, type OutreachChannel } from '../details/actions/queries.ts';
import type { IntroductionPath } from './queries.ts';

/**
 * 发起引荐 from a path: the path's first person introduces its last (the target person) to an
 * organisation or project; the path goes with it, in order. Opens the new introduction on the board.
 */
export function StartIntroduction({ path, index }: { path: IntroductionPath; index: number }) {
  const [target, setTarget] = useState<EntitySummary | null>(null);
  const [channel, setChannel] = useState<OutreachChannel | ''>('');
  const action = useAction();
  const people = path.people;
  const introducer = people[0];
  const talent = people[people.length - 1];
  const id = `start-${index}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!introducer || !talent || !target) return;
    const input = {
      introducer: introducer.id,
      talent: talent.id,
      target: target.id,
      channel: channel || null,
      path: people.map((p) => p.id),
    };
    const made = await action.run(
      async () => (await request(createIntroductionMutation, { input })).createIntroduction,
      () => t('actions.introduced', { target: displayName(target) }),
    );
    if (made) navigate('pipeline', { open: made.id });
  };

  if (!introducer || !talent) return null;
  return (
    <form class="action-form start-intro" id={id} onSubmit={(e) => void submit(e)}>
      <p class="small">
        {t('paths.startWho', { introducer: displayName(introducer), talent: displayName(talent) })}
      </p>
      <EntityPick
        id={`${id}-target`}
        label={t('actions.target')}
        types={['Organization', 'Project']}
        chosen={target}
        onChoose={setTarget}
      />
      <ChannelSelect id={`${id}-channel`} value={channel} onValue={setChannel} optional />
      <button type="submit" class="button primary" disabled={!target || action.busy}>
        {t('paths.start')}
      </button>
      <Outcome id={id} problem={action.problem} done={action.done} />
    </form>
  );
}
