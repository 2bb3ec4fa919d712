import { describe, expect, it } from 'vitest';
import { MicroblogError } from '../../electron/db/errors';
import { migratedDb } from '../fixtures/index';

async function withPost(body = 'frist post #typo') {
  const { db, repos } = await migratedDb();
  const ann = repos.users.create({ username: 'ann', email: 'ann@example.com' });
  const bob = repos.users.create({ username: 'bob', email: 'bob@example.com' });
  const post = repos.posts.create({ userId: ann.id, body, timestamp: '2026-01-01T10:00:00.000Z' });
  const tags = () =>
    db.prepare(`SELECT tag FROM post_tags WHERE post_id = ? ORDER BY tag`).pluck().all(post.id);
  return { db, repos, ann, bob, post, tags };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof MicroblogError ? error.code : 'not a MicroblogError';
  }
  return undefined;
}

describe('editing a post', () => {
  it('replaces the body and tags, keeps the timestamp, and keeps the earlier body with its time', async () => {
    const { repos, ann, post, tags } = await withPost();
    expect(tags()).toEqual(['typo']);
    const edited = repos.posts.edit(post.id, ann.id, 'first post #fixed #SQLite');
    expect(edited).toMatchObject({
      id: post.id,
      body: 'first post #fixed #SQLite',
      timestamp: post.timestamp,
    });
    expect(edited.editedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(repos.posts.get(post.id)).toEqual(edited);
    expect(tags()).toEqual(['fixed', 'sqlite']);
    expect(repos.posts.history(post.id)).toEqual([{ body: 'frist post #typo', writtenAt: post.timestamp }]);

    const again = repos.posts.edit(post.id, ann.id, 'first post, final');
    expect(repos.posts.history(post.id)).toEqual([
      { body: 'first post #fixed #SQLite', writtenAt: edited.editedAt },
      { body: 'frist post #typo', writtenAt: post.timestamp },
    ]);
    expect(String(again.editedAt) > String(edited.editedAt)).toBe(true);
    expect(tags()).toEqual([]);
    // The post keeps its place: the timeline still orders it by the first timestamp.
    expect(repos.posts.timeline().items.map((p) => [p.id, p.timestamp])).toEqual([[post.id, post.timestamp]]);
  });

  it('uses the same rules and sentences as posting, and changes nothing on a refusal', async () => {
    const { db, repos, ann, post } = await withPost();
    const before = db.prepare(`SELECT * FROM posts`).all();
    for (const [body, code] of [
      ['   ', 'BODY_EMPTY'],
      ['👨‍👩‍👧‍👦'.repeat(141), 'BODY_TOO_LONG'],
      ['a\0b', 'INVALID_INPUT'],
    ] as const) {
      expect(
        codeOf(() => repos.posts.edit(post.id, ann.id, body)),
        body.slice(0, 9),
      ).toBe(code);
    }
    expect(db.prepare(`SELECT * FROM posts`).all()).toEqual(before);
    expect(repos.posts.history(post.id)).toEqual([]);
    // 140 family emoji are 140 characters: accepted.
    expect(repos.posts.edit(post.id, ann.id, '👨‍👩‍👧‍👦'.repeat(140)).body).toBe('👨‍👩‍👧‍👦'.repeat(140));
  });

  it('lets only the author edit: anyone else gets FORBIDDEN, a missing post POST_NOT_FOUND', async () => {
    const { repos, bob, ann, post } = await withPost();
    expect(codeOf(() => repos.posts.edit(post.id, bob.id, 'mine now'))).toBe('FORBIDDEN');
    expect(codeOf(() => repos.posts.edit(999, ann.id, 'nothing'))).toBe('POST_NOT_FOUND');
    expect(codeOf(() => repos.posts.history(999))).toBe('POST_NOT_FOUND');
    expect(repos.posts.get(post.id)?.body).toBe('frist post #typo');
  });

  it('writes no revision when the text is the same', async () => {
    const { repos, ann, post } = await withPost();
    expect(repos.posts.edit(post.id, ann.id, post.body)).toEqual(post);
    expect(repos.posts.history(post.id)).toEqual([]);
  });
});

describe('posts of a tag', () => {
  it('are exactly the posts with that tag in any case, newest first, keyset-paged', async () => {
    const { repos, ann, bob } = await withPost('#other only');
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const author = i % 2 === 0 ? ann : bob;
      const body = i === 3 ? 'no tag here, #other' : `#TIL number ${i}`;
      const post = repos.posts.create({
        userId: author.id,
        body,
        timestamp: `2026-02-0${i + 1}T00:00:00.000Z`,
      });
      if (i !== 3) ids.unshift(post.id);
    }
    const first = repos.posts.byTag('til', { limit: 4 });
    expect(first.items.map((p) => p.id)).toEqual(ids.slice(0, 4));
    expect(first.items[0]?.username).toBe('ann');
    const second = repos.posts.byTag('Til', { limit: 4, cursor: first.nextCursor });
    expect(second.items.map((p) => p.id)).toEqual(ids.slice(4));
    expect(second.nextCursor).toBeNull();
    expect(repos.posts.byTag('nothing').items).toEqual([]);
  });
});
