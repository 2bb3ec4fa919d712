import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inspectDatabaseFile } from '../../electron/db/guard';
import { refusalDialog } from '../../electron/main/refusal';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';

const damages = {
  'the settings table dropped': 'DROP TABLE settings',
  'the drafts table dropped': 'DROP TABLE drafts',
  'a column of users dropped': 'ALTER TABLE users DROP COLUMN password_hash',
  'schema_migrations without applied_at': `CREATE TABLE m2 (name TEXT PRIMARY KEY NOT NULL);
     INSERT INTO m2 SELECT name FROM schema_migrations; DROP TABLE schema_migrations;
     ALTER TABLE m2 RENAME TO schema_migrations`,
};

describe('schema damage inside a known history', () => {
  it.each(Object.entries(damages))(
    'refuses a file with %s as "damaged schema", offering its backup, never a raw SQLite message',
    async (_label, damage) => {
      const dir = tempDir();
      const dbPath = path.join(dir, 'microblog.db');
      await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 5 });
      const first = await startDatabase({ dbPath }); // Migrates, with a backup first.
      if (!first.ok) throw new Error(first.message);
      first.db.close();
      const db = new Database(dbPath);
      db.exec(damage);
      db.pragma('journal_mode = DELETE');
      db.close();
      const before = sha256(dbPath);

      expect(() => inspectDatabaseFile(dbPath, migrations)).toThrow(
        expect.objectContaining({ reason: 'damaged-schema' }),
      );
      const outcome = await startDatabase({ dbPath });
      if (outcome.ok) throw new Error('started a damaged schema');
      expect(outcome.reason).toBe('damaged-schema');
      expect(outcome.message).toMatch(
        /has a damaged schema: a table or column that its recorded migrations created is missing/,
      );
      expect(outcome.message).not.toMatch(/no such (table|column)/);
      const dialog = refusalDialog(outcome, { version: '1', platform: 'linux' });
      expect(dialog.actions).toContain('restore');
      expect(sha256(dbPath)).toBe(before);
    },
  );
});
