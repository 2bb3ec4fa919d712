import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { latestBackup } from '../../electron/data/backups';
import { restoreBackup } from '../../electron/main/restore';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';

describe('restoreBackup', () => {
  it('sets the current file and its sidecars aside, then puts a copy of the backup in place', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 7 });
    const started = await startDatabase({ dbPath });
    if (!started.ok) throw new Error(started.message);
    started.db.close();
    const backup = latestBackup(dbPath);
    expect(backup).not.toBeNull();
    const backupPath = (backup as { path: string }).path;
    const backupHash = sha256(backupPath);
    const currentHash = sha256(dbPath);
    fs.writeFileSync(`${dbPath}-wal`, 'stale wal that belongs to the current file');

    const result = restoreBackup({ dbPath, backupPath, now: new Date('2026-11-23T21:40:00.000Z') });

    expect(result.setAside).toBe(path.join(dir, 'microblog-replaced-2026-11-23T21-40-00Z.db'));
    expect(sha256(result.setAside as string)).toBe(currentHash);
    expect(fs.readFileSync(`${result.setAside}-wal`, 'utf8')).toBe(
      'stale wal that belongs to the current file',
    );
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    expect(sha256(dbPath)).toBe(backupHash);
    expect(sha256(backupPath)).toBe(backupHash);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM posts`).pluck().get()).toBe(7);
    expect(db.prepare(`SELECT count(*) FROM schema_migrations`).pluck().get()).toBe(2);
    db.close();
    // The next start migrates the restored copy again.
    const again = await startDatabase({ dbPath });
    if (!again.ok) throw new Error(again.message);
    expect(again.applied).toEqual(migrations.slice(2).map((m) => m.name));
    again.db.close();
  });

  it('never overwrites an earlier set-aside file, and moves nothing when the backup is missing', () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    const backupPath = path.join(dir, 'backup.db');
    fs.writeFileSync(backupPath, 'backup');
    const now = new Date('2026-01-01T00:00:00Z');
    fs.writeFileSync(dbPath, 'first');
    const first = restoreBackup({ dbPath, backupPath, now });
    fs.writeFileSync(dbPath, 'second');
    const second = restoreBackup({ dbPath, backupPath, now });
    expect(first.setAside).not.toBe(second.setAside);
    expect(fs.readFileSync(first.setAside as string, 'utf8')).toBe('first');
    expect(fs.readFileSync(second.setAside as string, 'utf8')).toBe('second');

    fs.writeFileSync(dbPath, 'current');
    expect(() => restoreBackup({ dbPath, backupPath: path.join(dir, 'gone.db') })).toThrow();
    expect(fs.readFileSync(dbPath, 'utf8')).toBe('current');
  });
});

describe('restoreBackup when the disk fails', () => {
  const setUp = () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    const backupPath = path.join(dir, 'backup.db');
    fs.writeFileSync(backupPath, 'backup');
    fs.writeFileSync(dbPath, 'current');
    fs.writeFileSync(`${dbPath}-wal`, 'current wal');
    return { dir, dbPath, backupPath };
  };
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

  /** Restores with `fail` spying on fs; the restore must throw ENOSPC and leave every file as it was. */
  const expectUntouchedAfter = (fail: () => { mockRestore(): void }) => {
    const { dir, dbPath, backupPath } = setUp();
    const spy = fail();
    try {
      expect(() => restoreBackup({ dbPath, backupPath })).toThrow(/ENOSPC/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(dbPath, 'utf8')).toBe('current');
    expect(fs.readFileSync(`${dbPath}-wal`, 'utf8')).toBe('current wal');
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.db', 'microblog.db', 'microblog.db-wal']);
  };

  it('leaves the database in place when copying the backup fails', () => {
    expectUntouchedAfter(() =>
      vi.spyOn(fs, 'copyFileSync').mockImplementation(() => {
        throw enospc();
      }),
    );
  });

  it('puts the set-aside files back when the last rename fails', () => {
    const realRename = fs.renameSync;
    expectUntouchedAfter(() =>
      vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        if (String(from).endsWith('.restoring')) throw enospc();
        realRename(from, to);
      }),
    );
  });
});
