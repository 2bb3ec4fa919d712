import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { pastTimestamp, randomGenerator, seedBody, seedUsers } from '../../electron/cli/seed-data';
import { bodyProblem, emailProblem, usernameProblem } from '../../electron/db/rules';
import { hostileFile, runCli, seedDatabase, sha256, tempDbPath } from '../fixtures/index';

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      users: db.prepare('SELECT count(*) FROM users').pluck().get() as number,
      posts: db.prepare('SELECT count(*) FROM posts').pluck().get() as number,
      longest: db.prepare('SELECT max(length(body)) FROM posts').pluck().get() as number,
      newest: db.prepare('SELECT max(timestamp) FROM posts').pluck().get() as string,
      oldest: db.prepare('SELECT min(timestamp) FROM posts').pluck().get() as string,
    };
  } finally {
    db.close();
  }
}

describe('seed data', () => {
  it('users are valid, unique (ignoring case) and the same every run, prefix-stable', () => {
    const users = seedUsers(2000);
    expect(new Set(users.map((u) => u.username.toLowerCase())).size).toBe(2000);
    expect(new Set(users.map((u) => u.email.toLowerCase())).size).toBe(2000);
    for (const u of users) {
      expect(usernameProblem(u.username), u.username).toBeNull();
      expect(emailProblem(u.email), u.email).toBeNull();
    }
    expect(seedUsers(10)).toEqual(users.slice(0, 10));
  });

  it('bodies are valid posts and timestamps are in the past', () => {
    const random = randomGenerator(7);
    const now = Date.now();
    for (let i = 0; i < 5000; i++) {
      const body = seedBody(random);
      expect(bodyProblem(body), body).toBeNull();
      const at = Date.parse(pastTimestamp(random, now));
      expect(at).toBeLessThanOrEqual(now);
      expect(at).toBeGreaterThan(now - 731 * 86_400_000);
    }
  });
});

describe('npm run seed (as a real process)', () => {
  it('adds users and posts, and a second run reuses the users instead of duplicating them', async () => {
    const file = tempDbPath();
    await seedDatabase(file, { users: 1, posts: 0, journal: 'delete' });
    const first = await runCli('seed', ['--users', '25', '--posts', '12000'], { db: file });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Created 25 users and 12000 posts/);
    expect(first.stdout).toMatch(/Elapsed \d+\.\d\d s/);
    expect(first.stderr).toContain('posts 12000/12000 (100%)');
    const once = counts(file);
    expect(once).toMatchObject({ users: 26, posts: 12000 });
    expect(once.longest).toBeLessThanOrEqual(140);
    expect(Date.parse(once.newest)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(once.newest) - Date.parse(once.oldest)).toBeGreaterThan(30 * 86_400_000);

    const second = await runCli('seed', ['--users', '30', '--posts', '10'], { db: file });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('25 of the 30 seed users already existed');
    expect(second.stdout).toMatch(/Created 5 users and 10 posts/);
    expect(counts(file)).toMatchObject({ users: 31, posts: 12010 });
  });

  it('waits for another writer instead of failing (busy timeout), then writes', async () => {
    const file = tempDbPath();
    await seedDatabase(file, { users: 1, posts: 0, journal: 'delete' });
    const holder = openDatabase(file);
    holder.exec('BEGIN IMMEDIATE');
    let started: () => void = () => undefined;
    const announced = new Promise<void>((resolve) => (started = resolve));
    const seeding = runCli('seed', ['--users', '2', '--posts', '5'], {
      db: file,
      onStderr: (text) => text.includes('Database:') && started(),
    });
    // Keep the lock until the seed has started and is certainly waiting for it.
    await announced;
    await new Promise((resolve) => setTimeout(resolve, 500));
    holder.exec('COMMIT');
    holder.close();
    const result = await seeding;
    expect(result.code).toBe(0);
    expect(counts(file)).toMatchObject({ users: 3, posts: 5 });
  });

  it('refuses bad arguments and foreign files with one sentence, changing nothing', async () => {
    const foreign = tempDbPath();
    await hostileFile('a foreign SQLite database with unrelated tables').make(foreign);
    const before = sha256(foreign);
    const [badCount, refused] = await Promise.all([
      runCli('seed', ['--users', 'many'], { db: tempDbPath() }),
      runCli('seed', ['--users', '1', '--posts', '1'], { db: foreign }),
    ]);
    expect(badCount.code).toBe(1);
    expect(badCount.stderr).toContain('--users takes a whole number');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('made by another program');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(sha256(foreign)).toBe(before);
  });
});
