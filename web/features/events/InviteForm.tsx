import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt } from '../outreach/result.ts';
import { useLoad } from '../outreach/use-load.ts';
import { segmentsQuery } from '../segments/queries.ts';
import { inviteToEventMutation } from './queries.ts';

/** Invites a segment (its members now) or a list; the API skips anyone invited before. */
export function InviteForm({ eventId, onInvited }: { eventId: string; onInvited: () => void }) {
  const [sources] = useLoad((signal) => request(segmentsQuery, { first: 100 }, signal), []);
  const [source, setSource] = useState('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');

  const invite = async (event: Event) => {
    event.preventDefault();
    setDone('');
    const [kind, id] = source.split('|') as ['segment' | 'list', string];
    const input = { event: eventId, [kind]: id };
    const result = await attempt(
      async () => (await request(inviteToEventMutation, { input })).inviteToEvent,
      setProblem,
    );
    if (!result) return;
    const text = t('events.invited', {
      invited: result.invited,
      already: result.alreadyInvited,
      dnc: result.doNotContact,
      noConsent: result.noConsent,
    });
    setDone(text);
    status.value = text;
    onInvited();
  };

  return (
    <form class="inline-form invite-form" id="invite-form" onSubmit={(e) => void invite(e)}>
      <label class="field-label" for="invite-source">
        {t('events.inviteFrom')}
      </label>
      <select
        id="invite-source"
        value={source}
        onChange={(e) => setSource((e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('events.chooseSource')}</option>
        {sources.state === 'shown' && (
          <>
            <optgroup label={t('segments.title')}>
              {sources.data.segments.map((s) => (
                <option key={s.id} value={`segment|${s.id}`}>
                  {s.name} ({t('outreach.people', { n: s.memberCount })})
                </option>
              ))}
            </optgroup>
            <optgroup label={t('segments.lists')}>
              {sources.data.personLists.map((l) => (
                <option key={l.id} value={`list|${l.id}`}>
                  {l.name} ({t('outreach.people', { n: l.memberCount })})
                </option>
              ))}
            </optgroup>
          </>
        )}
      </select>
      <button type="submit" class="button primary" disabled={!source}>
        {t('events.invite')}
      </button>
      {done && (
        <p class="small" id="invite-result">
          {done}
        </p>
      )}
      <Problem text={problem} />
    </form>
  );
}
