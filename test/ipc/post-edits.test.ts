import { describe, expect, it } from 'vitest';
import type { Page, Post, PostRevision, Session, TimelinePost, User } from '../../electron/ipc/contract';
import { createAppContext } from '../../electron/main/app-context';
import { startApp } from './context';

const FAMILY = '👨‍👩‍👧‍👦';

/** ann (active) and bob (with a password), and ann's post. */
async function twoProfiles() {
  const app = await startApp();
  const ann = await app.ok<User>('users:create', { username: 'ann', email: 'ann@example.com' });
  const bob = await app.ok<User>('users:create', {
    username: 'bob',
    email: 'bob@example.com',
    password: 'correct horse',
  });
  await app.ok<Session>('session:activate', { userId: ann.id });
  const post = await app.ok<Post>('posts:create', { userId: ann.id, body: 'helo #typo' });
  const stored = () => app.ctx.db.prepare(`SELECT * FROM posts ORDER BY id`).all();
  return { ...app, ann, bob, post, stored };
}

describe('posts:edit and posts:history', () => {
  it('140 family emoji are 140 characters through IPC; 141 are refused with the count', async () => {
    const { ok, fails, ann, post } = await twoProfiles();
    const created = await ok<Post>('posts:create', { userId: ann.id, body: FAMILY.repeat(140) });
    expect(created.body).toBe(FAMILY.repeat(140));
    expect(await fails('posts:edit', { postId: post.id, userId: ann.id, body: FAMILY.repeat(141) })).toEqual({
      code: 'BODY_TOO_LONG',
      message: 'A post has at most 140 characters. This one has 141.',
      sentence: { key: 'errors.bodyTooLong', params: { max: 140, length: 141 } },
      field: 'body',
    });
  });

  it('the active author edits; the time stays, "edited" and the history come back', async () => {
    const { ok, ann, post } = await twoProfiles();
    const edited = await ok<Post>('posts:edit', { postId: post.id, userId: ann.id, body: 'hello #fixed' });
    expect(edited).toMatchObject({ id: post.id, body: 'hello #fixed', timestamp: post.timestamp });
    expect(edited.editedAt).not.toBeNull();
    expect(await ok<PostRevision[]>('posts:history', { postId: post.id })).toEqual([
      { body: 'helo #typo', writtenAt: post.timestamp },
    ]);
    const page = await ok<Page<TimelinePost>>('posts:timeline', {});
    expect(page.items[0]).toEqual({ ...edited, username: 'ann' });
    expect((await ok<Page<TimelinePost>>('posts:byTag', { tag: 'FIXED' })).items.map((p) => p.id)).toEqual([
      post.id,
    ]);
    expect((await ok<Page<TimelinePost>>('posts:byTag', { tag: 'typo' })).items).toEqual([]);
  });

  it('a retry with the same key edits once', async () => {
    const { ok, ann, post } = await twoProfiles();
    const payload = { postId: post.id, userId: ann.id, body: 'once', key: 'edit-key-1' };
    const first = await ok<Post>('posts:edit', payload);
    expect(await ok<Post>('posts:edit', payload)).toEqual(first);
    expect(await ok<PostRevision[]>('posts:history', { postId: post.id })).toHaveLength(1);
  });

  it('anyone but the active, unlocked author is refused, and nothing changes', async () => {
    const { ok, fails, ann, bob, post, stored, dbPath, ctx } = await twoProfiles();
    const before = stored();
    // Another profile, not active, names itself; a profile that does not exist is not found.
    expect(await fails('posts:edit', { postId: post.id, userId: bob.id, body: 'mine' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await fails('posts:edit', { postId: post.id, userId: 4242, body: 'mine' })).toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    // bob is active (he gave his password when he was made) and edits ann's post as himself.
    await ok('session:activate', { userId: bob.id });
    expect(await fails('posts:edit', { postId: post.id, userId: bob.id, body: 'mine' })).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the profile that wrote a post can change it.',
      sentence: { key: 'errors.notYourPost' },
      field: 'postId',
    });
    expect(await fails('posts:edit', { postId: post.id, userId: ann.id, body: 'as ann' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(stored()).toEqual(before);
    // After a restart bob is active but locked: his own post cannot be edited or restored.
    const bobs = await ok<Post>('posts:create', { userId: bob.id, body: 'bob was here' });
    ctx.close();
    const again = await createAppContext({ dbPath });
    try {
      for (const [channel, payload] of [
        ['posts:edit', { postId: bobs.id, userId: bob.id, body: 'locked edit' }],
        ['posts:restore', { postId: bobs.id, userId: bob.id }],
      ] as const) {
        expect(await again.dispatch(channel, payload)).toMatchObject({
          ok: false,
          error: { code: 'PROFILE_LOCKED', field: 'password' },
        });
      }
      expect(again.db.prepare(`SELECT body FROM posts WHERE id = ?`).pluck().get(bobs.id)).toBe(
        'bob was here',
      );
    } finally {
      again.close();
    }
  });
});

describe('posts:delete and posts:restore', () => {
  it('a deleted post comes back the same, with its tags and history', async () => {
    const { ok, fails, ann, post } = await twoProfiles();
    const edited = await ok<Post>('posts:edit', { postId: post.id, userId: ann.id, body: 'hello #fixed' });
    await ok('posts:delete', { postId: post.id, userId: ann.id });
    expect((await ok<Page<TimelinePost>>('posts:timeline', {})).items).toEqual([]);
    expect(await fails('posts:history', { postId: post.id })).toMatchObject({ code: 'POST_NOT_FOUND' });
    expect(await ok<Post>('posts:restore', { postId: post.id, userId: ann.id, key: 'undo-1' })).toEqual(
      edited,
    );
    expect(await ok<Post>('posts:restore', { postId: post.id, userId: ann.id, key: 'undo-1' })).toEqual(
      edited,
    );
    expect((await ok<Page<TimelinePost>>('posts:byTag', { tag: 'fixed' })).items).toEqual([
      { ...edited, username: 'ann' },
    ]);
    expect(await ok<PostRevision[]>('posts:history', { postId: post.id })).toHaveLength(1);
  });

  it('refuses a tag that is not a word, in the app’s own sentence', async () => {
    const { fails } = await twoProfiles();
    for (const tag of ['', 'two words', '#hash', 'x'.repeat(65)]) {
      expect(await fails('posts:byTag', { tag })).toEqual({
        code: 'BAD_REQUEST',
        message: 'A tag has 1 to 64 letters, digits or "_".',
        field: 'tag',
      });
    }
  });
});
