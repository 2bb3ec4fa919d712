import type { Db } from './connection';
import { MicroblogError, toMicroblogError } from './errors';
import { type SentenceRef, say } from './sentences';

/** One write still to be sent to the profile's repository, with what the publisher needs to send it. */
export interface OutboxEntry {
  id: number;
  userId: number;
  op: 'create' | 'delete';
  rkey: string;
  postId: number | null;
  /** The post's body and time as they are now (an edit before sending goes out). */
  body: string | null;
  timestamp: string | null;
  attempts: number;
}

/** How a post stands against its profile's repository, as the post shows it. */
export type PublishState =
  | { state: 'local' }
  | { state: 'queued'; attempts: number }
  | { state: 'published'; did: string; rkey: string }
  /** `reason` in English; `sentence` names its catalog key, so the window says it in its language. */
  | { state: 'failed'; reason: string; sentence?: SentenceRef };

/** A stored failure (a catalog key and its values, as JSON) as the sentence a post shows. */
function failureOf(stored: string): { reason: string; sentence?: SentenceRef } {
  try {
    const ref = JSON.parse(stored) as SentenceRef;
    return { reason: say(ref.key, ref.params), sentence: ref };
  } catch {
    // Not a key this version knows: the text as it was stored.
    return { reason: stored };
  }
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * SQL for a TID record key from a post's time and id, the expression the insert trigger uses:
 * milliseconds, three random sub-millisecond digits, then the id's low 10 bits as the clock id.
 */
function tidSql(timestamp: string, id: string): string {
  const v = `((CAST(strftime('%s', ${timestamp}) AS INTEGER) * 1000 + CAST(substr(${timestamp}, 21, 3) AS INTEGER)) * 1000 + abs(random() % 1000)) * 1024 + (${id} % 1024)`;
  const chars = Array.from(
    { length: 13 },
    (_, i) => `substr('${TID_ALPHABET}', ((v >> ${60 - 5 * i}) & 31) + 1, 1)`,
  );
  return `(SELECT ${chars.join(' || ')} FROM (SELECT ${v} AS v))`;
}

const ENTRY = `o.id, o.user_id AS userId, o.op, o.rkey, o.post_id AS postId, p.body, p.timestamp, o.attempts`;

/** The outbox: what linked profiles still have to publish, and each post's publish state. */
export function createOutboxRepository(db: Db) {
  const due = db.prepare<[number, number, number], OutboxEntry>(
    `SELECT ${ENTRY} FROM outbox o LEFT JOIN posts p ON p.id = o.post_id
     WHERE o.user_id = ? AND o.failure IS NULL AND o.due_at <= ? ORDER BY o.id LIMIT ?`,
  );
  const removeEntry = db.prepare<[number]>(`DELETE FROM outbox WHERE id = ?`);
  const confirm = db.prepare<[string, string, number, string]>(
    `UPDATE post_records SET cid = ?, published_at = ? WHERE post_id = ? AND rkey = ?`,
  );
  const refuse = db.prepare<[string, number]>(
    `UPDATE outbox SET failure = ?, attempts = attempts + 1 WHERE id = ?`,
  );
  const postpone = db.prepare<[number, number]>(
    `UPDATE outbox SET due_at = ?, attempts = attempts + 1 WHERE user_id = ? AND failure IS NULL`,
  );
  const retry = db.prepare<[number, number]>(
    `UPDATE outbox SET failure = NULL, due_at = 0 WHERE post_id = ? AND user_id = ?`,
  );
  const nextDue = db
    .prepare<[number], number | null>(`SELECT min(due_at) FROM outbox WHERE user_id = ? AND failure IS NULL`)
    .pluck();
  const pendingCount = db
    .prepare<[number], number>(`SELECT count(*) FROM outbox WHERE user_id = ? AND failure IS NULL`)
    .pluck();
  const earlierWhere = `FROM posts p WHERE p.user_id = ? AND NOT EXISTS (SELECT 1 FROM post_records r WHERE r.post_id = p.id)`;
  const earlierCount = db.prepare<[number], number>(`SELECT count(*) ${earlierWhere}`).pluck();
  const assignEarlier = db.prepare<[number]>(
    `INSERT INTO post_records (post_id, user_id, rkey) SELECT p.id, p.user_id, ${tidSql('p.timestamp', 'p.id')} ${earlierWhere}`,
  );
  const queueUnsent = db.prepare<[number]>(
    `INSERT INTO outbox (user_id, op, rkey, post_id)
     SELECT r.user_id, 'create', r.rkey, r.post_id FROM post_records r
     WHERE r.user_id = ? AND r.cid IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.post_id = r.post_id)
     ORDER BY r.post_id`,
  );
  const linked = db.prepare<[number], number>(`SELECT 1 FROM accounts WHERE user_id = ?`).pluck();
  const states = db.prepare<
    [string],
    {
      postId: number;
      rkey: string | null;
      cid: string | null;
      did: string | null;
      failure: string | null;
      attempts: number | null;
      queued: number;
    }
  >(
    `SELECT p.id AS postId, r.rkey, r.cid, a.did, o.failure, o.attempts, (o.id IS NOT NULL) AS queued
     FROM json_each(?) j JOIN posts p ON p.id = j.value
     LEFT JOIN post_records r ON r.post_id = p.id
     LEFT JOIN accounts a ON a.user_id = p.user_id
     LEFT JOIN outbox o ON o.post_id = p.id AND o.op = 'create'`,
  );

  const published = db.transaction((entry: OutboxEntry, cid: string | null, at: string) => {
    removeEntry.run(entry.id);
    if (entry.op === 'create' && entry.postId !== null && cid !== null)
      confirm.run(cid, at, entry.postId, entry.rkey);
  });
  const publishedMany = db.transaction((entries: OutboxEntry[], cids: string[], at: string) => {
    entries.forEach((entry, i) => published(entry, cids[i] ?? null, at));
  });
  const publishEarlier = db.transaction((userId: number): number => {
    if (linked.get(userId) === undefined)
      throw new MicroblogError('INVALID_INPUT', say('accounts.errors.linkFirst'));
    assignEarlier.run(userId);
    return queueUnsent.run(userId).changes;
  });

  return {
    /** The profile's next writes that are due, oldest first (a delete never overtakes its create). */
    due(userId: number, now: number, limit = 50): OutboxEntry[] {
      return due.all(userId, now, limit);
    },

    /** The PDS confirmed the write: it leaves the outbox, and a create's post shows as published. */
    published(entry: OutboxEntry, cid: string | null, now = new Date()): void {
      published(entry, cid, now.toISOString());
    },

    /** The PDS confirmed a batch of creates in one commit: they leave the outbox together. */
    publishedMany(entries: OutboxEntry[], cids: string[], now = new Date()): void {
      publishedMany(entries, cids, now.toISOString());
    },

    /** The PDS refused this record for good: it waits, with the reason, for the user's Retry. */
    refused(entryId: number, reason: SentenceRef): void {
      refuse.run(JSON.stringify(reason).slice(0, 500), entryId);
    },

    /** The PDS could not be reached: nothing of the profile is sent again before `dueAt`. */
    postpone(userId: number, dueAt: number): void {
      postpone.run(dueAt, userId);
    },

    /** Retry after a refusal: the post's write is due again now. */
    retry(userId: number, postId: number): boolean {
      return retry.run(postId, userId).changes > 0;
    },

    /** When the profile's next write is due (milliseconds since 1970), or null when none is waiting. */
    nextDueAt(userId: number): number | null {
      return nextDue.get(userId) ?? null;
    },

    /** How many writes the profile still has to send (refused ones aside). */
    pending(userId: number): number {
      return pendingCount.get(userId) ?? 0;
    },

    /** How many of the profile's posts were never queued (written before it linked). */
    earlierCount(userId: number): number {
      return earlierCount.get(userId) ?? 0;
    },

    /** Gives the profile's earlier posts record keys and queues them; returns how many were queued. */
    publishEarlier(userId: number): number {
      try {
        return publishEarlier(userId);
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** The publish state of each of these posts (unknown ids are left out). */
    states(postIds: readonly number[]): Map<number, PublishState> {
      const result = new Map<number, PublishState>();
      for (const row of states.all(JSON.stringify(postIds))) {
        if (row.failure !== null) result.set(row.postId, { state: 'failed', ...failureOf(row.failure) });
        else if (row.cid !== null && row.did !== null && row.rkey !== null)
          result.set(row.postId, { state: 'published', did: row.did, rkey: row.rkey });
        else if (row.queued) result.set(row.postId, { state: 'queued', attempts: row.attempts ?? 0 });
        else result.set(row.postId, { state: 'local' });
      }
      return result;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
