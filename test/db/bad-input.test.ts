import { describe, expect, it } from 'vitest';
import { migratedDb } from '../fixtures/index';
import { dump } from './helpers';

/** Each case: what the user typed, and the typed error (code, field) it must come back as. */
const badPosts: [string, { body: string; userId?: number }, string, string][] = [
  ['empty body', { body: '' }, 'BODY_EMPTY', 'body'],
  ['whitespace-only body', { body: ' \n\t  ' }, 'BODY_EMPTY', 'body'],
  ['141 characters', { body: 'x'.repeat(141) }, 'BODY_TOO_LONG', 'body'],
  ['141 emoji', { body: '🙂'.repeat(141) }, 'BODY_TOO_LONG', 'body'],
  ['a 10 KB string', { body: 'y'.repeat(10 * 1024) }, 'BODY_TOO_LONG', 'body'],
  ['NUL bytes', { body: 'hello\0world' }, 'INVALID_INPUT', 'body'],
  ['a post for a missing user id', { body: 'hello', userId: 999 }, 'USER_NOT_FOUND', 'userId'],
  ['a post for user id 0', { body: 'hello', userId: 0 }, 'USER_NOT_FOUND', 'userId'],
];

type UserInput = { username: string; email: string; password?: string };

/** Invalid input in one field: [what the user typed, the value, the other field's (valid) value]. */
function invalid(field: 'username' | 'email', cases: [string, string, string][]) {
  return cases.map(([label, value, other]): [string, UserInput, string, string] => [
    label,
    field === 'username' ? { username: value, email: other } : { username: other, email: value },
    'INVALID_INPUT',
    field,
  ]);
}

const badUsers: [string, UserInput, string, string][] = [
  [
    'username "Susan" when "susan" exists',
    { username: 'Susan', email: 'new@example.com' },
    'USERNAME_TAKEN',
    'username',
  ],
  ['email in another case', { username: 'newbie', email: 'SUSAN@example.com' }, 'EMAIL_TAKEN', 'email'],
  ...invalid('username', [
    ['a username with %', 'su%', 'p@example.com'],
    ['SQL in the username', "'; DROP TABLE users; --", 'q@example.com'],
    ['an empty username', '', 'e@example.com'],
    ['a 65-character username', 'u'.repeat(65), 'l@example.com'],
  ]),
  ...invalid('email', [
    ['a malformed email', 'not-an-email', 'mal'],
    ['an email with a space', 'a b@example.com', 'mal'],
    ['an email without a dot in the domain', 'a@localhost', 'mal'],
    ['a too-long email', `${'e'.repeat(120)}@example.com`, 'mal'],
  ]),
  [
    'a too-short password',
    { username: 'pw', email: 'pw@example.com', password: 'short' },
    'INVALID_INPUT',
    'password',
  ],
];

async function populated() {
  const setup = await migratedDb();
  const susan = setup.repos.users.create({ username: 'susan', email: 'susan@example.com' });
  setup.repos.posts.create({ userId: susan.id, body: 'already here' });
  return { ...setup, susan };
}

describe('bad input gets a typed error and loses nothing', () => {
  it.each(badPosts)('post: %s', async (_label, input, code, field) => {
    const { db, repos, susan } = await populated();
    const before = dump(db);
    expect(() => repos.posts.create({ userId: input.userId ?? susan.id, body: input.body })).toThrow(
      expect.objectContaining({ name: 'MicroblogError', code, field }),
    );
    expect(dump(db)).toEqual(before);
  });

  it.each(badUsers)('user: %s', async (_label, input, code, field) => {
    const { db, repos } = await populated();
    const before = dump(db);
    expect(() => repos.users.create(input)).toThrow(
      expect.objectContaining({ name: 'MicroblogError', code, field }),
    );
    expect(dump(db)).toEqual(before);
  });

  it('SQL in a post body is stored as text, and the users table is still there', async () => {
    const { db, repos, susan } = await populated();
    const post = repos.posts.create({ userId: susan.id, body: "'; DROP TABLE users; --" });
    expect(repos.posts.get(post.id)?.body).toBe("'; DROP TABLE users; --");
    expect(repos.users.count()).toBe(1);
    expect(dump(db).rows.users).toHaveLength(1);
  });

  it('error messages are sentences for people, never raw SQLite text', async () => {
    const { repos, susan } = await populated();
    const messages: string[] = [];
    for (const [, input] of badPosts) {
      try {
        repos.posts.create({ userId: input.userId ?? susan.id, body: input.body });
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    for (const [, input] of badUsers) {
      try {
        repos.users.create(input);
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    expect(messages).toHaveLength(badPosts.length + badUsers.length);
    for (const message of messages) expect(message).not.toMatch(/SQLITE|constraint|CHECK|UNIQUE|FOREIGN/i);
  });
});

describe('NUL characters in profiles', () => {
  it('are refused by the repository and, for raw SQL, by the schema itself', async () => {
    const { db, repos } = await migratedDb();
    repos.users.create({ username: 'susan', email: 'susan@example.com' });
    const before = dump(db);
    for (const input of [
      { username: 'susan2', email: 'susan@example.com\0' },
      { username: 'susan3', email: 'susan@exam\0ple.com' },
      { username: 'sus\0an', email: 'other@example.com' },
    ]) {
      expect(() => repos.users.create(input)).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
    const raw = db.prepare('INSERT INTO users (username, email) VALUES (?, ?)');
    expect(() => raw.run('bob', 'bob@example.com\0')).toThrow(/email_no_nul/);
    expect(() => raw.run('bob\0%', 'bob@example.com')).toThrow(/username_no_nul/);
    expect(dump(db)).toEqual(before);
  });
});

describe('blank bodies', () => {
  it('are blank to the schema exactly when they are blank to the app (Unicode white space)', async () => {
    const { db, repos } = await migratedDb();
    const user = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    const raw = db.prepare('INSERT INTO posts (body, user_id) VALUES (?, ?)');
    for (const blank of ['\u00a0', '\u3000 \u2003', '\ufeff\n', '\u2028\u2029\u202f\u205f\u1680']) {
      expect(blank.trim()).toBe('');
      expect(() => repos.posts.create({ userId: user.id, body: blank })).toThrowError(
        expect.objectContaining({ code: 'BODY_EMPTY' }),
      );
      expect(() => raw.run(blank, user.id)).toThrow(/body_not_blank/);
    }
    // A zero-width space is not white space to JavaScript either: both accept it.
    expect(repos.posts.create({ userId: user.id, body: '\u200b' }).body).toBe('\u200b');
  });
});
