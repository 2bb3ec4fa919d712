import type { Db } from '../db/index';
import type { AppEvent } from '../ipc/events';
import { type PublishingOptions, createPublishing } from './publisher/service';

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

/**
 * Publishing as main runs it beside the IPC handlers: the publisher (when this context may
 * publish) and its events for the window. Absent options leave a context that cannot publish.
 */
export function publishingIn(
  options: Omit<PublishingOptions, 'db' | 'onChange'> | undefined,
  db: () => Db,
  emit: (event: AppEvent) => void,
) {
  const events = publishingEvents(emit);
  const publishing = options && createPublishing({ ...options, db, onChange: events.changed });
  return {
    publishing,
    /** Looks at the outbox now: at the first screen, the posts an earlier run left waiting. */
    wake: () => publishing?.wake(),
    /** The network came back, or the computer woke up. */
    reconnected: () => publishing?.reconnected(),
    /** After an answered call: a post written, edited or deleted may be due, off the call's path. */
    answered(channel: string, payload: unknown): void {
      if (channel.startsWith('posts:')) publishing?.wake();
      events.answered(channel, payload);
    },
    stop(): void {
      void publishing?.stop();
      events.stop();
    },
  };
}
