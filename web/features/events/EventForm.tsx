import { useState } from 'preact/hooks';
import { eventKinds } from '../../../schema/outreach/stages.ts';
import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { enumText, locale, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { commonTimeZones, zonedToIso, zoneLabel } from '../outreach/dates.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt } from '../outreach/result.ts';
import { TextField } from '../outreach/TextField.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { createEventMutation, type EventKind } from './queries.ts';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = [...new Set([...commonTimeZones, browserZone])];

/** Plans a new event: kind, name, local date and time in a chosen time zone, city, venue, capacity, whether invitees may bring a colleague. */
export function EventForm() {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EventKind>('special_session');
  const [local, setLocal] = useState('');
  const [zone, setZone] = useState('Asia/Shanghai');
  const [city, setCity] = useState<EntitySummary | null>(null);
  const [venue, setVenue] = useState('');
  const [capacity, setCapacity] = useState('');
  const [colleagues, setColleagues] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem('');
    const startsAt = zonedToIso(local, zone);
    if (!startsAt) {
      setProblem(t('outreach.refused', { message: t('events.startsAt') }));
      return;
    }
    const input = {
      name,
      kind,
      startsAt,
      timeZone: zone,
      city: city?.id ?? null,
      venue: venue.trim() || null,
      capacity: capacity ? Number(capacity) : null,
      colleaguesAllowed: colleagues,
    };
    const created = await attempt(
      async () => (await request(createEventMutation, { input })).createEvent,
      setProblem,
    );
    if (!created) return;
    status.value = t('events.created', { name: created.name });
    window.location.hash = href('events', { event: created.id });
  };

  return (
    <form class="stack-form" id="event-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('events.new')}</h2>
      <TextField
        id="event-name"
        label={t('events.name')}
        required
        maxLength={200}
        value={name}
        onValue={setName}
      />
      <label class="field-label" for="event-kind">
        {t('events.kind')}
      </label>
      <select
        id="event-kind"
        value={kind}
        onChange={(e) => setKind((e.target as HTMLSelectElement).value as EventKind)}
      >
        {eventKinds.map((k) => (
          <option key={k} value={k}>
            {enumText('eventKind', k)}
          </option>
        ))}
      </select>
      <TextField
        id="event-starts"
        label={t('events.startsAt')}
        type="datetime-local"
        required
        value={local}
        onValue={setLocal}
      />
      <label class="field-label" for="event-zone">
        {t('events.timeZone')}
      </label>
      <select
        id="event-zone"
        value={zone}
        onChange={(e) => setZone((e.target as HTMLSelectElement).value)}
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {zoneLabel(z, locale.value)}
          </option>
        ))}
      </select>
      <SearchBox
        id="event-city"
        label={t('events.city')}
        types={['Place']}
        clearOnChoose
        onChoose={setCity}
      />
      {city && (
        <p class="chips">
          <span class="chip" id="event-city-chosen">
            {city.name}
            <button
              type="button"
              class="chip-remove"
              aria-label={t('report.clear', { name: city.name })}
              onClick={() => setCity(null)}
            >
              ×
            </button>
          </span>
        </p>
      )}
      <TextField
        id="event-venue"
        label={t('events.venue')}
        maxLength={300}
        value={venue}
        onValue={setVenue}
      />
      <TextField
        id="event-capacity"
        label={t('events.capacity')}
        hint={t('events.capacityHint')}
        type="number"
        min={1}
        max={100000}
        value={capacity}
        onValue={setCapacity}
      />
      <label class="check" for="event-colleagues">
        <input
          id="event-colleagues"
          type="checkbox"
          checked={colleagues}
          onChange={(e) => setColleagues((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('events.colleaguesAllowed')}
      </label>
      <button type="submit" class="button primary" disabled={!name.trim() || !local}>
        {t('events.create')}
      </button>
      <Problem text={problem} />
    </form>
  );
}
