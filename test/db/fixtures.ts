/** Database files the guard must refuse, shared by the in-process and the CLI tests. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/connection';
import { migrateToLatest, MIGRATIONS_TABLE } from '../../electron/db/migrator';
import type { RefusalReason } from '../../electron/db/guard';
import { migrations } from '../../migrations/index';

/** The file's SHA-256, to prove a refused file was left byte-identical. */
export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A migrated database with some rows, closed (WAL checkpointed into the main file). */
export async function makeMigrated(file: string, posts = 200): Promise<void> {
  const db = openDatabase(file);
  await migrateToLatest(db, { migrations });
  db.prepare(`INSERT INTO users (username, email) VALUES ('susan', 'susan@example.com')`).run();
  const insert = db.prepare('INSERT INTO posts (body, user_id) VALUES (?, 1)');
  db.transaction(() => {
    for (let i = 0; i < posts; i++) insert.run(`post number ${i} `.repeat(6).slice(0, 120));
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** Each kind of file the tools must refuse, and how to make it at `file`. */
export const REFUSED: Record<
  string,
  { reason: RefusalReason; make: (file: string) => Promise<void> | void }
> = {
  'a database from a newer version': {
    reason: 'from-the-future',
    make: async (file) => {
      await makeMigrated(file, 5);
      const db = new Database(file);
      db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES ('9999-from-the-future')`).run();
      db.close();
    },
  },
  'a text file': {
    reason: 'not-a-database',
    make: (file) => fs.writeFileSync(file, 'Dear diary, today I wrote a microblog.\n'.repeat(100)),
  },
  'an empty file': { reason: 'empty-file', make: (file) => fs.writeFileSync(file, '') },
  'a truncated database': {
    reason: 'corrupt',
    make: async (file) => {
      await makeMigrated(file);
      const size = fs.statSync(file).size;
      fs.truncateSync(file, Math.floor(size / 2) + 100);
    },
  },
  'a database cut at a page boundary': {
    reason: 'corrupt',
    make: async (file) => {
      await makeMigrated(file);
      fs.truncateSync(file, 4096 * 2);
    },
  },
  'a foreign SQLite database': {
    reason: 'unknown-schema',
    make: (file) => {
      const db = new Database(file);
      db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)');
      db.close();
    },
  },
  'a read-only database': {
    reason: 'read-only',
    make: async (file) => {
      await makeMigrated(file, 5);
      fs.chmodSync(file, 0o444);
    },
  },
};
