/**
 * The events main sends to the renderer: the other half of the contract. Each has a schema, as
 * each channel does; main checks an event against it before sending, and the preload checks it
 * again before any listener sees it, so a malformed event is dropped, never half-handled.
 *
 * Nothing here may import Node or Electron.
 */
import { z } from 'zod';

/** The one IPC channel that carries every event, as `{ name, payload }`. */
export const EVENT_CHANNEL = 'microblog:event';

const jobId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const jobKind = z.enum(['export', 'import']);

export const events = {
  /** A running export or import has done `done` of `total` records. */
  'data:progress': z
    .object({
      jobId,
      kind: jobKind,
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    })
    .strict(),
  /** A job ended: `message` is the sentence to show (what was exported, or why it stopped). */
  'data:finished': z
    .object({
      jobId,
      kind: jobKind,
      outcome: z.enum(['done', 'cancelled', 'failed']),
      message: z.string().max(2000),
      /** The message's catalog key and values, so the renderer can say it in the user's language. */
      sentence: z
        .object({
          key: z.string().max(200),
          params: z.record(z.string(), z.union([z.string().max(4096), z.number()])).optional(),
        })
        .strict()
        .optional(),
      file: z.string().max(4096).nullable(),
    })
    .strict(),
  /** Another connection (the shell, the seed tool, a second window, an import) committed to the file. */
  'db:changed': z.object({}).strict(),
  /**
   * Posts of these profiles changed publish state (sent, refused, queued again, linked or
   * unlinked): the window reads those posts' states again, and nothing else.
   */
  'publishing:changed': z.object({ userIds: z.array(z.number().int().positive()).min(1).max(1000) }).strict(),
  /** The integrity check run after a quick start found damage: `detail` is SQLite's finding, for bug reports. */
  'db:damaged': z.object({ detail: z.string().max(2000) }).strict(),
} as const;

export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** One event as it crosses IPC. */
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

/** `window.microblogEvents`: subscribe to one event; the function returned unsubscribes. */
export interface MicroblogEvents {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Main's side: the listeners (the windows) and `emit`, which makes the same check the preload
 * makes, so an event that does not match the contract is never sent.
 */
export function eventHub() {
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent): void => {
    if (parseEvent(event) === null) {
      console.error(`Dropped an event that does not match the contract: ${event.name}`);
      return;
    }
    for (const listener of listeners) listener(event);
  };
  return { listeners, emit };
}

/** The event as sent, or null when it is not one the contract declares (then it is dropped). */
export function parseEvent(message: unknown): AppEvent | null {
  if (typeof message !== 'object' || message === null) return null;
  const { name, payload } = message as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !Object.hasOwn(events, name)) return null;
  const parsed = events[name as EventName].safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as AppEvent) : null;
}

/** Builds `window.microblogEvents` over a function that delivers every raw event message. */
export function buildMicroblogEvents(
  subscribe: (deliver: (message: unknown) => void) => void,
): MicroblogEvents {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  subscribe((message) => {
    const event = parseEvent(message);
    if (!event) return;
    for (const listener of listeners.get(event.name) ?? [])
      (listener as (payload: unknown) => void)(event.payload);
  });
  return Object.freeze({
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) {
      if (!Object.hasOwn(events, name) || typeof listener !== 'function') return () => undefined;
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
  });
}
