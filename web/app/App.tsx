import type { ComponentChildren } from 'preact';
import { ExplorerView } from '../features/explorer/ExplorerView.tsx';
import { MapsView } from '../features/maps/MapsView.tsx';
import { PathsView } from '../features/paths/PathsView.tsx';
import { SavedViewsView } from '../features/views/SavedViewsView.tsx';
import { lang, type MessageKey, setLang, t } from './i18n.ts';
import { href, type RouteName, route } from './router.ts';
import { session } from './session.ts';
import { status } from './status.ts';

const nav: { name: RouteName; label: MessageKey }[] = [
  { name: 'explore', label: 'nav.explore' },
  { name: 'paths', label: 'nav.paths' },
  { name: 'maps', label: 'nav.maps' },
  { name: 'views', label: 'nav.views' },
];

/** The shell: top bar (navigation, language, who is signed in), status line, and the routed view. */
export function App() {
  const current = route.value;
  const { role, account } = session.value;
  return (
    <>
      <header class="topbar">
        <h1>
          {t('brand')} {lang.value === 'zh' && <span class="brand-latin">TalentGraph</span>}
        </h1>
        <nav aria-label={t('nav.main')} class="nav">
          {nav.map((item) => (
            <a
              key={item.name}
              href={href(item.name)}
              class="nav-link"
              data-route={item.name}
              aria-current={current.name === item.name ? 'page' : undefined}
            >
              {t(item.label)}
            </a>
          ))}
        </nav>
        <p id="status" class="status" role="status" aria-live="polite">
          {status.value}
        </p>
        <div class="topbar-end">
          <span class="role" title={t('role.label')}>
            {account ? account.name : t(`role.${role}` as MessageKey)}
          </span>
          <a href={href('sign-in')} class="nav-link" data-route="sign-in">
            {t('nav.signIn')}
          </a>
          <button
            type="button"
            id="lang-toggle"
            class="button"
            aria-label={t('lang.toggleLabel')}
            onClick={() => setLang(lang.value === 'zh' ? 'en' : 'zh')}
          >
            {t('lang.toggle')}
          </button>
        </div>
      </header>
      {/* The explorer stays mounted, so its graph survives a visit to another screen. */}
      <ExplorerView active={current.name === 'explore'} />
      {current.name !== 'explore' && <Outlet name={current.name} />}
    </>
  );
}

function Outlet({ name }: { name: RouteName }): ComponentChildren {
  switch (name) {
    case 'paths':
      return <PathsView />;
    case 'maps':
      return <MapsView />;
    case 'views':
      return <SavedViewsView />;
    case 'sign-in':
      // The accounts workstream replaces this with the sign-in form; it sets `session`.
      return (
        <main class="page" id="sign-in">
          <h2>{t('nav.signIn')}</h2>
          <p>{t('signIn.soon')}</p>
        </main>
      );
    default:
      return null;
  }
}
