import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hostileFile, runCli, seedDatabase, sha256, tempDbPath } from '../fixtures/index';

/** The classic flask-shell session, typed into the REPL through a pipe. */
const CLASSIC = `
u = users.create({ username: 'john', email: 'john@example.com' })
s = users.create({ username: 'susan', email: 'susan@example.com' })
posts.create({ userId: u.id, body: 'my first post!' })
posts.byUser(u.id).items.map((p) => p.body)
posts.timeline().items.map((p) => p.username + ': ' + p.body)
users.list({ order: 'desc' }).map((x) => x.username)
users.list({ prefix: 's' }).map((x) => x.username)
users.create({ username: 'Susan', email: 'other@example.com' })
typeof migrator.pending
`;

describe('npm run shell (as a real process)', () => {
  it('runs the classic session from piped input and exits cleanly at the end of it', async () => {
    const file = tempDbPath();
    await seedDatabase(file, { users: 1, posts: 0, journal: 'delete' });
    const db = new Database(file);
    db.prepare('DELETE FROM users').run();
    db.close();

    const result = await runCli('shell', [], { db: file, input: CLASSIC });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Preloaded: db .*users, posts, drafts, settings, repos, migrator/);
    expect(result.stdout).toContain("[ 'my first post!' ]");
    expect(result.stdout).toContain("[ 'john: my first post!' ]");
    expect(result.stdout).toContain("[ 'susan', 'john' ]");
    expect(result.stdout).toContain("[ 'susan' ]");
    expect(result.stdout).toContain('MicroblogError USERNAME_TAKEN (username): That username is taken.');
    expect(result.stdout).toContain("'function'");
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);

    // Everything the session wrote is in the file, and the connection was closed (no stale WAL lock).
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT username FROM users ORDER BY id').pluck().all()).toEqual(['john', 'susan']);
    expect(after.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(1);
    after.close();
  });

  it('refuses a missing or outdated database (without creating it) and a database from a newer version', async () => {
    const missing = tempDbPath();
    const future = tempDbPath();
    await hostileFile('a database from a newer version').make(future);
    const before = sha256(future);
    const [noFile, newer] = await Promise.all([
      runCli('shell', [], { db: missing }),
      runCli('shell', [], { db: future }),
    ]);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain('does not exist yet. Run "npm run db -- upgrade" first.');
    expect(fs.existsSync(missing)).toBe(false);
    expect(newer.code).toBe(1);
    expect(newer.stderr).toContain('was written by a newer version of Microblog');
    expect(sha256(future)).toBe(before);
  });
});
