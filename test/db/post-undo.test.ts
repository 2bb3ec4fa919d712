import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { seedDatabase, tempDir } from '../fixtures/index';

/** A database file with ann's edited, tagged post 4 among others, and its repositories. */
async function fileWithEditedPost() {
  const file = path.join(tempDir(), 'microblog.db');
  await seedDatabase(file, { users: 2, posts: 3 });
  const db = openDatabase(file);
  const repos = createRepositories(db);
  const post = repos.posts.create({ userId: 1, body: 'hello #one', timestamp: '2026-01-05T00:00:00.000Z' });
  repos.posts.edit(post.id, 1, 'hello #two @bob');
  return { file, db, repos, postId: post.id };
}

/** Everything stored about a post: its row, its tags and its revisions. */
function whole(db: ReturnType<typeof openDatabase>, postId: number) {
  return {
    post: db.prepare(`SELECT * FROM posts WHERE id = ?`).get(postId),
    tags: db.prepare(`SELECT tag, timestamp FROM post_tags WHERE post_id = ? ORDER BY tag`).all(postId),
    revisions: db
      .prepare(`SELECT body, written_at FROM post_revisions WHERE post_id = ? ORDER BY id`)
      .all(postId),
  };
}

describe('undo of a delete', () => {
  it('restores the same post: id, body, timestamp, edit time, tags and revisions', async () => {
    const { db, repos, postId } = await fileWithEditedPost();
    const before = whole(db, postId);
    expect(before.tags).toHaveLength(1);
    expect(before.revisions).toHaveLength(1);
    repos.posts.delete(postId, 1);
    expect(whole(db, postId)).toEqual({ post: undefined, tags: [], revisions: [] });
    expect(repos.posts.byTag('two').items).toEqual([]);
    expect(repos.posts.restore(postId, 1).id).toBe(postId);
    expect(whole(db, postId)).toEqual(before);
    expect(repos.posts.byTag('two').items.map((p) => p.id)).toEqual([postId]);
    expect(db.prepare(`SELECT count(*) FROM deleted_posts`).pluck().get()).toBe(0);
    db.close();
  });

  it('restores once, only for the author, and never over a post that exists', async () => {
    const { db, repos, postId } = await fileWithEditedPost();
    repos.posts.delete(postId, 1);
    expect(() => repos.posts.restore(postId, 2)).toThrow('That post can no longer be restored.');
    repos.posts.restore(postId, 1);
    expect(() => repos.posts.restore(postId, 1)).toThrow('That post can no longer be restored.');
    db.close();
  });

  it('a quit during the Undo seconds: after the next start the post is gone whole, and stays gone', async () => {
    const { file, db, repos, postId } = await fileWithEditedPost();
    const others = db.prepare(`SELECT * FROM posts WHERE id <> ? ORDER BY id`).all(postId);
    repos.posts.delete(postId, 1);
    // The app stops here: the delete and its snapshot were one transaction, both on disk.
    db.close();
    const reopened = openDatabase(file, { readonly: true });
    expect(reopened.prepare(`SELECT post_id FROM deleted_posts`).pluck().all()).toEqual([postId]);
    expect(whole(reopened, postId)).toEqual({ post: undefined, tags: [], revisions: [] });
    reopened.close();

    const app = await createAppContext({ dbPath: file });
    try {
      expect((await app.dispatch('session:activate', { userId: 1 })).ok).toBe(true);
      expect(await app.dispatch('posts:restore', { postId, userId: 1 })).toMatchObject({
        ok: false,
        error: { code: 'POST_NOT_FOUND' },
      });
      expect(whole(app.db, postId)).toEqual({ post: undefined, tags: [], revisions: [] });
      expect(app.db.prepare(`SELECT count(*) FROM deleted_posts`).pluck().get()).toBe(0);
      expect(app.db.prepare(`SELECT * FROM posts WHERE id <> ? ORDER BY id`).all(postId)).toEqual(others);
      expect(app.db.pragma('foreign_key_check')).toEqual([]);
      // Its id is never handed out again.
      const next = await app.dispatch('posts:create', { userId: 1, body: 'after the restart' });
      expect(next.ok && (next.value as { id: number }).id).toBeGreaterThan(postId);
    } finally {
      app.close();
    }
  });

  it('a quit before the delete committed leaves the post whole', async () => {
    const { db, repos, postId } = await fileWithEditedPost();
    const before = whole(db, postId);
    // The transaction fails at its last statement: nothing of it may remain.
    db.exec(
      `CREATE TEMP TRIGGER fail_delete BEFORE DELETE ON posts BEGIN SELECT RAISE(ABORT, 'disk gone'); END`,
    );
    expect(() => repos.posts.delete(postId, 1)).toThrow();
    expect(whole(db, postId)).toEqual(before);
    expect(db.prepare(`SELECT count(*) FROM deleted_posts`).pluck().get()).toBe(0);
    db.close();
  });
});
