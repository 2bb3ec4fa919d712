/**
 * For the fuzz test: after a write was acknowledged, read it back (through the same dispatcher
 * and as raw bytes in the table) and check it equals what was sent. A write that said "saved"
 * must have saved exactly that: no lone surrogate turned into U+FFFD, no text cut or changed.
 */
import { isDeepStrictEqual } from 'node:util';
import { extractTags } from '../../electron/db/post-text';
import type { Channel } from '../../electron/ipc/contract';
import type { AppContext } from '../../electron/main/app-context';

type Fields = Record<string, unknown>;

/** Fails loudly with both sides, so a shrunk counterexample says what differed. */
function same(what: string, actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what} read back ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

const utf8Hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

/** The stored text's bytes, as hex: equal to the sent text's UTF-8 only if nothing was replaced. */
function storedHex(app: AppContext, sql: string, id: number): string | undefined {
  return app.db.prepare<[number], string>(sql).pluck().get(id);
}

async function readValue(app: AppContext, channel: Channel, payload: Fields): Promise<unknown> {
  const result = await app.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel} could not read back: ${result.error.message}`);
  return result.value;
}

/**
 * Checks one acknowledged call; true when it was a write (and so was read back), false for a
 * read-only channel. Throws when anything differs from what the caller sent.
 */
export async function readsBackEqual(
  app: AppContext,
  channel: string,
  payload: unknown,
  value: unknown,
): Promise<boolean> {
  const sent = payload as Fields;
  switch (channel) {
    case 'users:create': {
      const user = value as { id: number; username: string };
      const expected = {
        id: user.id,
        username: sent.username,
        displayName: null,
        email: sent.email === undefined || sent.email === '' ? null : sent.email,
        hasPassword: typeof sent.password === 'string' && sent.password !== '',
        hasAvatar: false,
      };
      same('users:create result', value, expected);
      const profile = (await readValue(app, 'users:get', { username: user.username })) as Fields;
      same(
        'users:get',
        { ...profile, lastSeen: null, createdAt: null },
        {
          ...expected,
          postCount: 0,
          aboutMe: null,
          lastSeen: null,
          createdAt: null,
          avatar: null,
          followers: 0,
          following: 0,
        },
      );
      const hex = `SELECT hex(username) || '/' || coalesce(hex(email), '') FROM users WHERE id = ?`;
      same(
        'stored username/email',
        storedHex(app, hex, user.id),
        `${utf8Hex(user.username)}/${utf8Hex(typeof sent.email === 'string' ? sent.email : '')}`,
      );
      return true;
    }
    case 'posts:create': {
      const post = value as { id: number; timestamp: string };
      same('posts:create result', value, {
        id: post.id,
        body: sent.body,
        timestamp: post.timestamp,
        userId: sent.userId,
        editedAt: null,
      });
      const row = app.db
        .prepare(`SELECT body, timestamp, user_id AS userId FROM posts WHERE id = ?`)
        .get(post.id);
      same('stored post', row, { body: sent.body, timestamp: post.timestamp, userId: sent.userId });
      same(
        'stored body bytes',
        storedHex(app, `SELECT hex(body) FROM posts WHERE id = ?`, post.id),
        utf8Hex(String(sent.body)),
      );
      same('draft after posting', await readValue(app, 'drafts:get', { userId: sent.userId }), null);
      return true;
    }
    case 'drafts:save': {
      const draft = await readValue(app, 'drafts:get', { userId: sent.userId });
      same('drafts:get', draft, value);
      if (sent.body === '') {
        same('cleared draft', value, null);
        return true;
      }
      same('drafts:save result', (value as Fields).body, sent.body);
      same(
        'stored draft bytes',
        storedHex(app, `SELECT hex(body) FROM drafts WHERE user_id = ?`, Number(sent.userId)),
        utf8Hex(String(sent.body)),
      );
      return true;
    }
    case 'users:update': {
      const orNull = (text: unknown) => (text === '' ? null : text);
      const user = value as { id: number; username: string };
      same('users:update result', value, {
        ...(value as Fields),
        username: sent.username,
        displayName: orNull(sent.displayName),
        email: orNull(sent.email),
      });
      const profile = (await readValue(app, 'users:get', { username: user.username })) as Fields;
      same(
        'users:get',
        [profile.id, profile.username, profile.displayName, profile.email, profile.aboutMe],
        [user.id, sent.username, orNull(sent.displayName), orNull(sent.email), orNull(sent.aboutMe)],
      );
      const hex = `SELECT hex(username) || '/' || coalesce(hex(display_name), '') || '/' || coalesce(hex(about_me), '') FROM users WHERE id = ?`;
      same(
        'stored username/display name/about me',
        storedHex(app, hex, user.id),
        [sent.username, sent.displayName, sent.aboutMe].map((t) => utf8Hex(String(t))).join('/'),
      );
      return true;
    }
    case 'users:setAvatar': {
      const bytes = Buffer.from(sent.image as Uint8Array).toString('base64');
      same(
        'users:avatar',
        String(await readValue(app, 'users:avatar', { userId: sent.userId })).split(',')[1],
        bytes,
      );
      return true;
    }
    case 'users:removeAvatar':
      same('users:avatar', await readValue(app, 'users:avatar', { userId: sent.userId }), null);
      return true;
    case 'posts:edit':
    case 'posts:restore': {
      const post = value as { id: number; body: string; timestamp: string; editedAt: string | null };
      const row = app.db
        .prepare(`SELECT id, body, timestamp, edited_at AS editedAt FROM posts WHERE id = ?`)
        .get(post.id);
      same(`${channel} stored post`, row, {
        id: post.id,
        body: post.body,
        timestamp: post.timestamp,
        editedAt: post.editedAt,
      });
      if (channel === 'posts:edit') same('edited body', post.body, sent.body);
      same(
        'stored tags',
        app.db.prepare(`SELECT tag FROM post_tags WHERE post_id = ? ORDER BY rowid`).pluck().all(post.id),
        extractTags(post.body),
      );
      return true;
    }
    case 'posts:delete':
      same(
        'deleted post',
        app.db.prepare(`SELECT count(*) FROM posts WHERE id = ?`).pluck().get(sent.postId),
        0,
      );
      return true;
    case 'users:delete':
      same(
        'deleted profile',
        app.db.prepare(`SELECT count(*) FROM users WHERE id = ?`).pluck().get(sent.userId),
        0,
      );
      same(
        'its posts',
        app.db.prepare(`SELECT count(*) FROM posts WHERE user_id = ?`).pluck().get(sent.userId),
        0,
      );
      return true;
    case 'session:activate':
    case 'session:unlock':
      same(
        `${channel} profile`,
        (value as { activeUser: { id: number } | null }).activeUser?.id,
        sent.userId,
      );
      same('session:get', await readValue(app, 'session:get', {}), value);
      return true;
    case 'settings:set': {
      const stored = value as Fields;
      // An undefined field changes nothing; null language means "follow the system".
      if (sent.language !== undefined) same('settings:set language', stored.language, sent.language);
      if (sent.theme !== undefined) same('settings:set theme', stored.theme, sent.theme);
      same('settings:get', await readValue(app, 'settings:get', {}), value);
      return true;
    }
    case 'follows:add':
    case 'follows:remove':
      same(
        `${channel} stored`,
        app.db
          .prepare(`SELECT count(*) FROM follows WHERE follower_id = ? AND followed_id = ?`)
          .pluck()
          .get(sent.followerId, sent.followedId),
        channel === 'follows:add' ? 1 : 0,
      );
      return true;
    default:
      return false;
  }
}
