import { useSyncExternalStore } from 'react';

// From the largest unit down; anything shorter than an hour (and not "just now") is minutes.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** "3 minutes ago", "yesterday", "just now": the distance from `now` in the user's language. */
export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  // The shared clock may lag a few seconds behind a post written just now.
  if (seconds > -45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
}

/** The exact local date and time, for the tooltip and the focused state. */
export function formatExact(date: Date): string {
  return exact.format(date);
}

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

/** A UTC timestamp shown relative to now, with the exact local time on hover and focus. */
export function RelativeTime({ timestamp }: { timestamp: string }) {
  const current = useSyncExternalStore(subscribe, () => now);
  const date = new Date(timestamp);
  const full = formatExact(date);
  return (
    <time className="relative-time" dateTime={timestamp} title={full} tabIndex={0} aria-label={full}>
      <span className="when">{formatRelative(date, current)}</span>
      <span className="exact">{full}</span>
    </time>
  );
}
