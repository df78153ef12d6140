import { useState } from 'preact/hooks';
import { eventMoves, invitationMoves } from '../../../schema/outreach/stages.ts';
import { request } from '../../app/api.ts';
import { enumText, fieldText, fmtDate, locale, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { canEdit } from '../../app/session.ts';
import { status } from '../../app/status.ts';
import { fmtEventTime } from '../outreach/dates.ts';
import { ExportButtons } from '../outreach/ExportButtons.tsx';
import { PickAndApply } from '../outreach/PickAndApply.tsx';
import { Problem } from '../outreach/Problem.tsx';
import { exportPeopleQuery } from '../outreach/queries.ts';
import { attempt } from '../outreach/result.ts';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { BulkStatus } from './BulkStatus.tsx';
import { EventChange } from './EventChange.tsx';
import { InviteForm } from './InviteForm.tsx';
import {
  type EventStatus,
  eventQuery,
  type InvitationRow,
  type InvitationStatus,
  setEventStatusMutation,
  setInvitationStatusMutation,
} from './queries.ts';
import { DeliveryCell, SendInvitations } from './SendInvitations.tsx';
import { countByStatus, seatsText } from './seats.ts';

/** One event: facts, status moves, invitations (with waitlist and attendance) and invite. */
export function EventPage({ id }: { id: string }) {
  const [loaded, reload] = useLoad((signal) => request(eventQuery, { id }, signal), [id]);
  const [problem, setProblem] = useState('');
  const waiting = loadingText(loaded);
  if (waiting || loaded.state !== 'shown') return <main class="page">{waiting}</main>;
  const event = loaded.data.node;
  if (!event || !('invitations' in event)) {
    return (
      <main class="page">
        <p class="muted">{t('details.gone')}</p>
      </main>
    );
  }
  const count = countByStatus(event.invitations);
  const emailOn = loaded.data.invitationChannels.some((c) => c.channel === 'email' && c.enabled);
  const open = event.status === 'planned' || event.status === 'open';

  const move = async (to: EventStatus) => {
    const moved = await attempt(
      async () => (await request(setEventStatusMutation, { id, status: to })).setEventStatus,
      setProblem,
      'events.statusRefused',
    );
    // Refused: the event may have moved meanwhile, so show its status now and the moves it allows.
    reload();
    if (!moved) return;
    status.value = t('events.statusChanged', { status: enumText('eventStatus', to) });
  };

  return (
    <main class="page wide" id="event-page" data-id={event.id} data-status={event.status}>
      <p>
        <a href={href('events')}>← {t('events.back')}</a>
      </p>
      <header class="pane-head">
        <h2>{event.name}</h2>
        <span class={`badge status-${event.status}`} id="event-status">
          {enumText('eventStatus', event.status)}
        </span>
      </header>
      <dl class="facts">
        <dt>{t('events.kind')}</dt>
        <dd>{enumText('eventKind', event.kind)}</dd>
        <dt>{t('events.when')}</dt>
        <dd id="event-when" title={event.timeZone ? undefined : t('events.zoneUnknown')}>
          {fmtEventTime(event.startsAt, event.timeZone, locale.value)}
        </dd>
        <dt>{t('events.city')}</dt>
        <dd>{[event.city?.name ?? t('events.noCity'), event.venue].filter(Boolean).join(' · ')}</dd>
        {event.organiser && (
          <>
            <dt>{fieldText('organiser')}</dt>
            <dd>{event.organiser.name}</dd>
          </>
        )}
        <dt>{t('events.capacity')}</dt>
        <dd id="event-seats">
          {seatsText(event)} · {t('events.waitlist', { n: count('waitlisted') })} ·{' '}
          {t('events.attendance', { attended: count('attended'), noShow: count('no_show') })}
        </dd>
      </dl>
      {canEdit.value && eventMoves[event.status].length > 0 && (
        <div class="actions" id="event-moves">
          {eventMoves[event.status].map((to) => (
            <button
              type="button"
              key={to}
              class="button"
              data-status={to}
              onClick={() => void move(to)}
            >
              {t('events.statusTo', { status: enumText('eventStatus', to) })}
            </button>
          ))}
        </div>
      )}
      <Problem id="event-problem" text={problem} />
      {canEdit.value && <EventChange event={event} emailOn={emailOn} onChange={reload} />}
      {canEdit.value && open && <InviteForm eventId={event.id} onInvited={reload} />}
      <section aria-labelledby="invitations-title">
        <header class="pane-head">
          <h3 id="invitations-title">{t('events.invitations', { n: event.invitations.length })}</h3>
          <ExportButtons
            id="event-export"
            load={async (format) =>
              (await request(exportPeopleQuery, { event: id, format })).exportPeople
            }
          />
        </header>
        {canEdit.value && open && event.invitations.length > 0 && (
          <SendInvitations
            eventId={event.id}
            rows={event.invitations}
            emailOn={emailOn}
            onChange={reload}
          />
        )}
        {event.invitations.length === 0 ? (
          <p class="muted">{t('events.noInvitations')}</p>
        ) : (
          <Invitations
            rows={event.invitations}
            eventId={event.id}
            emailOn={emailOn}
            onChange={reload}
          />
        )}
      </section>
    </main>
  );
}

function Invitations({
  rows,
  eventId,
  emailOn,
  onChange,
}: {
  rows: InvitationRow[];
  eventId: string;
  emailOn: boolean;
  onChange: () => void;
}) {
  const [problem, setProblem] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Only rows still shown count: a reload may have dropped one.
  const selected = rows.filter((r) => picked.has(r.id));
  const pick = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  const change = async (row: InvitationRow, to: InvitationStatus) => {
    const changed = await attempt(
      async () =>
        (await request(setInvitationStatusMutation, { id: row.id, status: to }))
          .setInvitationStatus,
      setProblem,
    );
    if (!changed) return;
    status.value = t('events.invitationChanged', {
      name: row.person?.name ?? '',
      status: enumText('invitation', changed.status),
    });
    onChange();
  };
  let waitlist = 0;
  return (
    <>
      <Problem id="invitation-problem" text={problem} />
      {canEdit.value && (
        <BulkStatus
          selected={selected}
          onDone={(changed) => {
            if (changed) setPicked(new Set());
            // Refused too: a row changed meanwhile, so show the rows as they are now.
            onChange();
          }}
        />
      )}
      <table class="table" id="invitation-table">
        <thead>
          <tr>
            {canEdit.value && (
              <th scope="col" class="pick">
                <input
                  type="checkbox"
                  id="invitation-pick-all"
                  aria-label={t('events.selectAll')}
                  checked={rows.length > 0 && selected.length === rows.length}
                  onChange={(e) =>
                    setPicked(
                      new Set(
                        (e.currentTarget as HTMLInputElement).checked ? rows.map((r) => r.id) : [],
                      ),
                    )
                  }
                />
              </th>
            )}
            <th scope="col">{t('events.person')}</th>
            <th scope="col">{t('events.status')}</th>
            <th scope="col">{t('events.invitedAt')}</th>
            <th scope="col">{t('events.mail')}</th>
            {canEdit.value && <th scope="col">{t('events.change')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            if (row.status === 'waitlisted') waitlist += 1;
            return (
              <tr key={row.id} data-id={row.id} data-status={row.status}>
                {canEdit.value && (
                  <td class="pick">
                    <input
                      type="checkbox"
                      class="invitation-pick"
                      aria-label={t('events.select', { name: row.person?.name ?? '' })}
                      checked={picked.has(row.id)}
                      onChange={(e) => pick(row.id, (e.currentTarget as HTMLInputElement).checked)}
                    />
                  </td>
                )}
                <td>
                  {row.person && (
                    <a href={href('explore', { open: row.person.id })}>{row.person.name}</a>
                  )}
                </td>
                <td>
                  <span class={`badge inv-${row.status}`} data-status={row.status}>
                    {enumText('invitation', row.status)}
                    {row.status === 'waitlisted' && ` #${waitlist}`}
                    {row.withColleague && t('events.withColleague')}
                  </span>
                  {row.history.at(-1)?.channel === 'link' && (
                    <small class="muted answered-by-link"> {t('events.answeredByLink')}</small>
                  )}
                </td>
                <td>{fmtDate(row.invitedAt)}</td>
                <DeliveryCell row={row} eventId={eventId} emailOn={emailOn} onChange={onChange} />
                {canEdit.value && (
                  <td>
                    <PickAndApply
                      className="inline-form"
                      choices={invitationMoves[row.status]}
                      labelOf={(m) => enumText('invitation', m)}
                      selectLabel={t('events.changeLabel', { name: row.person?.name ?? '' })}
                      placeholder={t('events.chooseSource')}
                      buttonLabel={t('events.change')}
                      onApply={(to) => void change(row, to)}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
