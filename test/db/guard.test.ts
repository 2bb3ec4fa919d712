import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseRefusedError, inspectDatabaseFile } from '../../electron/db/guard';
import {
  knownMigrationNames,
  MIGRATIONS_TABLE,
  migrateToLatest,
  stampMigrations,
} from '../../electron/db/migrator';
import { migrations } from '../../migrations/index';
import { emptyDb, HOSTILE_FILES, seedDatabase, sha256, tempDbPath, tempDir } from '../fixtures/index';

describe('inspectDatabaseFile', () => {
  it('says a missing file is new, and does not create it', () => {
    const file = tempDbPath();
    expect(inspectDatabaseFile(file, migrations)).toEqual({ state: 'missing' });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('accepts a database at head and one with pending migrations', async () => {
    const file = tempDbPath();
    await seedDatabase(file, { users: 1, posts: 5, journal: 'delete' });
    expect(inspectDatabaseFile(file, migrations)).toEqual({
      state: 'known',
      size: fs.statSync(file).size,
      applied: knownMigrationNames(migrations),
      pending: [],
      integrity: 'full',
    });
    const partial = tempDbPath();
    const db = emptyDb(partial);
    // Really migrated to 0001 (a stamp alone would record a users table the file lacks).
    await migrateToLatest(db, { migrations: migrations.slice(0, 1) });
    db.close();
    expect(inspectDatabaseFile(partial, migrations)).toMatchObject({ applied: ['0001-create-users'] });
  });

  it.each(HOSTILE_FILES.map((kind) => [kind.name, kind] as const))(
    'refuses %s, with one sentence, leaving it byte-identical',
    async (_label, kind) => {
      const file = path.join(tempDir(), 'microblog.db');
      await kind.make(file);
      const before = sha256(file);
      let caught: unknown;
      try {
        inspectDatabaseFile(file, migrations);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DatabaseRefusedError);
      expect((caught as DatabaseRefusedError).reason).toBe(kind.reason);
      expect((caught as Error).message).toMatch(new RegExp(`^The database .+ It was not changed\\.$`));
      expect((caught as Error).message.split('\n')).toHaveLength(1);
      expect(sha256(file)).toBe(before);
    },
  );

  it('refuses a database whose folder is read-only (WAL writes its -wal and -shm there), untouched', async () => {
    const folder = path.join(tempDir(), 'locked');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'microblog.db');
    await seedDatabase(file, { users: 1, posts: 3, journal: 'delete' });
    const before = sha256(file);
    fs.chmodSync(folder, 0o555);
    try {
      expect(() => inspectDatabaseFile(file, migrations)).toThrowError(
        expect.objectContaining({ reason: 'read-only' }),
      );
    } finally {
      fs.chmodSync(folder, 0o755);
    }
    expect(sha256(file)).toBe(before);
  });

  it('refuses a history that does not match this build (out of sync)', async () => {
    const file = tempDbPath();
    await seedDatabase(file, { users: 1, posts: 1, journal: 'delete' });
    const db = new Database(file);
    db.prepare(`DELETE FROM ${MIGRATIONS_TABLE} WHERE name = '0001-create-users'`).run();
    db.close();
    const before = sha256(file);
    expect(() => inspectDatabaseFile(file, migrations)).toThrow(
      expect.objectContaining({ reason: 'out-of-sync' }),
    );
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file stamped at a version whose tables it lacks, as a damaged schema', () => {
    const file = tempDbPath();
    const db = emptyDb(file);
    stampMigrations(db, '0002-create-posts', migrations);
    db.close();
    const before = sha256(file);
    expect(() => inspectDatabaseFile(file, migrations)).toThrow(
      expect.objectContaining({ reason: 'damaged-schema', detail: 'users, posts' }),
    );
    expect(sha256(file)).toBe(before);
  });

  it('refuses a folder where the file should be', () => {
    const folder = tempDir();
    expect(() => inspectDatabaseFile(folder, migrations)).toThrow(
      expect.objectContaining({ reason: 'not-a-database' }),
    );
  });
});

describe('DatabaseRefusedError', () => {
  it('has a stable code derived from its reason, and one sentence', () => {
    const error = new DatabaseRefusedError('from-the-future', '/x/microblog.db');
    expect(error.code).toBe('DATABASE_FROM_THE_FUTURE');
    expect(new DatabaseRefusedError('disk-full', '/x/microblog.db').message).toBe(
      'The database /x/microblog.db cannot be opened because the disk is full: free some space, then start Microblog again. It was not changed.',
    );
  });
});
