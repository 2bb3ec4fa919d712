import { describe, expect, it } from 'vitest';
import { MicroblogError } from '../../electron/db/errors';
import { likePrefix } from '../../electron/db/users';
import { migratedDb } from '../fixtures/index';
import { dump } from './helpers';

async function withUsers(...names: string[]) {
  const setup = await migratedDb();
  for (const username of names) setup.repos.users.create({ username, email: `${username}@example.com` });
  return setup;
}

const usernames = (list: { username: string }[]): string[] => list.map((u) => u.username);

describe('users repository', () => {
  it('create returns the profile; getById and getByUsername (any case) find it', async () => {
    const { repos } = await migratedDb();
    const susan = repos.users.create({ username: 'Susan', email: 'susan@example.com' });
    expect(susan).toEqual({
      id: 1,
      username: 'Susan',
      displayName: null,
      email: 'susan@example.com',
      hasPassword: false,
      hasAvatar: false,
    });
    expect(repos.users.getById(susan.id)).toEqual(susan);
    expect(repos.users.getByUsername('susan')).toEqual(susan);
    expect(repos.users.getByUsername('SUSAN')).toEqual(susan);
    expect(repos.users.getById(999)).toBeUndefined();
    expect(repos.users.getByUsername('nobody')).toBeUndefined();
  });

  it('stores a password only as a salted hash, and verifies it', async () => {
    const { db, repos } = await migratedDb();
    const user = repos.users.create({
      username: 'john',
      email: 'john@example.com',
      password: 'correct horse',
    });
    expect(user.hasPassword).toBe(true);
    const stored = db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(user.id) as string;
    expect(stored).not.toContain('correct horse');
    expect(stored).toMatch(/^scrypt\$/);
    expect(await repos.users.verifyPassword(user.id, 'correct horse')).toBe(true);
    expect(await repos.users.verifyPassword(user.id, 'correct horsE')).toBe(false);
    const nopass = repos.users.create({ username: 'np', email: 'np@example.com' });
    expect(await repos.users.verifyPassword(nopass.id, 'anything')).toBe(false);
    await expect(repos.users.verifyPassword(999, 'x')).rejects.toThrow(
      expect.objectContaining({ code: 'USER_NOT_FOUND' }),
    );
    const later = await repos.users.createAsync({
      username: 'jane',
      email: 'jane@example.com',
      password: 'battery staple',
    });
    expect(later.hasPassword).toBe(true);
    expect(await repos.users.verifyPassword(later.id, 'battery staple')).toBe(true);
    expect(await repos.users.verifyPassword(later.id, 'battery stapl')).toBe(false);
  });

  it('lists by username ascending and descending, case-insensitively', async () => {
    const { repos } = await withUsers('bob', 'Alice', 'susan', 'carl');
    expect(usernames(repos.users.list())).toEqual(['Alice', 'bob', 'carl', 'susan']);
    expect(usernames(repos.users.list({ order: 'desc' }))).toEqual(['susan', 'carl', 'bob', 'Alice']);
  });

  it('filters by prefix, case-insensitively, like LIKE "s%"', async () => {
    const { repos } = await withUsers('susan', 'Sam', 'john', 'Xs');
    expect(usernames(repos.users.list({ prefix: 's' }))).toEqual(['Sam', 'susan']);
    expect(usernames(repos.users.list({ prefix: 'S', order: 'desc' }))).toEqual(['susan', 'Sam']);
    expect(usernames(repos.users.list({ prefix: '' }))).toHaveLength(4);
    expect(repos.users.list({ prefix: 'zzz' })).toEqual([]);
  });

  it('matches "_" in a prefix literally, not as a wildcard', async () => {
    const { repos } = await withUsers('a_b', 'axb', 'a_c', 'ab');
    expect(usernames(repos.users.list({ prefix: 'a_' }))).toEqual(['a_b', 'a_c']);
    expect(usernames(repos.users.list({ prefix: 'a_b' }))).toEqual(['a_b']);
  });

  it('matches "%" and "\\" in a prefix literally (they find nobody rather than everybody)', async () => {
    const { repos } = await withUsers('abc', 'abd');
    expect(repos.users.list({ prefix: '%' })).toEqual([]);
    expect(repos.users.list({ prefix: 'a%' })).toEqual([]);
    expect(repos.users.list({ prefix: '\\' })).toEqual([]);
    expect(repos.users.list({ prefix: "'; DROP TABLE users; --" })).toEqual([]);
    expect(repos.users.count()).toBe(2);
  });

  it('likePrefix escapes %, _ and the escape character itself', () => {
    expect(likePrefix('a%b_c\\d')).toBe('a\\%b\\_c\\\\d%');
  });

  it('delete removes the profile with its posts and says how many went', async () => {
    const { repos } = await withUsers('john', 'susan');
    repos.posts.create({ userId: 1, body: 'one' });
    repos.posts.create({ userId: 1, body: 'two' });
    repos.posts.create({ userId: 2, body: 'hers' });
    expect(repos.users.postCount(1)).toBe(2);
    expect(repos.users.delete(1)).toEqual({ deletedPosts: 2 });
    expect(repos.users.getById(1)).toBeUndefined();
    expect(repos.posts.count()).toBe(1);
    expect(repos.users.count()).toBe(1);
    expect(repos.users.postCount(1)).toBe(0);
  });

  it('delete of a missing profile is USER_NOT_FOUND and changes nothing', async () => {
    const { db, repos } = await withUsers('john');
    const before = dump(db);
    expect(() => repos.users.delete(42)).toThrow(
      expect.objectContaining({ code: 'USER_NOT_FOUND', field: 'userId' }),
    );
    expect(dump(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
  });

  it('errors are MicroblogError instances', async () => {
    const { repos } = await withUsers('john');
    let caught: unknown;
    try {
      repos.users.create({ username: 'JOHN', email: 'j2@example.com' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MicroblogError);
    expect(caught).toMatchObject({ code: 'USERNAME_TAKEN', field: 'username' });
  });
});
