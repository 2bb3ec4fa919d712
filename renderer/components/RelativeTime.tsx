import { useSyncExternalStore } from 'react';
import { useTranslation } from '../i18n/index';
import { formatExact, formatRelative } from '../i18n/format';

// One shared clock for every timestamp on screen, ticking twice a minute.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * A UTC timestamp shown relative to now, with the exact local time on hover and while its post
 * has focus. Both are in the text (the exact one visually hidden until then), because a
 * `<time>` has no role that an aria-label could name.
 */
export function RelativeTime({ timestamp }: { timestamp: string }) {
  // Re-renders on a language change, so both formats follow it.
  const { t } = useTranslation();
  const current = useSyncExternalStore(subscribe, () => now);
  const date = new Date(timestamp);
  const full = formatExact(date);
  return (
    <time className="relative-time" dateTime={timestamp} title={full}>
      <span className="when">{formatRelative(date, current) ?? t('posts.justNow')}</span>
      <span className="exact">{full}</span>
    </time>
  );
}
