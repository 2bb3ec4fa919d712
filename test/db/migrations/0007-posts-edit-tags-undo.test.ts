/**
 * 0007 rebuilds posts and drafts with ceilings SQLite can check, adds revisions, tags and undo
 * snapshots, and fills post_tags for every existing post by the app's own rule.
 */
import { describe, expect } from 'vitest';
import { migrateToLatest } from '../../../electron/db/migrator';
import { extractTags } from '../../../electron/db/post-text';
import { createRepositories } from '../../../electron/db/index';
import { migrations } from '../../../migrations/index';
import { insertRows, migrateTo, test } from '../../fixtures/index';

const BEFORE = '0005-never-reuse-ids-and-write-keys';

const BODIES = [
  'plain text, no tags',
  '#TIL sqlite has #SQLite-style tags #til',
  'a link https://example.com/#not-a-tag and #real',
  'email john@example.com #日本語 #2024 #café #CAFÉ',
  `#${'a'.repeat(64)} #${'b'.repeat(65)}`,
  '(#paren) a#b #1',
  `#${'İ'.repeat(40)} #ok_1`,
];

describe('0007-posts-edit-tags-undo', () => {
  test('keeps every post, draft and id, and finds exactly the tags the app finds', async ({ db }) => {
    await migrateTo(db, BEFORE);
    insertRows(db, 'users', [{ username: 'susan', email: 'susan@example.com' }]);
    insertRows(
      db,
      'posts',
      BODIES.map((body, i) => ({ body, timestamp: `2026-01-0${i + 1}T00:00:00.000Z`, user_id: 1 })),
    );
    insertRows(db, 'drafts', [
      { user_id: 1, body: 'half a thought', updated_at: '2026-01-09T00:00:00.000Z' },
    ]);
    // The highest id was deleted before the upgrade: the rebuild must not hand it out again.
    insertRows(db, 'posts', [{ body: 'gone', timestamp: '2026-01-08T00:00:00.000Z', user_id: 1 }]);
    db.prepare(`DELETE FROM posts WHERE body = 'gone'`).run();
    const posts = db.prepare(`SELECT id, body, timestamp, user_id FROM posts ORDER BY id`).all();
    const drafts = db.prepare(`SELECT * FROM drafts`).all();

    await migrateToLatest(db, { migrations });

    expect(db.prepare(`SELECT id, body, timestamp, user_id FROM posts ORDER BY id`).all()).toEqual(posts);
    expect(db.prepare(`SELECT count(*) FROM posts WHERE edited_at IS NOT NULL`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT * FROM drafts`).all()).toEqual(drafts);
    const stored = db.prepare(`SELECT tag FROM post_tags WHERE post_id = ? ORDER BY rowid`).pluck();
    for (const post of posts as { id: number; body: string; timestamp: string }[]) {
      expect(stored.all(post.id), post.body).toEqual(extractTags(post.body));
    }
    expect(
      db
        .prepare(
          `SELECT count(*) FROM post_tags t JOIN posts p ON p.id = t.post_id WHERE t.timestamp <> p.timestamp`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM post_tags`).pluck().get()).toBe(7);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const repos = createRepositories(db);
    expect(repos.posts.create({ userId: 1, body: 'after' }).id).toBe(BODIES.length + 2);
    expect(repos.posts.byTag('TIL').items.map((p) => p.body)).toEqual([BODIES[1]]);
  });

  test('fills the tags of 100,000 posts in the same migration (time in the log)', async ({ db }) => {
    await migrateTo(db, BEFORE);
    insertRows(db, 'users', [{ username: 'susan', email: 'susan@example.com' }]);
    const insert = db.prepare(`INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, 1)`);
    const tags = ['#til', '#music', '#SQLite', '#rust'];
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        // As the seed data: about half the posts carry a tag or two.
        const body = i % 2 === 0 ? `post ${i} ${tags[i % 4]} ${i % 6 === 0 ? '#daily' : ''}` : `post ${i}`;
        insert.run(body, new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString());
      }
    })();
    const started = performance.now();
    await migrateToLatest(db, { migrations });
    const ms = performance.now() - started;
    console.log(`0007 on 100,000 posts (rebuild and tag backfill): ${ms.toFixed(0)} ms`);
    expect(db.prepare(`SELECT count(*) FROM posts`).pluck().get()).toBe(100_000);
    expect(db.prepare(`SELECT count(*) FROM post_tags`).pluck().get()).toBe(50_000 + 16_667);
    expect(db.prepare(`SELECT count(*) FROM post_tags WHERE tag = 'sqlite'`).pluck().get()).toBe(25_000);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  }, 120_000);
});
