/**
 * The trap every SQLite migration tool must avoid: rebuilding a parent table drops it, and with
 * foreign keys on that DROP deletes every child row through ON DELETE CASCADE.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrateToLatest } from '../../electron/db/migrator';
import { databaseWithRows, tryChange } from './scenario';
import { tempDir } from '../fixtures/index';
import path from 'node:path';

const widenUsername = (sql: string) =>
  sql.replace('length(username) BETWEEN 1 AND 64', 'length(username) BETWEEN 1 AND 80');

describe('a generated rebuild of users while posts and drafts reference it with ON DELETE CASCADE', () => {
  it('keeps every post, draft and user, and the indexes and triggers on users come back', async () => {
    const change = await tryChange(
      (sql) =>
        widenUsername(sql).concat(
          'CREATE TRIGGER users_lowercase_email AFTER INSERT ON users BEGIN\n  UPDATE users SET email = lower(NEW.email) WHERE id = NEW.id;\nEND;\n',
        ),
      { allowDataLoss: true },
    );
    expect(change.source).toContain("export const foreignKeys = 'off';");
    expect(change.source).toMatch(/DROP TABLE users;\s*ALTER TABLE _new_users RENAME TO users;/);
    expect(change.before.posts).toBeGreaterThan(0);
    expect(change.after).toEqual(change.before);
    expect(
      change.db.prepare('SELECT count(*) FROM posts JOIN users ON users.id = posts.user_id').pluck().get(),
    ).toBe(change.before.posts);
    expect(change.db.pragma('foreign_key_check')).toEqual([]);
    await change.down();
    expect(change.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(change.before.posts);
  });

  it('would delete every post if the runner ignored the flag (so the flag is what keeps them)', async () => {
    const change = await tryChange(widenUsername, { allowDataLoss: true });
    const generated = change.list.at(-1);
    if (!generated) throw new Error('no generated migration');
    // The same steps with foreign keys left on, on a fresh copy of the same database.
    const file = path.join(tempDir(), 'unflagged.db');
    await databaseWithRows(file);
    const db = openDatabase(file);
    try {
      const unflagged = change.list.map((m) => (m === generated ? { ...m, foreignKeys: undefined } : m));
      await migrateToLatest(db, { migrations: unflagged });
      expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
