import type { Db } from './connection';
import { decodeCursor, encodeCursor } from './cursor';
import { MicroblogError, toMicroblogError } from './errors';
import type { Page } from './models';
import { PAGE_SIZE_MAX, PAGE_SIZE_SENTENCE } from './rules';
import type { FollowCounts, FollowEntry } from './social-models';

export type { FollowCounts, FollowEntry } from './social-models';

const DEFAULT_PAGE_SIZE = 20;

/** The page size asked for, or INVALID_INPUT: the same rule as the post lists. */
export function listSize(limit: number | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  const size = limit ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE_MAX) {
    throw new MicroblogError('INVALID_INPUT', PAGE_SIZE_SENTENCE, 'limit');
  }
  return size;
}

function toFollowPage(rows: FollowEntry[], size: number): Page<FollowEntry> {
  if (rows.length <= size) return { items: rows, nextCursor: null };
  const items = rows.slice(0, size);
  const last = items[items.length - 1] as FollowEntry;
  return { items, nextCursor: encodeCursor({ timestamp: last.since, id: last.id }) };
}

/** The list queries' shape: `mine` is the column holding the profile asked about, `theirs` the other side. */
function listSql(mine: string, theirs: string, after: boolean): string {
  const keyset = after ? `AND (f.created_at, f.${theirs}) < (?, ?)` : '';
  return `SELECT u.id AS id, u.username AS username, f.created_at AS since
    FROM follows f JOIN users u ON u.id = f.${theirs}
    WHERE f.${mine} = ? ${keyset}
    ORDER BY f.created_at DESC, f.${theirs} DESC LIMIT ?`;
}

/** Who follows whom, over prepared statements; both lists are keyset-paged on (created_at, id). */
export function createFollowRepository(db: Db) {
  const insert = db.prepare<[number, number, string]>(
    `INSERT INTO follows (follower_id, followed_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const remove = db.prepare<[number, number]>(
    `DELETE FROM follows WHERE follower_id = ? AND followed_id = ?`,
  );
  const exists = db
    .prepare<[number, number], number>(
      `SELECT count(*) FROM follows WHERE follower_id = ? AND followed_id = ?`,
    )
    .pluck();
  const followerCount = db
    .prepare<[number], number>(`SELECT count(*) FROM follows WHERE followed_id = ?`)
    .pluck();
  const followingCount = db
    .prepare<[number], number>(`SELECT count(*) FROM follows WHERE follower_id = ?`)
    .pluck();
  const followedIds = db
    .prepare<[number], number>(`SELECT followed_id FROM follows WHERE follower_id = ?`)
    .pluck();
  const followersFirst = db.prepare<[number, number], FollowEntry>(
    listSql('followed_id', 'follower_id', false),
  );
  const followersAfter = db.prepare<[number, string, number, number], FollowEntry>(
    listSql('followed_id', 'follower_id', true),
  );
  const followingFirst = db.prepare<[number, number], FollowEntry>(
    listSql('follower_id', 'followed_id', false),
  );
  const followingAfter = db.prepare<[number, string, number, number], FollowEntry>(
    listSql('follower_id', 'followed_id', true),
  );

  return {
    /** `followerId` follows `followedId` (again is a no-op); USER_NOT_FOUND or INVALID_INPUT for oneself. */
    add(followerId: number, followedId: number, at = new Date().toISOString()): void {
      try {
        insert.run(followerId, followedId, at);
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** Ends the follow, if there was one. */
    remove(followerId: number, followedId: number): void {
      remove.run(followerId, followedId);
    },

    /** True when `followerId` follows `followedId`. */
    isFollowing(followerId: number, followedId: number): boolean {
      return (exists.get(followerId, followedId) ?? 0) > 0;
    },

    /** How many follow this profile and how many it follows. */
    counts(userId: number): FollowCounts {
      return { followers: followerCount.get(userId) ?? 0, following: followingCount.get(userId) ?? 0 };
    },

    /** The ids of every profile this one follows (for the Following feed). */
    followedIds(userId: number): number[] {
      return followedIds.all(userId);
    },

    /** Who follows this profile, newest follow first. */
    followers(userId: number, options: { cursor?: string | null; limit?: number } = {}): Page<FollowEntry> {
      const size = listSize(options.limit);
      if (!options.cursor) return toFollowPage(followersFirst.all(userId, size + 1), size);
      const { timestamp, id } = decodeCursor(options.cursor);
      return toFollowPage(followersAfter.all(userId, timestamp, id, size + 1), size);
    },

    /** Whom this profile follows, newest follow first. */
    following(userId: number, options: { cursor?: string | null; limit?: number } = {}): Page<FollowEntry> {
      const size = listSize(options.limit);
      if (!options.cursor) return toFollowPage(followingFirst.all(userId, size + 1), size);
      const { timestamp, id } = decodeCursor(options.cursor);
      return toFollowPage(followingAfter.all(userId, timestamp, id, size + 1), size);
    },
  };
}

export type FollowRepository = ReturnType<typeof createFollowRepository>;
