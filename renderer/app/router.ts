import { useSyncExternalStore } from 'react';

/** The screens of the app, addressed by the URL hash so Back/Forward work without a router library. */
export type Route =
  | { name: 'timeline' }
  | { name: 'users' }
  | { name: 'profile'; username: string }
  | { name: 'settings'; tab: SettingsTab };

/** The sections of Settings. */
export type SettingsTab = 'data' | 'about';

/**
 * Parses `#/`, `#/users`, `#/u/<username>` and `#/settings/<tab>`; anything else is the timeline. A typed or
 * pasted address may hold broken percent-encoding (`%E0%A4%A`), which decodeURIComponent
 * throws on: such a name is taken as written, so the profile page says no one has it.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/users') return { name: 'users' };
  if (path === '/settings' || path === '/settings/data') return { name: 'settings', tab: 'data' };
  if (path === '/settings/about') return { name: 'settings', tab: 'about' };
  const profile = /^\/u\/(.+)$/.exec(path);
  if (profile?.[1]) return { name: 'profile', username: decodeOrKeep(profile[1]) };
  return { name: 'timeline' };
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The hash link for a route. */
export function hrefFor(route: Route): string {
  if (route.name === 'users') return '#/users';
  if (route.name === 'settings') return `#/settings/${route.tab}`;
  if (route.name === 'profile') return `#/u/${encodeURIComponent(route.username)}`;
  return '#/';
}

/** Goes to a route (adds a history entry). */
export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
