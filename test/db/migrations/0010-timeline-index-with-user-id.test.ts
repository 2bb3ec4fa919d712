/**
 * 0010 widens the timeline index with each post's author: every existing post is in it, and the
 * timeline and the Following feed read the same posts through it as before.
 */
import { describe, expect } from 'vitest';
import { createRepositories } from '../../../electron/db/index';
import { createMigrator } from '../../../electron/db/migrator';
import { migrations } from '../../../migrations/index';
import { insertRows, migrateTo, test } from '../../fixtures/index';

const BEFORE = '0009-full-text-search';
const AFTER = '0010-timeline-index-with-user-id';

const postIndexes = (db: Parameters<typeof insertRows>[0]) =>
  db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'posts' ORDER BY name`)
    .pluck()
    .all();

describe(AFTER, () => {
  test('indexes every existing post with its author; timeline and feed pages are unchanged', async ({
    db,
  }) => {
    await migrateTo(db, BEFORE);
    insertRows(
      db,
      'users',
      ['susan', 'bob', 'carol'].map((username) => ({ username, email: `${username}@example.com` })),
    );
    // Two posts share each second, so the id breaks the tie as it did before.
    insertRows(
      db,
      'posts',
      Array.from({ length: 30 }, (_, i) => ({
        body: `post ${i}`,
        timestamp: `2026-01-01T00:00:${String(Math.floor(i / 2)).padStart(2, '0')}.000Z`,
        user_id: (i % 3) + 1,
      })),
    );
    insertRows(db, 'follows', [{ follower_id: 1, followed_id: 2 }]);
    const newestFirst = db
      .prepare(`SELECT id, user_id FROM posts ORDER BY timestamp DESC, id DESC`)
      .all() as { id: number; user_id: number }[];

    await migrateTo(db, AFTER);

    expect(postIndexes(db)).toEqual(['ix_posts_timestamp_user_id', 'ix_posts_user_id_timestamp']);
    // Read from the index alone (it covers these columns): every post, in order, with its author.
    expect(
      db
        .prepare(
          `SELECT id, user_id FROM posts INDEXED BY ix_posts_timestamp_user_id ORDER BY timestamp DESC, id DESC`,
        )
        .all(),
    ).toEqual(newestFirst);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const repos = createRepositories(db);
    expect(repos.posts.timeline({ limit: 50 }).items.map((p) => p.id)).toEqual(newestFirst.map((p) => p.id));
    expect(repos.feed.following(1, { limit: 50 }).items.map((p) => p.id)).toEqual(
      newestFirst.filter((p) => p.user_id !== 3).map((p) => p.id),
    );
  });

  test('down brings back the narrower index over every post', async ({ db }) => {
    await migrateTo(db, AFTER);
    insertRows(db, 'users', [{ username: 'susan', email: 'susan@example.com' }]);
    insertRows(db, 'posts', [
      { body: 'older', timestamp: '2026-01-01T00:00:00.000Z', user_id: 1 },
      { body: 'newer', timestamp: '2026-01-02T00:00:00.000Z', user_id: 1 },
    ]);
    await createMigrator(db, { migrations }).down({ step: 1 });
    expect(postIndexes(db)).toEqual(['ix_posts_timestamp', 'ix_posts_user_id_timestamp']);
    expect(
      db
        .prepare(`SELECT body FROM posts INDEXED BY ix_posts_timestamp ORDER BY timestamp DESC, id DESC`)
        .pluck()
        .all(),
    ).toEqual(['newer', 'older']);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
