import { request } from '../../app/api.ts';
import { enumText, fmtNumber, locale, t } from '../../app/i18n.ts';
import { href, route } from '../../app/router.ts';
import { canEdit } from '../../app/session.ts';
import { fmtEventTime } from '../outreach/dates.ts';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { EventForm } from './EventForm.tsx';
import { EventPage } from './EventPage.tsx';
import { eventsQuery } from './queries.ts';
import { seatsText } from './seats.ts';

/** Events: the list and a form for a new one; #/events?event=… opens an event's page. */
export function EventsView() {
  const eventId = route.value.params.get('event');
  const [events] = useLoad((signal) => request(eventsQuery, { first: 200 }, signal), [eventId]);
  if (eventId) return <EventPage key={eventId} id={eventId} />;
  const waiting = loadingText(events);
  return (
    <main class="outreach-layout two" id="events">
      <aside class="sidebar outreach-side">
        {canEdit.value ? <EventForm /> : <p class="notice-inline">{t('events.readOnly')}</p>}
      </aside>
      <section class="outreach-main">
        <h2>{t('events.title')}</h2>
        {waiting && <p class="muted">{waiting}</p>}
        {events.state === 'shown' &&
          (events.data.events.length === 0 ? (
            <p class="muted">{t('events.none')}</p>
          ) : (
            <table class="table" id="event-table">
              <thead>
                <tr>
                  <th scope="col">{t('events.name')}</th>
                  <th scope="col">{t('events.kind')}</th>
                  <th scope="col">{t('events.when')}</th>
                  <th scope="col">{t('events.city')}</th>
                  <th scope="col">{t('events.status')}</th>
                  <th scope="col" class="num">
                    {t('events.capacity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.data.events.map((e) => (
                  <tr key={e.id} data-id={e.id}>
                    <td>
                      <a href={href('events', { event: e.id })}>{e.name}</a>
                    </td>
                    <td>{enumText('eventKind', e.kind)}</td>
                    <td class="event-when" title={e.timeZone ? undefined : t('events.zoneUnknown')}>
                      {fmtEventTime(e.startsAt, e.timeZone, locale.value)}
                    </td>
                    <td>{e.city?.name ?? t('events.noCity')}</td>
                    <td>
                      <span class={`badge status-${e.status}`}>
                        {enumText('eventStatus', e.status)}
                      </span>
                    </td>
                    <td class="num">
                      {e.capacity === null ? fmtNumber(e.seatsTaken) : seatsText(e)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </main>
  );
}
