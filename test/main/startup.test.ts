import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MigrationModule } from '../../electron/db/migration-types';
import { migrations } from '../../migrations/index';
import { backupsOf, observe, seedDatabase, sha256, start, tempDir } from '../fixtures/index';

function readOnly(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function appliedIn(file: string): string[] {
  const db = readOnly(file);
  try {
    return db.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

function countIn(file: string, table: string): number {
  const db = readOnly(file);
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

const allNames = migrations.map((m) => m.name);

describe('startDatabase', () => {
  it('creates a fresh file with every migration and makes no backup', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    const outcome = await start({ dbPath });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.applied).toEqual(allNames);
    expect(outcome.backupPath).toBeNull();
    expect(backupsOf(dir)).toEqual([]);
    outcome.db.close();
    expect(appliedIn(dbPath)).toEqual(allNames);
    observe('fresh file', { applied: outcome.applied, backupPath: outcome.backupPath });
  });

  it('opens an up-to-date file without migrating or backing up', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath);
    const outcome = await start({ dbPath });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.applied).toEqual([]);
    expect(outcome.backupPath).toBeNull();
    expect(backupsOf(dir)).toEqual([]);
    expect(outcome.db.prepare(`SELECT count(*) FROM posts`).pluck().get()).toBe(3);
    observe('up-to-date file', { applied: outcome.applied, backups: backupsOf(dir) });
  });

  it('backs up a file that needs migrations, then migrates it keeping its rows', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 25 });
    const before = sha256(dbPath);
    const outcome = await start({ dbPath });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.applied).toEqual(allNames.slice(2));
    expect(outcome.backupPath).not.toBeNull();
    const backup = outcome.backupPath as string;
    expect(path.dirname(backup)).toBe(path.join(dir, 'backups'));
    // Named after the newest migration it precedes: the head of the chain.
    expect(path.basename(backup)).toMatch(
      new RegExp(`^microblog-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z-before-${allNames.at(-1)}\\.db$`),
    );
    // The backup is the database as it was: two migrations and every row.
    expect(appliedIn(backup)).toEqual(allNames.slice(0, 2));
    expect(countIn(backup, 'posts')).toBe(25);
    expect(backupsOf(dir)).toEqual([path.basename(backup)]);
    // The migrated database kept its rows.
    expect(outcome.db.prepare(`SELECT count(*) FROM posts`).pluck().get()).toBe(25);
    expect(outcome.db.prepare(`SELECT username FROM users ORDER BY id`).pluck().all()).toEqual([
      'susan',
      'bob',
    ]);
    outcome.db.close();
    expect(appliedIn(dbPath)).toEqual(allNames);
    observe('needs migrations', {
      backup: path.basename(backup),
      beforeSha256: before,
      backupSha256: sha256(backup),
      afterSha256: sha256(dbPath),
      postsKept: countIn(dbPath, 'posts'),
    });
  });

  it('leaves a rollback-journal file (a restored backup) byte-identical too, and makes it WAL only after migrating', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 5 });
    const Database = (await import('better-sqlite3')).default;
    const setDelete = new Database(dbPath);
    setDelete.pragma('journal_mode = DELETE');
    setDelete.close();
    const before = sha256(dbPath);
    const breaks: MigrationModule = {
      name: '0005-breaks',
      up: () => {
        throw new Error('on purpose');
      },
      down: () => undefined,
    };
    const failed = await start({ dbPath, migrations: [...migrations, breaks] });
    expect(failed.ok).toBe(false);
    expect(sha256(dbPath)).toBe(before);

    const fine = await start({ dbPath });
    if (!fine.ok) throw new Error(fine.message);
    expect(fine.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fine.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(5);
    fine.db.close();
  });

  it('leaves the file byte-identical when a migration throws, with the backup present', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath, { posts: 25 });
    const works: MigrationModule = {
      name: '0005-add-bio',
      up: ({ context }) => context.exec(`ALTER TABLE users ADD COLUMN bio TEXT`),
      down: ({ context }) => context.exec(`ALTER TABLE users DROP COLUMN bio`),
    };
    const breaks: MigrationModule = {
      name: '0006-breaks',
      up: ({ context }) => {
        context.exec(`DELETE FROM posts; CREATE TABLE half_done (x INTEGER)`);
        throw new Error('this migration fails on purpose');
      },
      down: () => undefined,
    };
    const before = sha256(dbPath);
    const outcome = await start({ dbPath, migrations: [...migrations, works, breaks] });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe('migration-failed');
    expect(outcome.file).toBe(dbPath);
    const after = sha256(dbPath);
    expect(after).toBe(before);
    expect(outcome.latestBackup).not.toBeNull();
    const backup = outcome.latestBackup?.path as string;
    expect(path.basename(backup)).toMatch(/-before-0006-breaks\.db$/);
    expect(outcome.message).toContain(backup);
    expect(countIn(backup, 'posts')).toBe(25);
    // Nothing of 0005 or 0006 survived, and the rows 0006 deleted are back.
    expect(appliedIn(dbPath)).toEqual(allNames);
    expect(countIn(dbPath, 'posts')).toBe(25);
    observe('migration throws', {
      reason: outcome.reason,
      beforeSha256: before,
      afterSha256: after,
      backup: path.basename(backup),
      sidecars: fs.readdirSync(dir).filter((name) => name.startsWith('microblog.db-')),
    });
  });
});
