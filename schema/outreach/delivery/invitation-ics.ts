/**
 * The calendar file (.ics) of an invitation: attached to the invitation and confirmation e-mails and
 * served from the RSVP page. The UID is the event's, and SEQUENCE grows with the event's last change,
 * so a calendar that imported an earlier file replaces it; a cancelled event says CANCELLED.
 * `method`: PUBLISH with an invitation or confirmation, REQUEST with a change notice (the calendar
 * updates the entry it has), CANCEL when the event is cancelled (the calendar removes it).
 */
import { createEvent } from 'ics';
import type { InvitationData } from './invitation-data.ts';
import { languageOf } from './invitation-data.ts';

/** Events have a start only: the calendar entry lasts this long. */
const assumedHours = 2;

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export function invitationIcs(
  data: InvitationData,
  rsvpUrl: string,
  method: IcsMethod = 'PUBLISH',
): string {
  const { event } = data;
  const zh = languageOf(data.person) === 'zh';
  const host = (zh ? event.host : (event.hostLatin ?? event.host)) ?? undefined;
  const city = zh ? event.city : (event.cityLatin ?? event.city);
  const { error, value } = createEvent({
    productId: 'talentgraph/invitations',
    method,
    uid: `event-${event.id}@talentgraph`,
    sequence: event.sequence,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: assumedHours },
    title: event.name,
    location: [event.venue, city].filter(Boolean).join(', ') || undefined,
    // No ORGANIZER: calendars require it to carry an e-mail address.
    description: [host, zh ? `回复：${rsvpUrl}` : `RSVP: ${rsvpUrl}`].filter(Boolean).join('\n'),
    // ics checks that a URL is absolute: a server without PUBLIC_URL in tests may have none.
    ...(/^https?:\/\//.test(rsvpUrl) ? { url: rsvpUrl } : {}),
    status: event.status === 'cancelled' || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return value;
}
