import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { displayName, enumText, fmtDate, locale, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { createFollowUpMutation } from '../follow-ups/queries.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt, isoDay } from '../outreach/result.ts';
import { TextField } from '../outreach/TextField.tsx';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { introductionHistoryQuery } from './queries.ts';

const fmtTime = (iso: string) =>
  new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** One introduction: who, whom, where to, every stage move (who, when, note), and a follow-up. */
export function HistoryPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const [loaded] = useLoad((signal) => request(introductionHistoryQuery, { id }, signal), [id]);
  const waiting = loadingText(loaded);
  const intro = loaded.state === 'shown' ? loaded.data.introduction : null;
  return (
    <aside
      class="details history-panel"
      id="history"
      data-id={id}
      aria-label={t('pipeline.history')}
    >
      <header class="pane-head">
        <h3>{t('pipeline.history')}</h3>
        <button type="button" class="button small" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {waiting && <p class="muted">{waiting}</p>}
      {intro && (
        <>
          <dl class="facts small">
            <dt>{t('pipeline.talent')}</dt>
            <dd>
              {intro.talent && (
                <a href={href('explore', { open: intro.talent.id })}>{displayName(intro.talent)}</a>
              )}
            </dd>
            <dt>{t('pipeline.target')}</dt>
            <dd>{intro.target ? displayName(intro.target) : '—'}</dd>
            <dt>{t('pipeline.introducer')}</dt>
            <dd>{intro.introducer ? displayName(intro.introducer) : '—'}</dd>
            <dt>{t('pipeline.owner')}</dt>
            <dd>{intro.ownerName ?? t('pipeline.noOwner')}</dd>
            {intro.path.length > 0 && (
              <>
                <dt>{t('pipeline.path')}</dt>
                <dd>
                  <ol class="intro-path" id="history-path">
                    {intro.path.map((p) => (
                      <li key={p.id} data-id={p.id}>
                        <a href={href('explore', { open: p.id })}>{displayName(p)}</a>
                      </li>
                    ))}
                  </ol>
                </dd>
              </>
            )}
          </dl>
          {intro.note && <p class="small">{intro.note}</p>}
          <ol class="moves" id="history-moves">
            {intro.history.map((m) => (
              <li key={m.id} data-to={m.to}>
                <strong>
                  {m.from ? `${enumText('stage', m.from)} → ` : ''}
                  {enumText('stage', m.to)}
                </strong>
                {m.override && <span class="badge warn">{t('pipeline.overrideBadge')}</span>}
                <div class="muted small">
                  {fmtTime(m.at)} · {m.byName ?? m.by}
                </div>
                {m.note && <div class="small">{m.note}</div>}
              </li>
            ))}
          </ol>
          <FollowUpForm subject={id} />
        </>
      )}
    </aside>
  );
}

function FollowUpForm({ subject }: { subject: string }) {
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(isoDay(7));
  const [problem, setProblem] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const input = { title, dueOn, subject };
    const made = await attempt(
      async () => (await request(createFollowUpMutation, { input })).createFollowUp,
      setProblem,
    );
    if (!made) return;
    status.value = t('pipeline.followUpAdded', { title: made.title });
    setTitle('');
  };
  return (
    <form class="stack-form" id="follow-up-form" onSubmit={(e) => void submit(e)}>
      <h4>{t('pipeline.followUp')}</h4>
      <TextField
        id="follow-up-title"
        label={t('pipeline.followUpTitle')}
        required
        maxLength={300}
        value={title}
        onValue={setTitle}
      />
      <TextField
        id="follow-up-due"
        label={t('pipeline.followUpDue')}
        type="date"
        required
        value={dueOn}
        onValue={setDueOn}
      />
      <p class="muted small">{fmtDate(dueOn)}</p>
      <button type="submit" class="button" disabled={!title.trim() || !dueOn}>
        {t('pipeline.followUp')}
      </button>
      <Problem text={problem} />
    </form>
  );
}
