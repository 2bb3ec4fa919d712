import { useEffect, useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useLiveUpdates } from '../api/live';
import { useSession } from '../api/session';
import { useUsers } from '../api/users';
import { ProfileSwitcher } from '../components/ProfileSwitcher';
import { ErrorState, Loading } from '../components/States';
import { ChooseProfilePage } from '../pages/ChooseProfilePage';
import { ProfilePage } from '../pages/ProfilePage';
import { TagPage } from '../pages/TagPage';
import { SearchPage } from '../pages/SearchPage';
import { SearchBox } from '../components/SearchBox';
import { SettingsPage } from '../pages/SettingsPage';
import { TimelinePage } from '../pages/TimelinePage';
import { UsersPage } from '../pages/UsersPage';
import { WelcomePage } from '../pages/WelcomePage';
import { ShortcutSheet } from '../components/ShortcutSheet';
import { useTranslation } from '../i18n/index';
import { usePreferences } from './preferences';
import { useShortcuts } from './shortcuts';
import { ErrorBoundary } from './ErrorBoundary';
import { PostingAsRegion } from './PostingAsRegion';
import { hrefFor, useRoute, type Route } from './router';

/** Sets the window title; Electron shows it in the title bar and the task switcher. */
function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The screen, and beside it the live region that says who is posting after a switch. */
export function App() {
  return (
    <>
      <Screen />
      <PostingAsRegion />
    </>
  );
}

/** Picks the screen from the session: first run, choose or unlock a profile, or the app itself. */
function Screen() {
  useLiveUpdates();
  const { t } = useTranslation();
  const session = useSession();
  const users = useUsers('asc');
  // A failed read of the settings leaves the OS's language and theme: it never blocks the app.
  const preferences = usePreferences();
  const active = session.data?.activeUser ?? null;
  useDocumentTitle(
    active && !session.data?.locked ? t('app.windowTitle', { username: active.username }) : t('app.name'),
  );

  if (session.isPending || users.isPending || preferences.isPending)
    return <Loading label={t('app.opening')} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => users.refetch()} />;
  if (users.data.length === 0) return <WelcomePage />;
  if (!active) return <ChooseProfilePage key="choose" locked={null} />;
  if (session.data.locked) return <ChooseProfilePage key={`locked-${active.id}`} locked={active} />;
  return <Shell user={active} />;
}

function NavLink({ route, current, children }: { route: Route; current: Route; children: string }) {
  // "My profile" is the current page only on your own profile, not on someone else's.
  const here = hrefFor(route) === hrefFor(current);
  return (
    <a href={hrefFor(route)} aria-current={here ? 'page' : undefined}>
      {children}
    </a>
  );
}

function Shell({ user }: { user: User }) {
  const { t } = useTranslation();
  const route = useRoute();
  const [open, setOpen] = useState(false);
  useShortcuts({ username: user.username, onHelp: () => setOpen(true) });
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <a className="brand" href={hrefFor({ name: 'timeline' })}>
          <span aria-hidden="true">✦</span> {t('app.name')}
        </a>
        <nav aria-label={t('app.mainNav')}>
          <NavLink route={{ name: 'timeline' }} current={route}>
            {t('app.nav.timeline')}
          </NavLink>
          <NavLink route={{ name: 'users' }} current={route}>
            {t('app.nav.users')}
          </NavLink>
          <NavLink route={{ name: 'profile', username: user.username }} current={route}>
            {t('app.nav.myProfile')}
          </NavLink>
          <NavLink
            route={{ name: 'settings', tab: route.name === 'settings' ? route.tab : 'general' }}
            current={route}
          >
            {t('app.nav.settings')}
          </NavLink>
        </nav>
        <SearchBox />
        {open && <ShortcutSheet onClose={() => setOpen(false)} />}
        <ProfileSwitcher activeUser={user} />
      </header>
      <main id="main" tabIndex={-1}>
        {/* Keyed by screen and profile, so an error on one screen clears when you leave it. */}
        <ErrorBoundary key={`${hrefFor(route)}|${user.id}`}>
          {route.name === 'timeline' && <TimelinePage user={user} />}
          {route.name === 'users' && <UsersPage activeUser={user} />}
          {route.name === 'profile' && <ProfilePage username={route.username} activeUser={user} />}
          {route.name === 'tag' && <TagPage tag={route.tag} activeUser={user} />}
          {route.name === 'search' && <SearchPage query={route.query} activeUser={user} />}
          {route.name === 'settings' && <SettingsPage tab={route.tab} user={user} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
