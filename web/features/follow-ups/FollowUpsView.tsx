import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { fmtDate, type MessageKey, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt, isoDay } from '../outreach/result.ts';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { completeFollowUpMutation, type FollowUpRow, myFollowUpsQuery } from './queries.ts';

/** Where a follow-up's subject (a Person, Event or Introduction global id) opens. */
function subjectLink(subject: string): { kind: string; href: string } {
  const kind = subject.split(':')[0] ?? '';
  if (kind === 'Event') return { kind, href: href('events', { event: subject }) };
  if (kind === 'Introduction') return { kind, href: href('pipeline', { open: subject }) };
  return { kind, href: href('explore', { open: subject }) };
}

/** My open follow-ups due by a day (default today), overdue first; mark one done. */
export function FollowUpsView() {
  const [due, setDue] = useState(isoDay());
  const [loaded, reload] = useLoad(
    (signal) => request(myFollowUpsQuery, { due, first: 200 }, signal),
    [due],
  );
  const [problem, setProblem] = useState('');
  const waiting = loadingText(loaded);

  const done = async (row: FollowUpRow) => {
    const completed = await attempt(
      async () => (await request(completeFollowUpMutation, { id: row.id })).completeFollowUp,
      setProblem,
    );
    if (!completed) return;
    status.value = t('followUps.completed', { title: row.title });
    reload();
  };

  return (
    <main class="page" id="follow-ups">
      <h2>{t('followUps.title')}</h2>
      <div class="inline-form">
        <label class="field-label" for="follow-ups-due">
          {t('followUps.due')}
        </label>
        <input
          id="follow-ups-due"
          class="input narrow"
          type="date"
          value={due}
          onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            if (value) setDue(value);
          }}
        />
      </div>
      <Problem text={problem} />
      {waiting && <p class="muted">{waiting}</p>}
      {loaded.state === 'shown' &&
        (loaded.data.myFollowUps.length === 0 ? (
          <p class="muted" id="follow-ups-none">
            {t('followUps.none')}
          </p>
        ) : (
          <ul class="record-list" id="follow-up-list">
            {loaded.data.myFollowUps.map((row) => {
              const subject = subjectLink(row.subject);
              return (
                <li key={row.id} data-id={row.id} class={row.overdue ? 'overdue' : undefined}>
                  <div>
                    <strong>{row.title}</strong>{' '}
                    {row.overdue ? (
                      <span class="badge warn">{t('followUps.overdue')}</span>
                    ) : (
                      <span class="badge">{t('followUps.dueToday')}</span>
                    )}
                    <div class="muted small">
                      {t('followUps.dueOn', { date: fmtDate(row.dueOn) })} ·{' '}
                      <a href={subject.href}>{t(`followUps.kind.${subject.kind}` as MessageKey)}</a>
                    </div>
                  </div>
                  <button
                    type="button"
                    class="button"
                    aria-label={t('followUps.markDoneLabel', { title: row.title })}
                    onClick={() => void done(row)}
                  >
                    {t('followUps.markDone')}
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
    </main>
  );
}
