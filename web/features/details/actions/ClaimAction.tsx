import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../../api/fragments.ts';
import { request } from '../../../app/api.ts';
import { t } from '../../../app/i18n.ts';
import { session } from '../../../app/session.ts';
import { TextField } from '../../outreach/TextField.tsx';
import { loadingText, useLoad } from '../../outreach/use-load.ts';
import { optionalText } from './forms.ts';
import { Outcome, useAction } from './parts.tsx';
import { claimPersonMutation, personClaimsQuery } from './queries.ts';

/** "I am approaching this person": the active claims on them, and a claim of our own. */
export function ClaimAction({ person }: { person: EntitySummary }) {
  const [claims, reload] = useLoad(
    (signal) => request(personClaimsQuery, { id: person.id }, signal),
    [person.id],
  );
  const [claimant, setClaimant] = useState(session.value.account?.name ?? '');
  const [note, setNote] = useState('');
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const input = { person: person.id, claimant: claimant.trim(), note: optionalText(note) };
    const made = await action.run(
      async () => (await request(claimPersonMutation, { input })).claimPerson,
      (data) => t('actions.claimed', { who: data.claimant }),
    );
    if (made) reload();
  };

  const waiting = loadingText(claims);
  const node = claims.state === 'shown' ? claims.data.node : null;
  const active = node?.__typename === 'Person' ? node.claims : [];
  return (
    <form class="action-form" id="claim-form" onSubmit={(e) => void submit(e)}>
      {waiting ? (
        <p class="muted small">{waiting}</p>
      ) : active.length ? (
        <ul class="claims small" id="claim-list">
          {active.map((c) => (
            <li key={c.id}>
              {t('people.claimed', { who: c.claimant, since: c.since })}
              {c.teamName && <span class="muted"> · {c.teamName}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('actions.noClaims')}</p>
      )}
      <TextField
        id="claim-claimant"
        label={t('actions.claimant')}
        value={claimant}
        onValue={setClaimant}
        required
        maxLength={200}
      />
      <TextField id="claim-note" label={t('actions.note')} value={note} onValue={setNote} />
      <button type="submit" class="button small" disabled={action.busy}>
        {t('actions.claim')}
      </button>
      <Outcome id="claim" problem={action.problem} done={action.done} />
    </form>
  );
}
