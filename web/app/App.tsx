import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { AdminView } from '../features/admin/AdminView.tsx';
import { DuplicatesView } from '../features/duplicates/DuplicatesView.tsx';
import { ExplorerView } from '../features/explorer/ExplorerView.tsx';
import { ImportView } from '../features/import/ImportView.tsx';
import { MapsView } from '../features/maps/MapsView.tsx';
import { OutreachOutlet } from '../features/outreach/OutreachOutlet.tsx';
import { PathsView } from '../features/paths/PathsView.tsx';
import { logoutMutation, meQuery } from '../features/sign-in/queries.ts';
import { SignInView } from '../features/sign-in/SignInView.tsx';
import { SavedViewsView } from '../features/views/SavedViewsView.tsx';
import { request } from './api.ts';
import { enumText, lang, type MessageKey, setLang, t } from './i18n.ts';
import { href, isOutreachRoute, type RouteName, route } from './router.ts';
import { atLeast, type Role, session } from './session.ts';
import { status } from './status.ts';

/** Menu items; `role` is the least role that may use the screen (the menu shows only those). */
interface NavItem {
  name: RouteName;
  label: MessageKey;
  role?: Role;
}

/** The menu in groups: the graph, outreach work, data upkeep, accounts. */
const navGroups: { label: MessageKey; items: NavItem[] }[] = [
  {
    label: 'nav.group.graph',
    items: [
      { name: 'explore', label: 'nav.explore' },
      { name: 'paths', label: 'nav.paths' },
      { name: 'maps', label: 'nav.maps' },
      { name: 'views', label: 'nav.views' },
    ],
  },
  {
    // Outreach screens: admin, staff and consultants.
    label: 'nav.group.outreach',
    items: [
      { name: 'people', label: 'nav.people', role: 'consultant' },
      { name: 'segments', label: 'nav.segments', role: 'consultant' },
      { name: 'events', label: 'nav.events', role: 'consultant' },
      { name: 'pipeline', label: 'nav.pipeline', role: 'consultant' },
      { name: 'follow-ups', label: 'nav.followUps', role: 'consultant' },
      { name: 'report', label: 'nav.report', role: 'consultant' },
      { name: 'consultants', label: 'nav.consultants', role: 'consultant' },
    ],
  },
  {
    label: 'nav.group.data',
    items: [
      { name: 'import', label: 'nav.import', role: 'staff' },
      { name: 'duplicates', label: 'nav.duplicates', role: 'staff' },
      { name: 'admin', label: 'nav.admin', role: 'admin' },
    ],
  },
];
const nav = navGroups.flatMap((group) => group.items);
const minRole = new Map(nav.map((item) => [item.name, item.role]));

async function signOut() {
  await request(logoutMutation, {}).catch(() => undefined);
  session.value = { account: null, checked: true };
}

/** The shell: top bar (navigation, language, who is signed in), status line, and the routed view. */
export function App() {
  const current = route.value;
  const { account, checked } = session.value;
  useEffect(() => {
    if (!checked) {
      void request(meQuery, {}).then(
        ({ me }) => {
          session.value = { account: me, checked: true };
        },
        () => {
          session.value = { account: null, checked: true };
        },
      );
    }
  }, [checked]);
  if (!checked) return null;
  return (
    <>
      <header class="topbar">
        <h1>
          {t('brand')} {lang.value === 'zh' && <span class="brand-latin">TalentGraph</span>}
        </h1>
        <nav aria-label={t('nav.main')} class="nav">
          {navGroups.map((group) => {
            const items = group.items.filter((item) => !item.role || atLeast(item.role));
            if (!account || !items.length) return null;
            return (
              <ul class="nav-group" aria-label={t(group.label)} key={group.label}>
                <li class="nav-group-label" aria-hidden="true">
                  {t(group.label)}
                </li>
                {items.map((item) => (
                  <li key={item.name}>
                    <a
                      href={href(item.name)}
                      class="nav-link"
                      data-route={item.name}
                      aria-current={current.name === item.name ? 'page' : undefined}
                    >
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            );
          })}
        </nav>
        <p id="status" class="status" role="status" aria-live="polite">
          {status.value}
        </p>
        <div class="topbar-end">
          {account && (
            <>
              <span id="account" class="role" title={t('role.label')}>
                {account.name} · {enumText('role', account.role)}
              </span>
              <button type="button" class="button" onClick={() => void signOut()}>
                {t('signIn.out')}
              </button>
            </>
          )}
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
      {account ? (
        <>
          {/* The explorer stays mounted, so its graph survives a visit to another screen. */}
          <ExplorerView active={current.name === 'explore'} />
          {current.name !== 'explore' && <Outlet name={current.name} />}
        </>
      ) : (
        <SignInView />
      )}
    </>
  );
}

/** Screens a role may not use are not rendered (the server refuses their API anyway). */
function allowed(name: RouteName): boolean {
  const role = minRole.get(name);
  return !role || atLeast(role);
}

/** What a screen the role may not use says instead: whose screen it is, and the way back. */
function NoAccess({ name }: { name: RouteName }) {
  const role = minRole.get(name) ?? 'viewer';
  const item = nav.find((i) => i.name === name);
  return (
    <main class="page" id="no-access" data-route={name}>
      <p class="notice-inline" role="alert">
        {t('access.denied', {
          screen: item ? t(item.label) : name,
          roles: t(`access.roles.${role}` as MessageKey),
          role: session.value.account ? enumText('role', session.value.account.role) : '',
        })}
      </p>
      <p>
        <a href={href('explore')}>{t('access.back')}</a>
      </p>
    </main>
  );
}

function Outlet({ name }: { name: RouteName }): ComponentChildren {
  if (!allowed(name)) return <NoAccess name={name} />;
  switch (name) {
    case 'paths':
      return <PathsView />;
    case 'maps':
      return <MapsView />;
    case 'views':
      return <SavedViewsView />;
    case 'import':
      return <ImportView />;
    case 'duplicates':
      return <DuplicatesView />;
    case 'admin':
      return <AdminView />;
    default:
      return isOutreachRoute(name) ? <OutreachOutlet name={name} /> : null;
  }
}
