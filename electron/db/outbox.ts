import type { Db } from './connection';
import { MicroblogError, toMicroblogError } from './errors';
import { type PublishState, failureOf } from './publish-state';
import { tidSql } from './tid-sql';
import { type SentenceRef, say } from './sentences';

export type { PublishState } from './publish-state';

/** One write still to be sent to the profile's repository, with what the publisher needs to send it. */
export interface OutboxEntry {
  id: number;
  userId: number;
  op: 'create' | 'delete' | 'profile';
  rkey: string;
  postId: number | null;
  /** The post's body and time as they are now (an edit before sending goes out). */
  body: string | null;
  timestamp: string | null;
  attempts: number;
}

/** What a linked profile publishes to its profile record (whichever fields it has). */
export interface LocalProfile {
  displayName: string | null;
  aboutMe: string | null;
  avatar: Uint8Array | null;
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
  const dueNow = db.prepare<[number]>(`UPDATE outbox SET due_at = 0 WHERE user_id = ? AND failure IS NULL`);
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
  const profile = db.prepare<[number], LocalProfile>(
    `SELECT u.display_name AS displayName, u.about_me AS aboutMe, v.image AS avatar
     FROM users u LEFT JOIN avatars v ON v.user_id = u.id WHERE u.id = ?`,
  );
  const profileFailure = db
    .prepare<[number], string>(
      `SELECT failure FROM outbox WHERE user_id = ? AND op = 'profile' AND failure IS NOT NULL`,
    )
    .pluck();
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

    /** The network came back: what waited out an unreachable PDS is due now, not after its backoff. */
    dueNow(userId: number): void {
      dueNow.run(userId);
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

    /** The profile's name, about me and picture as they are now, for its profile record; null when it is gone. */
    profile(userId: number): LocalProfile | null {
      return profile.get(userId) ?? null;
    },

    /** Why the server refused the profile record, until the profile changes again; null otherwise. */
    profileFailure(userId: number): { reason: string; sentence?: SentenceRef } | null {
      const stored = profileFailure.get(userId);
      return stored === undefined ? null : failureOf(stored);
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
