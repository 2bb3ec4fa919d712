import { useSyncExternalStore } from 'react';

/** The screens of the app, addressed by the URL hash so Back/Forward work without a router library. */
export type Route =
  | { name: 'timeline' }
  | { name: 'users' }
  | { name: 'profile'; username: string }
  | { name: 'tag'; tag: string }
  | { name: 'search'; query: string }
  | { name: 'settings'; tab: SettingsTab };

/** The sections of Settings. */
export type SettingsTab = 'general' | 'data' | 'accounts' | 'about';

/** A day (`YYYY-MM-DD`, local) that a list starts before: "Older than…", as `?before=` on any screen. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses `#/`, `#/users`, `#/u/<username>` and `#/t/<tag>` and `#/settings/<tab>`; anything else is the timeline. A typed or
 * pasted address may hold broken percent-encoding (`%E0%A4%A`), which decodeURIComponent
 * throws on: such a name is taken as written, so the profile page says no one has it.
 */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  if (path === '/users') return { name: 'users' };
  if (path === '/search') return { name: 'search', query: new URLSearchParams(search).get('q') ?? '' };
  if (path === '/settings' || path === '/settings/general') return { name: 'settings', tab: 'general' };
  if (path === '/settings/data') return { name: 'settings', tab: 'data' };
  if (path === '/settings/accounts') return { name: 'settings', tab: 'accounts' };
  if (path === '/settings/about') return { name: 'settings', tab: 'about' };
  const profile = /^\/u\/(.+)$/.exec(path);
  if (profile?.[1]) return { name: 'profile', username: decodeOrKeep(profile[1]) };
  const tag = /^\/t\/(.+)$/.exec(path);
  if (tag?.[1]) return { name: 'tag', tag: decodeOrKeep(tag[1]) };
  return { name: 'timeline' };
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The day in `?before=` of a hash, or null. */
export function parseBefore(hash: string): string | null {
  const before = new URLSearchParams(hash.split('?', 2)[1] ?? '').get('before');
  return before !== null && DAY.test(before) ? before : null;
}

/** The hash link for a route, starting its list before `before` (a day) when given. */
export function hrefFor(route: Route, before?: string | null): string {
  const base = routePath(route);
  if (!before) return base;
  return `${base}${base.includes('?') ? '&' : '?'}before=${before}`;
}

function routePath(route: Route): string {
  if (route.name === 'search') return `#/search?${new URLSearchParams({ q: route.query }).toString()}`;
  if (route.name === 'users') return '#/users';
  if (route.name === 'settings') return `#/settings/${route.tab}`;
  if (route.name === 'profile') return `#/u/${encodeURIComponent(route.username)}`;
  if (route.name === 'tag') return `#/t/${encodeURIComponent(route.tag)}`;
  return '#/';
}

/** Goes to a route (adds a history entry), optionally starting its list before a day. */
export function navigate(route: Route, before?: string | null): void {
  window.location.hash = hrefFor(route, before);
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

/** The day the current screen's list starts before (`?before=`), or null for the newest. */
export function useBefore(): string | null {
  return parseBefore(useSyncExternalStore(subscribe, () => window.location.hash));
}
