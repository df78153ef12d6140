import { useEffect, useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { fmtDate, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { messageOf, unwrap } from '../../ui/result.ts';
import {
  deleteSavedViewMutation,
  type SavedViewSummary,
  savedViewsQuery,
  shareSavedViewMutation,
  unshareSavedViewMutation,
} from './queries.ts';

/** Saved views (on the server): mine and those shared with me; open, present, share or delete. */
export function SavedViewsView() {
  const [views, setViews] = useState<SavedViewSummary[] | null>(null);
  const load = () =>
    request(savedViewsQuery, { scope: 'all' }).then(
      ({ savedViews }) => setViews(savedViews),
      (error) => {
        status.value = `${t('views.loadFailed')}: ${messageOf(error)}`;
        setViews([]);
      },
    );
  useEffect(() => {
    void load();
  }, []);
  if (views === null) return <main class="page" id="saved-views" aria-busy="true" />;
  const mine = views.filter((v) => v.mine);
  const shared = views.filter((v) => !v.mine);
  return (
    <main class="page" id="saved-views">
      <h2>{t('nav.views')}</h2>
      <p class="muted small">{t('views.server')}</p>
      <section aria-labelledby="views-mine">
        <h3 id="views-mine">{t('views.mine')}</h3>
        <ViewList views={mine} onChanged={load} />
      </section>
      <section aria-labelledby="views-shared">
        <h3 id="views-shared">{t('views.shared')}</h3>
        <ViewList views={shared} onChanged={load} />
      </section>
    </main>
  );
}

function ViewList({ views, onChanged }: { views: SavedViewSummary[]; onChanged: () => void }) {
  if (views.length === 0) return <p class="muted">{t('views.none')}</p>;
  return (
    <ul class="view-list">
      {views.map((v) => (
        <ViewItem key={v.id} view={v} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function ViewItem({ view: v, onChanged }: { view: SavedViewSummary; onChanged: () => void }) {
  const [sharing, setSharing] = useState(false);
  const remove = async () => {
    if (!window.confirm(t('views.confirmDelete', { title: v.title }))) return;
    try {
      unwrap((await request(deleteSavedViewMutation, { id: v.id })).deleteSavedView);
      status.value = t('views.deleted', { title: v.title });
      onChanged();
    } catch (error) {
      status.value = `${t('tools.failed')}: ${messageOf(error)}`;
    }
  };
  return (
    <li data-id={v.id} class="view-item">
      <div class="view-main">
        <strong>{v.title}</strong>{' '}
        <span class="muted small">
          {fmtDate(v.updatedAt)}
          {!v.mine && ` · ${t('views.by', { name: v.ownerName })}`}
          {v.annotations.length > 0 && ` · ${t('views.steps', { n: v.annotations.length })}`}
          {v.mine && v.sharedWithTeam && ` · ${t('views.teamShared')}`}
          {v.mine &&
            v.sharedWith.length > 0 &&
            ` · ${t('views.sharedWith')} ${v.sharedWith.map((a) => a.name || a.email).join('、')}`}
        </span>
        {v.notes && <p class="small">{v.notes}</p>}
        {sharing && <ShareForm view={v} onChanged={onChanged} />}
      </div>
      <a class="button" href={href('explore', { view: v.id })}>
        {t('views.open')}
      </a>
      {v.annotations.length > 0 && (
        <a class="button" href={href('explore', { view: v.id, present: '1' })}>
          {t('views.present')}
        </a>
      )}
      {v.mine && (
        <>
          <button
            type="button"
            class="button"
            aria-expanded={sharing}
            onClick={() => setSharing(!sharing)}
          >
            {t('views.share')}
          </button>
          <button type="button" class="button" onClick={() => void remove()}>
            {t('views.delete')}
          </button>
        </>
      )}
    </li>
  );
}

function ShareForm({ view, onChanged }: { view: SavedViewSummary; onChanged: () => void }) {
  const [email, setEmail] = useState('');
  const act = async (share: boolean, vars: { emails?: string[]; team?: boolean }) => {
    try {
      const variables = { id: view.id, ...vars };
      unwrap(
        share
          ? (await request(shareSavedViewMutation, variables)).shareSavedView
          : (await request(unshareSavedViewMutation, variables)).unshareSavedView,
      );
      status.value = t(share ? 'views.shared.ok' : 'views.unshared');
      setEmail('');
      onChanged();
    } catch (error) {
      status.value = `${t('tools.failed')}: ${messageOf(error)}`;
    }
  };
  const inputId = `share-${view.id.replace(/\W/g, '')}`;
  return (
    <form
      class="share-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (email.trim()) void act(true, { emails: [email.trim()] });
      }}
    >
      <label class="field-label" for={inputId}>
        {t('views.shareEmail')}
      </label>
      <div class="row">
        <input
          id={inputId}
          type="email"
          value={email}
          onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {t('views.share')}
        </button>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={view.sharedWithTeam}
          onChange={(e) => void act((e.target as HTMLInputElement).checked, { team: true })}
        />
        {t('views.shareTeam')}
      </label>
      {view.sharedWith.length > 0 && (
        <ul class="chips">
          {view.sharedWith.map((a) => (
            <li key={a.email} class="chip">
              {a.name || a.email}{' '}
              <button
                type="button"
                class="link"
                aria-label={t('views.unshare', { who: a.email })}
                onClick={() => void act(false, { emails: [a.email] })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
