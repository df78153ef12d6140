import { useState } from 'preact/hooks';
import { fmtDate, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { deleteView, listViews } from './saved-views.ts';

/** Saved views (this browser only): open one in the explorer, or delete it. */
export function SavedViewsView() {
  const [views, setViews] = useState(listViews);
  return (
    <main class="page" id="saved-views">
      <h2>{t('nav.views')}</h2>
      <p class="notice-inline">{t('views.local')}</p>
      {views.length === 0 ? (
        <p class="muted">{t('views.none')}</p>
      ) : (
        <ul class="view-list">
          {views.map((v) => (
            <li key={v.id} data-id={v.id}>
              <div>
                <strong>{v.title}</strong>{' '}
                <span class="muted small">
                  {fmtDate(v.savedAt)} ·{' '}
                  {t('views.nodes', { n: v.elements.filter((e) => e.group === 'nodes').length })}
                </span>
                {v.notes && <p class="small">{v.notes}</p>}
              </div>
              <a class="button" href={href('explore', { view: v.id })}>
                {t('views.open')}
              </a>
              <button
                type="button"
                class="button"
                onClick={() => {
                  deleteView(v.id);
                  setViews(listViews());
                }}
              >
                {t('views.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
