/** Real SQLite files in temp folders for the data-layer tests, and a dump to compare states. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Db } from '../../electron/db/connection';
import { createRepositories, type Repositories } from '../../electron/db/index';
import { migrateToLatest } from '../../electron/db/migrator';
import { migrations } from '../../migrations/index';

const folders: string[] = [];
const open: Db[] = [];

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-test-'));
  folders.push(folder);
  return folder;
}

/** A path for a database file that does not exist yet. */
export function tempDbPath(): string {
  return path.join(tempDir(), 'microblog.db');
}

/** An open, empty database on a temp file (closed after the test). */
export function emptyDb(file = tempDbPath()): Db {
  const db = openDatabase(file);
  open.push(db);
  return db;
}

/** A database migrated to head, with its repositories. */
export async function migratedDb(): Promise<{ db: Db; repos: Repositories }> {
  const db = emptyDb();
  await migrateToLatest(db, { migrations });
  return { db, repos: createRepositories(db) };
}

/** The schema (sqlite_master) as sorted text rows. */
export function schemaDump(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name`,
      )
      .pluck()
      .all() as string[]
  ).sort();
}

/** Schema plus every row of every table, so "nothing changed" can be asserted exactly. */
export function dump(db: Db): { schema: string[]; rows: Record<string, unknown[]> } {
  const rows: Record<string, unknown[]> = {};
  for (const table of tableNames(db))
    rows[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
  return { schema: schemaDump(db), rows };
}

/** The names of the tables (without SQLite's own). */
export function tableNames(db: Db): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`)
    .pluck()
    .all() as string[];
}
