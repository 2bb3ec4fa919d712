import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AccountRepository } from '../../db/accounts';
import type { OutboxEntry, OutboxRepository } from '../../db/outbox';
import type { AppBskyFeedPost } from '@atproto/api';
import type { BatchOutcome, PublishTransport } from './transport-types';
import { backoffDelay, rateLimitDelay } from './backoff';
import type { SendOutcome } from './outcome';
import { postRecord } from './record';
import type { SentenceRef } from '../../db/sentences';

export type { BatchOutcome, PublishTransport } from './transport-types';

export interface PublisherOptions {
  outbox: OutboxRepository;
  accounts: AccountRepository;
  transport: PublishTransport;
  now?: () => number;
  random?: () => number;
  /** Told when a post's state changed, so the window can show it. */
  onChange?: (userId: number) => void;
  /** The longest the publisher sleeps without a reason to wake. */
  intervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const BATCH = 50;

/**
 * Drains the outbox, oldest write first, one profile after another. It runs beside the IPC
 * handlers on main's event loop: each write is an awaited request, and it yields between writes,
 * so a long drain never holds up an answer to the window.
 */
export function createPublisher(options: PublisherOptions) {
  const { outbox, accounts, transport, onChange = () => {}, log = () => {} } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const intervalMs = options.intervalMs ?? 60_000;
  const signedOut = new Map<number, SentenceRef>();
  /** Profiles whose PDS could not be reached: a reconnect sends their queue at once. A 429 is not one. */
  const unreachable = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function send(entry: OutboxEntry): Promise<SendOutcome> {
    try {
      if (entry.op === 'delete') return await transport.remove(entry.userId, entry.rkey);
      if (entry.op === 'profile') {
        const local = outbox.profile(entry.userId);
        return local ? await transport.profile(entry.userId, local) : { kind: 'done', cid: null };
      }
      if (entry.body === null || entry.timestamp === null) return { kind: 'done', cid: null };
      const built = postRecord(entry.body, entry.timestamp);
      if (!built.ok) return { kind: 'refused', reason: built.reason };
      return await transport.put(entry.userId, entry.rkey, built.record);
    } catch (error) {
      log('publish failed unexpectedly', error);
      return { kind: 'unreachable' };
    }
  }

  /** Records what a failure that concerns the whole PDS means for the profile; false: stop sending. */
  function halt(
    userId: number,
    entry: OutboxEntry,
    outcome: Exclude<SendOutcome, { kind: 'done' | 'refused' }>,
  ) {
    if (outcome.kind === 'unreachable') unreachable.add(userId);
    else unreachable.delete(userId);
    if (outcome.kind === 'signed-out') signedOut.set(userId, outcome.reason);
    else {
      const wait =
        outcome.kind === 'rate-limited'
          ? rateLimitDelay(outcome.resetAt, now(), entry.attempts, random)
          : backoffDelay(entry.attempts, random);
      outbox.postpone(userId, now() + wait);
    }
    onChange(userId);
  }

  /** Sends the entries one by one; false when the PDS stopped the run. */
  async function sendEach(userId: number, entries: OutboxEntry[]): Promise<boolean> {
    for (const entry of entries) {
      const outcome = await send(entry);
      if (stopped) return false;
      if (outcome.kind === 'done') outbox.published(entry, outcome.cid);
      else if (outcome.kind === 'refused') outbox.refused(entry.id, outcome.reason);
      else return (halt(userId, entry, outcome), false);
      onChange(userId);
      await nextTurn();
    }
    return true;
  }

  /** Sends a run of creates as one commit when the transport can; false when the PDS stopped the run. */
  async function sendCreates(userId: number, entries: OutboxEntry[]): Promise<boolean> {
    const writes = entries.map((e) => postRecord(e.body ?? '', e.timestamp ?? ''));
    const records = writes.flatMap((w) => (w.ok ? [w.record] : []));
    // Only a first attempt goes as a batch: after a failure the PDS may hold some of these records
    // already (an answer lost), and a create of an existing key fails, where a put is a no-op.
    const fresh = entries.every((e) => e.attempts === 0);
    if (!transport.createMany || !fresh || entries.length < 2 || records.length !== entries.length)
      return sendEach(userId, entries);
    let outcome: BatchOutcome;
    try {
      outcome = await transport.createMany(
        userId,
        entries.map((e, i) => ({ rkey: e.rkey, record: records[i] as AppBskyFeedPost.Record })),
      );
    } catch (error) {
      log('publish failed unexpectedly', error);
      outcome = { kind: 'unreachable' };
    }
    if (stopped) return false;
    if (outcome.kind === 'refused') return sendEach(userId, entries);
    if (outcome.kind !== 'done') return (halt(userId, entries[0] as OutboxEntry, outcome), false);
    outbox.publishedMany(entries, outcome.cids);
    onChange(userId);
    return true;
  }

  /** Sends what is due for one profile, oldest first; stops at the first failure that concerns the whole PDS. */
  async function drainProfile(userId: number): Promise<void> {
    for (;;) {
      const entries = outbox.due(userId, now(), BATCH);
      if (entries.length === 0 || stopped) return;
      // Consecutive creates go together; a delete goes alone, in its place, so order is kept.
      for (let i = 0; i < entries.length;) {
        let j = i;
        while (j < entries.length && entries[j]?.op === 'create' && entries[j]?.body !== null) j++;
        const run = j > i ? entries.slice(i, j) : entries.slice(i, i + 1);
        const go = j > i ? await sendCreates(userId, run) : await sendEach(userId, run);
        if (!go) return;
        i += run.length;
        await nextTurn();
      }
    }
  }

  function schedule(): void {
    if (stopped) return;
    let at = now() + intervalMs;
    for (const { userId } of accounts.list()) {
      const due = signedOut.has(userId) ? null : outbox.nextDueAt(userId);
      if (due !== null) at = Math.min(at, due);
    }
    clearTimeout(timer);
    timer = setTimeout(() => void wake(), Math.max(0, at - now()));
    timer.unref();
  }

  async function drainAll(): Promise<void> {
    do {
      again = false;
      for (const { userId } of accounts.list()) if (!signedOut.has(userId)) await drainProfile(userId);
    } while (again && !stopped);
    schedule();
  }

  /** Looks at the outbox now (a post was written, the network came back, the computer woke up). */
  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = drainAll()
      .catch((error: unknown) => log('publisher stopped a drain', error))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    wake,
    /**
     * The network came back or the computer woke up: a queue that waited out an unreachable PDS
     * goes now instead of after the rest of its backoff; a 429's reset is still honoured.
     */
    reconnected(): Promise<void> {
      for (const userId of unreachable) outbox.dueNow(userId);
      unreachable.clear();
      return wake();
    },
    /** The sentence asking this profile to sign in again (its catalog key), or null while its session works. */
    signInNeeded(userId: number): SentenceRef | null {
      return signedOut.get(userId) ?? null;
    },
    /** After a new sign-in: the profile's queue is sent again. */
    signedIn(userId: number): Promise<void> {
      signedOut.delete(userId);
      return wake();
    },
    /** Stops the timer and any drain after its current request. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
