import { useEffect, useRef } from 'react';
import { focusSearch } from '../components/SearchBox';
import { navigate, type Route } from './router';

/** The composer's element id, which the compose shortcuts focus. */
export const COMPOSE_INPUT = 'compose-input';

// Set by `n`/`c` away from the timeline; the composer takes focus when it mounts there.
let pendingCompose = false;

/** True once after a compose shortcut sent the user to the timeline: the composer should take focus. */
export function takePendingCompose(): boolean {
  const pending = pendingCompose;
  pendingCompose = false;
  return pending;
}

/** True while the user is typing: in a field, an editable element, or a select. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Moves focus to the next (`step` 1) or previous (-1) post of the feed, or to its first post. */
function movePostFocus(step: 1 | -1): void {
  const feed = document.querySelector<HTMLElement>('[role="feed"]');
  if (!feed) return;
  const posts = [...feed.querySelectorAll<HTMLElement>('article[data-post-id]')];
  const here = document.activeElement?.closest('article[data-post-id]');
  const index = here ? posts.indexOf(here as HTMLElement) : -1;
  const next =
    index === -1
      ? (feed.querySelector<HTMLElement>('article[tabindex="0"]') ?? posts[0])
      : posts[index + step];
  next?.focus();
}

function focusComposer(): void {
  const input = document.getElementById(COMPOSE_INPUT);
  if (input) return input.focus();
  pendingCompose = true;
  navigate({ name: 'timeline' });
}

/** Where `g` followed by a key goes. */
const GO: Record<string, (username: string) => Route> = {
  t: () => ({ name: 'timeline' }),
  u: () => ({ name: 'users' }),
  p: (username) => ({ name: 'profile', username }),
};

/**
 * The app's keyboard shortcuts: `n`/`c` compose, `/` search, `j`/`k` next and previous post,
 * `g` then `t`/`u`/`p` go to the timeline, users or your profile, `?` the shortcut sheet.
 * None fires while typing in a field, with a modifier held, or while a dialog is open.
 */
export function useShortcuts(options: { username: string; onHelp: () => void }): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    let afterG = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const { key } = event;
      const go = afterG ? GO[key] : undefined;
      afterG = false;
      let handled = true;
      if (go) navigate(go(latest.current.username));
      else if (key === 'g') afterG = true;
      else if (key === 'n' || key === 'c') focusComposer();
      else if (key === '/') focusSearch();
      else if (key === 'j') movePostFocus(1);
      else if (key === 'k') movePostFocus(-1);
      else if (key === '?') latest.current.onHelp();
      else handled = false;
      // The key itself must not reach the field that just took focus ("n" typed into the composer).
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
