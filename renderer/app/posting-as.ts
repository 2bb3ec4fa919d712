import { useEffect, useSyncExternalStore } from 'react';
import { i18n } from '../i18n/index';
import { navigate } from './router';
import { COMPOSE_INPUT } from './shortcuts';

/**
 * After creating or switching profiles, the app says who is posting now (a polite live
 * region) and puts focus in the composer. The flows that switch call `announcePostingAs`; the
 * shell renders the announcement with `usePostingAs` once the new profile is on screen.
 */
let announcement: { text: string; username: string; serial: number } | null = null;
const listeners = new Set<() => void>();
/** The last announcement that moved focus: a shell mounted again later does not move it again. */
let handledSerial = 0;

/** Who is posting now, by the name people see. */
export function announcePostingAs(user: { username: string; displayName: string | null }): void {
  announcement = {
    text: i18n.t('app.postingAs', { name: user.displayName ?? user.username }),
    username: user.username,
    serial: (announcement?.serial ?? 0) + 1,
  };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Focuses the composer once the shell shows the new profile (its title names it: the timeline,
 * and so the composer, is rendered afresh for each profile) and the dialog that made the switch,
 * which hands focus back to its opener as it closes, is gone. A few frames at most.
 */
function focusComposer(username: string, triesLeft = 120): void {
  const box = document.getElementById(COMPOSE_INPUT);
  const onTimeline = window.location.hash === '' || window.location.hash === '#/';
  const shown = onTimeline && document.title.startsWith(`${username} ·`);
  // A composer still loading its draft is disabled and refuses focus: try again next frame.
  if (box && shown && !document.querySelector('dialog[open]')) box.focus();
  if (box && document.activeElement === box) return;
  if (triesLeft > 0) requestAnimationFrame(() => focusComposer(username, triesLeft - 1));
}

/** The current announcement's text (for the live region); each new one opens the timeline and focuses the composer. */
export function usePostingAs(): string {
  const current = useSyncExternalStore(subscribe, () => announcement);
  useEffect(() => {
    if (!current || current.serial <= handledSerial) return;
    handledSerial = current.serial;
    navigate({ name: 'timeline' });
    const { username } = current;
    requestAnimationFrame(() => focusComposer(username));
  }, [current]);
  return current?.text ?? '';
}
