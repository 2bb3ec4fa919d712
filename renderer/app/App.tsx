import { useEffect, useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useFirstScreen } from '../api/first-screen';
import { useLiveUpdates } from '../api/live';
import { usePublishingUpdates } from '../api/publishing';
import { useSession } from '../api/session';
import { DamageNotice } from '../components/DamageNotice';
import { ProfileSwitcher } from '../components/ProfileSwitcher';
import { SearchBox } from '../components/SearchBox';
import { ShortcutSheet } from '../components/ShortcutSheet';
import { ErrorState, Loading } from '../components/States';
import { useTranslation } from '../i18n/index';
import { ChooseProfilePage } from '../pages/ChooseProfilePage';
import { ProfilePage } from '../pages/ProfilePage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';
import { TagPage } from '../pages/TagPage';
import { TimelinePage } from '../pages/TimelinePage';
import { UsersPage } from '../pages/UsersPage';
import { WelcomePage } from '../pages/WelcomePage';
import { canGoBack, goBack, useBackShortcut } from './back-navigation';
import { ErrorBoundary } from './ErrorBoundary';
import { PostingAsRegion } from './PostingAsRegion';
import { usePreferences } from './preferences';
import { hrefFor, useRoute, type Route } from './router';
import { useShortcuts } from './shortcuts';

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
      <DamageNotice />
      <Screen />
      <PostingAsRegion />
    </>
  );
}

/**
 * Picks the screen from the session: first run, choose or unlock a profile, or the app itself.
 * One call (`app:firstScreen`) brings all the first screen needs; until it answers, the shell
 * is drawn empty with the same boxes, so nothing moves when the data comes.
 */
function Screen() {
  useLiveUpdates();
  usePublishingUpdates();
  const { t } = useTranslation();
  const first = useFirstScreen();
  const session = useSession(first.isSuccess);
  // A failed read of the settings leaves the OS's language and theme: it never blocks the app.
  const preferences = usePreferences();
  const active = session.data?.activeUser ?? null;
  useDocumentTitle(
    active && !session.data?.locked ? t('app.windowTitle', { username: active.username }) : t('app.name'),
  );
  useBackShortcut();

  if (first.isPending || preferences.isPending) return <Shell user={null} />;
  if (first.isError) return <ErrorState error={first.error} onRetry={() => first.refetch()} />;
  if (session.isPending) return <Shell user={null} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!active && !first.data.hasProfiles) return <WelcomePage />;
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

/** Back to the previous screen; disabled when this is the first one. */
function BackButton() {
  const { t } = useTranslation();
  // Re-rendered on every route change (the parent reads the route), so `disabled` stays true to the history.
  return (
    <button
      type="button"
      className="back-button"
      onClick={goBack}
      disabled={!canGoBack()}
      title={t('app.backTitle')}
    >
      <span aria-hidden="true">←</span> {t('app.back')}
    </button>
  );
}

/** The empty first screen while `app:firstScreen` is on its way: the timeline's boxes, no data. */
function ShellPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="timeline-title" aria-busy="true">
      <h1 id="timeline-title" className="page-title">
        {t('timeline.title')}
      </h1>
      <div className="composer placeholder" aria-hidden="true" />
      <Loading label={t('app.opening')} />
    </section>
  );
}

/** The keyboard shortcuts and their sheet, for a profile that is posting. */
function Shortcuts({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  useShortcuts({ username, onHelp: () => setOpen(true) });
  return open ? <ShortcutSheet onClose={() => setOpen(false)} /> : null;
}

function Shell({ user }: { user: User | null }) {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <BackButton />
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
          {user && (
            <NavLink route={{ name: 'profile', username: user.username }} current={route}>
              {t('app.nav.myProfile')}
            </NavLink>
          )}
          <NavLink
            route={{ name: 'settings', tab: route.name === 'settings' ? route.tab : 'general' }}
            current={route}
          >
            {t('app.nav.settings')}
          </NavLink>
        </nav>
        <SearchBox />
        {user && <Shortcuts username={user.username} />}
        {user ? (
          <ProfileSwitcher activeUser={user} />
        ) : (
          <div className="switcher placeholder" aria-hidden="true" />
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!user ? (
          route.name === 'timeline' ? (
            <ShellPlaceholder />
          ) : (
            <Loading label={t('app.opening')} />
          )
        ) : (
          // Keyed by screen and profile, so an error on one screen clears when you leave it.
          <ErrorBoundary key={`${hrefFor(route)}|${user.id}`}>
            {route.name === 'timeline' && <TimelinePage user={user} />}
            {route.name === 'users' && <UsersPage activeUser={user} />}
            {route.name === 'profile' && <ProfilePage username={route.username} activeUser={user} />}
            {route.name === 'tag' && <TagPage tag={route.tag} activeUser={user} />}
            {route.name === 'search' && <SearchPage query={route.query} activeUser={user} />}
            {route.name === 'settings' && <SettingsPage tab={route.tab} user={user} />}
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}
