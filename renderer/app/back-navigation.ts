import { useEffect } from 'react';

/** What Chromium's Navigation API says, where it exists (Electron's window and Chromium do). */
interface NavigationLike {
  canGoBack?: boolean;
}

/** Whether this window has an earlier screen to go back to. */
export function canGoBack(): boolean {
  const navigation = (window as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.canGoBack === 'boolean') return navigation.canGoBack;
  return window.history.length > 1;
}

/** Goes to the previous screen, if there is one (an Electron window has no Back button of its own). */
export function goBack(): void {
  if (canGoBack()) window.history.back();
}

/** True when the key went to a place that takes text, where Alt+← moves the caret on some systems. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Alt+← goes back, as in a browser; not while typing in a field. */
export function useBackShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowLeft' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
        return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      goBack();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
