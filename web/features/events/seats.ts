import { t } from '../../app/i18n.ts';
import type { EventRow, InvitationRow, InvitationStatus } from './queries.ts';

/** "12 / 40 seats" or "12 accepted · no limit". */
export function seatsText(event: Pick<EventRow, 'seatsTaken' | 'capacity'>): string {
  return event.capacity === null
    ? t('events.seatsOpen', { taken: event.seatsTaken })
    : t('events.seats', { taken: event.seatsTaken, capacity: event.capacity });
}

/** How many invitations are in each status. Pure. */
export function countByStatus(invitations: Pick<InvitationRow, 'status'>[]) {
  const counts: Partial<Record<InvitationStatus, number>> = {};
  for (const i of invitations) counts[i.status] = (counts[i.status] ?? 0) + 1;
  return (status: InvitationStatus) => counts[status] ?? 0;
}
