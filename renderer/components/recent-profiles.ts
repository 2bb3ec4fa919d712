import type { User } from '../../electron/ipc/contract';

const KEY = 'microblog.recentProfiles';
const KEEP = 5;

/** The ids of the profiles switched to most recently, newest first (kept in this window's storage). */
export function recentProfileIds(): number[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is number => Number.isSafeInteger(id)) : [];
  } catch {
    return [];
  }
}

/** Remembers a switch to this profile. */
export function rememberProfile(userId: number): void {
  const ids = [userId, ...recentProfileIds().filter((id) => id !== userId)].slice(0, KEEP);
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Storage full or off: the order falls back to A→Z, nothing else depends on it.
  }
}

/** Recent profiles first (newest first), then every other one A→Z as given. */
export function recentFirst(users: readonly User[]): User[] {
  const order = recentProfileIds();
  const recent = order.map((id) => users.find((u) => u.id === id)).filter((u): u is User => u !== undefined);
  return [...recent, ...users.filter((u) => !order.includes(u.id))];
}

/** Case-insensitive match on the username or the display name. */
export function matchesFilter(user: User, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return (
    user.username.toLocaleLowerCase().includes(needle) ||
    (user.displayName?.toLocaleLowerCase().includes(needle) ?? false)
  );
}
