/**
 * The "Updating your data" notice, shown only while startup is still working. Migrations run
 * synchronously and block the event loop, so the timer can only fire between steps; before
 * migrating, the clock is checked too. Never after: a window shown once the work is done only
 * flashes.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface SlowNotice {
  /** Shows the notice now (once). */
  show(): void;
  /** Shows the notice if startup has already taken longer than allowed. */
  showIfLate(): void;
  /** Resolves once a shown notice has painted (at once if none is shown). */
  painted(): Promise<void>;
  stop(): void;
}

/** Starts the clock: after `slowAfterMs` (default 1000) `onSlow` is called once. */
export function slowNotice(options: {
  slowAfterMs?: number;
  onSlow?: () => void | Promise<void>;
}): SlowNotice {
  const slowAfterMs = options.slowAfterMs ?? 1000;
  const startedAt = Date.now();
  let shown: Promise<void> | null = null;
  const show = (): void => {
    if (shown) return;
    shown = Promise.resolve(options.onSlow?.()).catch((error: unknown) => {
      console.error('Showing the "Updating your data" window failed:', error);
    });
  };
  const timer = setTimeout(show, slowAfterMs);
  return {
    show,
    showIfLate: () => {
      if (Date.now() - startedAt > slowAfterMs) show();
    },
    painted: () => shown ?? Promise.resolve(),
    stop: () => clearTimeout(timer),
  };
}

/** Lets a pending notice timer fire between the synchronous steps. */
export const yieldToEventLoop = (): Promise<void> => delay(0);
