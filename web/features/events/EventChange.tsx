import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { fmtDate, t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { commonTimeZones, isoToZoned, zonedToIso } from '../outreach/dates.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt } from '../outreach/result.ts';
import { TextField } from '../outreach/TextField.tsx';
import { type EventPageData, notifyEventChangeMutation, updateEventMutation } from './queries.ts';
import { sendingReported } from './SendInvitations.tsx';

/**
 * Changing an event's time or place, then telling the people coming. Staff trigger the notice (one
 * button after the edit) rather than every save mailing at once: two quick corrections send one
 * notice, and the planner decides when it goes out. The screen then says everyone was told.
 */
export function EventChange({
  event,
  emailOn,
  onChange,
}: {
  event: EventPageData;
  emailOn: boolean;
  onChange: () => void;
}) {
  const zone = event.timeZone ?? 'Asia/Shanghai';
  const [local, setLocal] = useState(event.startsAt ? isoToZoned(event.startsAt, zone) : '');
  const [timeZone, setTimeZone] = useState(zone);
  const [venue, setVenue] = useState(event.venue ?? '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const open = event.status === 'planned' || event.status === 'open';

  const save = async (e: Event) => {
    e.preventDefault();
    setProblem('');
    const startsAt = zonedToIso(local, timeZone);
    if (!startsAt) return setProblem(t('outreach.refused', { message: t('events.startsAt') }));
    const saved = await attempt(
      async () =>
        (
          await request(updateEventMutation, {
            id: event.id,
            input: { startsAt, timeZone, venue: venue.trim() || null },
          })
        ).updateEvent,
      setProblem,
    );
    if (!saved) return;
    status.value = t('events.saved');
    onChange();
  };

  const notify = async () => {
    setBusy(true);
    try {
      const result = await attempt(
        async () =>
          (await request(notifyEventChangeMutation, { event: event.id })).notifyEventChange,
        setProblem,
      );
      if (result?.job) await sendingReported(result.job.id, 'events.notifyDone');
      onChange();
    } finally {
      setBusy(false);
    }
  };

  const owed = event.changeNoticesOwed;
  return (
    <section class="event-change" id="event-change" data-owed={owed}>
      {open && (
        <details>
          <summary>{t('events.edit')}</summary>
          <form class="stack-form" id="event-edit" onSubmit={(e) => void save(e)}>
            <TextField
              id="event-edit-starts"
              label={t('events.startsAt')}
              type="datetime-local"
              required
              value={local}
              onValue={setLocal}
            />
            <label class="field-label" for="event-edit-zone">
              {t('events.timeZone')}
            </label>
            <select
              id="event-edit-zone"
              value={timeZone}
              onChange={(e) => setTimeZone((e.target as HTMLSelectElement).value)}
            >
              {[...new Set([...commonTimeZones, zone])].map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <TextField
              id="event-edit-venue"
              label={t('events.venue')}
              maxLength={300}
              value={venue}
              onValue={setVenue}
            />
            <button type="submit" class="button" disabled={!local}>
              {t('events.save')}
            </button>
          </form>
        </details>
      )}
      {event.changedAt && (
        <p class="muted" id="event-changed">
          {t('events.changed', { at: fmtDate(event.changedAt) })}{' '}
          {owed === 0 && <span id="change-told">{t('events.notified')}</span>}
        </p>
      )}
      {owed > 0 &&
        (emailOn ? (
          <button
            type="button"
            class="button primary"
            id="notify-change-button"
            disabled={busy}
            onClick={() => void notify()}
          >
            {busy ? t('events.notifying') : t('events.notify', { n: owed })}
          </button>
        ) : (
          <p class="muted" id="notify-mail-off">
            {t('events.notifyMailOff', { n: owed })}
          </p>
        ))}
      <Problem id="change-problem" text={problem} />
    </section>
  );
}
