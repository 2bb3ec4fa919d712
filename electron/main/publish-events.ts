import type { AppEvent } from '../ipc/events';

/** The account calls after which the profile's posts may show another state. */
const STATE_CHANGING_CALLS = new Set([
  'accounts:signIn',
  'accounts:unlink',
  'accounts:publishEarlier',
  'accounts:retry',
  'accounts:import',
]);

/** At most this many profiles per event, as the event's schema allows. */
const PER_EVENT = 1000;

/**
 * `publishing:changed` for the window: which profiles' posts changed publish state. A drain
 * reports every write it sends, so the reports of a short while go out as one event: the window
 * reads the states of the posts on screen once, not once per write.
 */
export function publishingEvents(emit: (event: AppEvent) => void, delayMs = 250) {
  const pending = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const userIds = [...pending];
    pending.clear();
    for (let at = 0; at < userIds.length; at += PER_EVENT)
      emit({ name: 'publishing:changed', payload: { userIds: userIds.slice(at, at + PER_EVENT) } });
  };
  const changed = (userId: number) => {
    pending.add(userId);
    if (timer) return;
    timer = setTimeout(flush, delayMs);
    timer.unref?.();
  };
  return {
    /** The publisher sent, refused or postponed a write of this profile. */
    changed,
    /** A call main answered: linking, unlinking, publishing earlier posts, a Retry or an import. */
    answered(channel: string, payload: unknown): void {
      const userId = (payload as { userId?: unknown } | null)?.userId;
      if (STATE_CHANGING_CALLS.has(channel) && typeof userId === 'number') changed(userId);
    },
    /** Drops what was not sent yet: the window is going away. */
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
