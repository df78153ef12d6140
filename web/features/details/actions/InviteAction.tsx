import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../../api/fragments.ts';
import { request } from '../../../app/api.ts';
import { fmtDate, t } from '../../../app/i18n.ts';
import { eventsQuery, inviteToEventMutation } from '../../events/queries.ts';
import { loadingText, useLoad } from '../../outreach/use-load.ts';
import { Outcome, useAction } from './parts.tsx';

/** Invite this person to a planned or open event; the API says if they were invited before. */
export function InviteAction({ person }: { person: EntitySummary }) {
  const [events] = useLoad((signal) => request(eventsQuery, { first: 100 }, signal), []);
  const [eventId, setEventId] = useState('');
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!eventId) return;
    const input = { event: eventId, people: [person.id] };
    await action.run(
      async () => (await request(inviteToEventMutation, { input })).inviteToEvent,
      (data) =>
        t('events.invited', {
          invited: data.invited,
          already: data.alreadyInvited,
          dnc: data.doNotContact,
          noConsent: data.noConsent,
        }),
    );
  };

  const waiting = loadingText(events);
  if (waiting) return <p class="muted small">{waiting}</p>;
  const open =
    events.state === 'shown'
      ? events.data.events.filter((e) => e.status === 'planned' || e.status === 'open')
      : [];
  if (!open.length) return <p class="muted small">{t('actions.noEvents')}</p>;
  return (
    <form class="action-form" id="invite-person-form" onSubmit={(e) => void submit(e)}>
      <label class="field-label" for="invite-event">
        {t('actions.event')}
      </label>
      <select
        id="invite-event"
        required
        value={eventId}
        onChange={(e) => setEventId((e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('actions.chooseEvent')}</option>
        {open.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
            {e.startsAt ? ` · ${fmtDate(e.startsAt)}` : ''}
          </option>
        ))}
      </select>
      <button type="submit" class="button small" disabled={!eventId || action.busy}>
        {t('actions.invite')}
      </button>
      <Outcome id="invite-person" problem={action.problem} done={action.done} />
    </form>
  );
}
