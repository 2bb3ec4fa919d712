import { useEffect, useSyncExternalStore } from 'react';
import { navigate } from './router';

/**
 * After creating or switching profiles, the app says who is posting now (a polite live
 * region) and puts focus in the composer. The flows that switch call `announcePostingAs`; the
 * shell renders the announcement with `usePostingAs` once the new profile is on screen.
 */
let announcement: { text: string; serial: number } | null = null;
const listeners = new Set<() => void>();
/** The last announcement that moved focus: a shell mounted again later does not move it again. */
let handledSerial = 0;

/** Who is posting now, by the name people see. */
export function announcePostingAs(user: { username: string; displayName: string | null }): void {
  announcement = {
    text: `Posting as ${user.displayName ?? user.username}`,
    serial: (announcement?.serial ?? 0) + 1,
  };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Focuses the composer once the timeline has rendered it and the dialog that made the switch
 * (which hands focus back to its opener as it closes) is gone: a few frames at most.
 */
function focusComposer(triesLeft = 60): void {
  const box = document.querySelector<HTMLTextAreaElement>('form[aria-label="New post"] textarea');
  if (box && !document.querySelector('dialog[open]')) box.focus();
  else if (triesLeft > 0) requestAnimationFrame(() => focusComposer(triesLeft - 1));
}

/** The current announcement's text (for the live region); each new one opens the timeline and focuses the composer. */
export function usePostingAs(): string {
  const current = useSyncExternalStore(subscribe, () => announcement);
  useEffect(() => {
    if (!current || current.serial <= handledSerial) return;
    handledSerial = current.serial;
    navigate({ name: 'timeline' });
    requestAnimationFrame(() => focusComposer());
  }, [current]);
  return current?.text ?? '';
}
