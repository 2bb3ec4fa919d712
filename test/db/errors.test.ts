import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { ERROR_CODES, MicroblogError, toMicroblogError } from '../../electron/db/errors';
import { createRepositories } from '../../electron/db/index';
import { emptyDb, migratedDb, tempDbPath } from '../fixtures/index';
import { migrateToLatest } from '../../electron/db/migrator';
import { migrations } from '../../migrations/index';

/** Runs raw SQL that violates a constraint and returns what toMicroblogError makes of it. */
async function mapped(sql: string, ...params: unknown[]): Promise<MicroblogError> {
  const { db } = await migratedDb();
  db.prepare(`INSERT INTO users (username, email) VALUES ('susan', 'susan@example.com')`).run();
  db.prepare(`INSERT INTO posts (body, user_id) VALUES ('x', 1)`).run();
  try {
    db.prepare(sql).run(...params);
  } catch (error) {
    return toMicroblogError(error);
  }
  throw new Error('the statement did not fail');
}

describe('toMicroblogError maps each constraint to a code and a field', () => {
  it.each([
    [`INSERT INTO users (username, email) VALUES ('SUSAN', 'x@example.com')`, 'USERNAME_TAKEN', 'username'],
    [`INSERT INTO users (username, email) VALUES ('x', 'Susan@Example.com')`, 'EMAIL_TAKEN', 'email'],
    [`INSERT INTO users (username, email) VALUES ('', 'x@example.com')`, 'INVALID_INPUT', 'username'],
    [`INSERT INTO users (username, email) VALUES ('a b', 'x@example.com')`, 'INVALID_INPUT', 'username'],
    [`INSERT INTO users (username, email) VALUES ('x', 'nope')`, 'INVALID_INPUT', 'email'],
    [
      `INSERT INTO users (username, email) VALUES ('x', '${'e'.repeat(120)}@x.com')`,
      'INVALID_INPUT',
      'email',
    ],
    [
      `INSERT INTO users (username, email, password_hash) VALUES ('x', 'x@x.com', '${'h'.repeat(300)}')`,
      'INVALID_INPUT',
      'password',
    ],
    [`INSERT INTO users (username, created_at) VALUES ('x', NULL)`, 'INVALID_INPUT', 'created_at'],
    [`INSERT INTO posts (body, user_id) VALUES ('  ', 1)`, 'BODY_EMPTY', 'body'],
    [`INSERT INTO posts (body, user_id) VALUES ('${'x'.repeat(2241)}', 1)`, 'BODY_TOO_LONG', 'body'],
    [`INSERT INTO posts (body, user_id) VALUES ('a' || char(0) || 'b', 1)`, 'INVALID_INPUT', 'body'],
    [
      `INSERT INTO posts (body, user_id, timestamp) VALUES ('x', 1, 'yesterday')`,
      'INVALID_INPUT',
      'timestamp',
    ],
    [`INSERT INTO posts (body, user_id) VALUES ('x', 77)`, 'USER_NOT_FOUND', 'userId'],
    [`INSERT INTO drafts (user_id, body) VALUES (1, '${'d'.repeat(16001)}')`, 'INVALID_INPUT', 'body'],
  ])('%s → %s (%s)', async (sql, code, field) => {
    const error = await mapped(sql);
    expect(error).toBeInstanceOf(MicroblogError);
    expect({ code: error.code, field: error.field }).toEqual({ code, field });
    expect(error.message).not.toMatch(/SQLITE|constraint/i);
  });

  it('a busy database is DATABASE_BUSY', async () => {
    const file = tempDbPath();
    const holder = emptyDb(file);
    await migrateToLatest(holder, { migrations });
    const other = openDatabase(file);
    try {
      other.pragma('busy_timeout = 0');
      holder.exec('BEGIN IMMEDIATE');
      const { users } = createRepositories(other);
      expect(() => users.create({ username: 'late', email: 'late@example.com' })).toThrow(
        expect.objectContaining({ code: 'DATABASE_BUSY' }),
      );
    } finally {
      holder.exec('ROLLBACK');
      other.close();
    }
  });

  it('anything else is INTERNAL with a generic sentence, keeping the cause for logs', () => {
    const raw = new Error('disk I/O error at page 7');
    const error = toMicroblogError(raw);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('page 7');
    expect((error as Error & { cause?: unknown }).cause).toBe(raw);
    expect(toMicroblogError('a string')).toMatchObject({ code: 'INTERNAL' });
  });

  it('a MicroblogError passes through unchanged', () => {
    const original = new MicroblogError('WRONG_PASSWORD', 'That password is not right.', 'password');
    expect(toMicroblogError(original)).toBe(original);
  });

  it('every code is a distinct, stable string and MicroblogError carries code and field', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) {
      const error = new MicroblogError(code, 'message', 'field');
      expect(error).toMatchObject({ name: 'MicroblogError', code, field: 'field', message: 'message' });
      expect(error).toBeInstanceOf(Error);
    }
    expect(new MicroblogError('INTERNAL', 'x').field).toBeUndefined();
  });

  it('the schema names every CHECK constraint it maps (so none falls through to INTERNAL)', async () => {
    const db = emptyDb();
    await migrateToLatest(db, { migrations });
    const sql =
      (db.prepare(`SELECT group_concat(sql, ' ') FROM sqlite_master`).pluck().get() as string) ?? '';
    const named = [...sql.matchAll(/CONSTRAINT (\w+) CHECK/g)].map((m) => String(m[1]));
    for (const name of named) {
      const error = toMicroblogError(
        Object.assign(new Error(`CHECK constraint failed: ${name}`), { code: 'SQLITE_CONSTRAINT_CHECK' }),
      );
      expect(error.code, name).not.toBe('INTERNAL');
    }
    expect(named.length).toBeGreaterThanOrEqual(9);
  });
});
