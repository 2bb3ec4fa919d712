import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeOnce } from '../../electron/db/idempotency';
import {
  STORAGE_SENTENCES,
  TOOL_DISK_FULL,
  TOOL_OUTCOME_UNKNOWN,
  toolSentence,
} from '../../electron/db/sqlite-errors';
import { createAppContext } from '../../electron/main/app-context';
import { migratedDb, tempDbPath } from '../fixtures/index';

const count = (db: Database.Database, sql: string): number => db.prepare(sql).pluck().get() as number;

describe('writeOnce', () => {
  it('runs a write once per key and gives the first outcome back to a retry', async () => {
    const { db, repos } = await migratedDb();
    const user = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    const post = () => repos.posts.create({ userId: user.id, body: 'once' });
    const first = writeOnce(db, 'posts:create', 'key-1', post);
    const again = writeOnce(db, 'posts:create', 'key-1', post);
    expect(again).toEqual(first);
    expect(count(db, `SELECT count(*) FROM posts`)).toBe(1);
    // Another key is another post.
    writeOnce(db, 'posts:create', 'key-2', post);
    expect(count(db, `SELECT count(*) FROM posts`)).toBe(2);
  });

  it('stores nothing when the write fails, so a corrected retry with the same key writes', async () => {
    const { db, repos } = await migratedDb();
    const user = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    expect(() =>
      writeOnce(db, 'posts:create', 'k', () =>
        repos.posts.create({ userId: user.id, body: 'x'.repeat(141) }),
      ),
    ).toThrow(expect.objectContaining({ code: 'BODY_TOO_LONG' }));
    expect(count(db, `SELECT count(*) FROM write_keys`)).toBe(0);
    writeOnce(db, 'posts:create', 'k', () => repos.posts.create({ userId: user.id, body: 'shorter' }));
    expect(count(db, `SELECT count(*) FROM posts`)).toBe(1);
  });

  it('refuses a key already used on another channel', async () => {
    const { db } = await migratedDb();
    writeOnce(db, 'drafts:save', 'same', () => null);
    expect(() => writeOnce(db, 'posts:delete', 'same', () => ({ postId: 1 }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'key' }),
    );
  });

  it('says the disk is full when SQLite cannot grow the file, and writes nothing', async () => {
    const { db, repos } = await migratedDb();
    const user = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    // No page beyond the current ones: exactly what SQLite reports for a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const big = () => {
      for (let i = 0; i < 200; i++) repos.posts.create({ userId: user.id, body: `${i} `.padEnd(140, 'x') });
    };
    expect(() => writeOnce(db, 'posts:create', 'full', big)).toThrow(
      expect.objectContaining({ code: 'DISK_FULL', message: STORAGE_SENTENCES.DISK_FULL }),
    );
    expect(count(db, `SELECT count(*) FROM posts`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM write_keys`)).toBe(0);
  });
});

describe('the IPC write channels with a key', () => {
  it('posts:create and posts:delete retried with their keys post once and delete once', async () => {
    const app = await createAppContext({ dbPath: tempDbPath() });
    try {
      const user = (await app.dispatch('users:create', { username: 'bob', email: 'bob@example.com' })) as
        { ok: true; value: { id: number } } | { ok: false; error: { message: string } };
      if (!user.ok) throw new Error(user.error.message);
      // Only the active profile posts as itself.
      expect(await app.dispatch('session:activate', { userId: user.value.id })).toMatchObject({ ok: true });
      const input = { userId: user.value.id, body: 'press Post twice', key: crypto.randomUUID() };
      const first = await app.dispatch('posts:create', input);
      expect(await app.dispatch('posts:create', input)).toEqual(first);
      expect(count(app.db, `SELECT count(*) FROM posts`)).toBe(1);
      if (!first.ok) throw new Error(first.error.message);
      const remove = {
        postId: (first.value as { id: number }).id,
        userId: user.value.id,
        key: crypto.randomUUID(),
      };
      expect(await app.dispatch('posts:delete', remove)).toEqual({
        ok: true,
        value: { postId: remove.postId },
      });
      // The retry gets the first outcome, not "That post no longer exists".
      expect(await app.dispatch('posts:delete', remove)).toEqual({
        ok: true,
        value: { postId: remove.postId },
      });
      const bad = await app.dispatch('posts:create', { ...input, key: 'not a key!' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'key' } });
    } finally {
      app.close();
    }
  });
});

describe('the tools’ sentences for SQLite errors', () => {
  it('never pass bare SQLite text on', async () => {
    const { db } = await migratedDb();
    const caught = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      throw new Error('expected a failure');
    };
    const missing = caught(() => db.prepare(`SELECT * FROM no_such_table`));
    const readonly = caught(() => {
      const ro = new Database(db.name, { readonly: true });
      try {
        ro.exec(`DELETE FROM posts`);
      } finally {
        ro.close();
      }
    });
    const io = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_FSYNC');
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    const wrapped = new Error('Migration 0005 (up) failed: Original error: disk I/O error', { cause: io });
    for (const error of [missing, readonly, io, full, wrapped]) {
      const sentence = toolSentence(error);
      expect(sentence, String(error)).toBeDefined();
      expect(sentence).not.toMatch(
        /disk I\/O error|database or disk is full|readonly database|no such table/,
      );
    }
    // A tool cannot tell a failure before its COMMIT from one after (closing checkpoints too).
    expect(toolSentence(full)).toBe(TOOL_DISK_FULL);
    expect(toolSentence(wrapped)).toBe(TOOL_OUTCOME_UNKNOWN);
    expect(toolSentence(missing)).toBe(STORAGE_SENTENCES.SCHEMA_MISMATCH);
    expect(toolSentence(readonly)).toBe(STORAGE_SENTENCES.READ_ONLY);
    expect(toolSentence(new Error('The database x is damaged.'))).toBeUndefined();
  });
});
