import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { latestBackup, listBackups } from '../../electron/data/backups';
import { refusalDialog } from '../../electron/main/refusal';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';

const NAME = (stamp: string, n = '') => `microblog-${stamp}-before-0004-create-settings${n}.db`;

/** A file that needs migrating (so startup backs it up), with a backups folder made by `prepare`. */
async function needingBackup(prepare: (folder: string, dir: string) => void) {
  const dir = tempDir();
  const dbPath = path.join(dir, 'microblog.db');
  await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 4 });
  prepare(path.join(dir, 'backups'), dir);
  return { dir, dbPath, folder: path.join(dir, 'backups') };
}

function sqliteFile(file: string): void {
  new Database(file).exec('CREATE TABLE t (x)').close();
}

describe('the backups folder', () => {
  it('keeps the backup just made even when five others are dated 2099, and names it as the latest', async () => {
    const { dbPath, folder } = await needingBackup((backups) => {
      fs.mkdirSync(backups);
      for (let i = 1; i <= 5; i++) {
        const file = path.join(backups, NAME(`2099-01-0${i}T00-00-00Z`));
        sqliteFile(file);
        // Made while the clock said 2099: the file system recorded that time too.
        const at = new Date(`2099-01-0${i}T00:00:00Z`);
        fs.utimesSync(file, at, at);
      }
    });
    const outcome = await startDatabase({ dbPath, keepBackups: 5 });
    if (!outcome.ok) throw new Error(outcome.message);
    outcome.db.close();
    const made = outcome.backupPath as string;
    expect(fs.existsSync(made)).toBe(true);
    expect(fs.readdirSync(folder)).toHaveLength(5);
    expect(latestBackup(dbPath)?.path).toBe(made);
  });

  it('lists only regular SQLite files: directories, symlinks and non-databases named like backups are skipped', async () => {
    const { dbPath, folder, dir } = await needingBackup((backups, home) => {
      fs.mkdirSync(backups);
      fs.mkdirSync(path.join(backups, NAME('2026-01-01T00-00-00Z')));
      fs.writeFileSync(path.join(backups, NAME('2026-01-02T00-00-00Z')), 'not a database');
      sqliteFile(path.join(home, 'outside.db'));
      fs.symlinkSync(path.join(home, 'outside.db'), path.join(backups, NAME('2026-01-03T00-00-00Z')));
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(listBackups(dbPath)).toEqual([]);
      const outcome = await startDatabase({ dbPath, keepBackups: 1 });
      if (!outcome.ok) throw new Error(outcome.message);
      outcome.db.close();
      expect(listBackups(dbPath).map((b) => b.path)).toEqual([outcome.backupPath]);
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
        /symbolic link[\s\S]*not an SQLite database/,
      );
    } finally {
      warn.mockRestore();
    }
    // Pruning to one touched none of them.
    expect(fs.readdirSync(folder)).toHaveLength(4);
    expect(fs.existsSync(path.join(dir, 'outside.db'))).toBe(true);
  });

  it("never shows an impossible stamp: the file's own time is used", async () => {
    const { dbPath, folder } = await needingBackup((backups) => {
      fs.mkdirSync(backups);
      sqliteFile(path.join(backups, NAME('2026-13-45T99-00-00Z')));
    });
    const [backup] = listBackups(dbPath);
    expect(backup?.path).toBe(path.join(folder, NAME('2026-13-45T99-00-00Z')));
    expect(Number.isNaN(backup?.takenAt.getTime())).toBe(false);
    fs.writeFileSync(dbPath, 'not a database any more');
    const outcome = await startDatabase({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    const dialog = refusalDialog(outcome, { version: '1', platform: 'linux' });
    expect(dialog.options.buttons?.join(' ')).not.toMatch(/Invalid Date/);
    expect(dialog.options.detail).not.toMatch(/Invalid Date/);
  });

  it('a "backups" that is a file: the upgrade is a clear backup-failed, and other refusals still reach the user', async () => {
    const { dbPath, dir } = await needingBackup((backups) =>
      fs.writeFileSync(backups, 'a file, not a folder'),
    );
    const before = sha256(dbPath);
    const outcome = await startDatabase({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe('backup-failed');
    expect(outcome.message).toContain('the "backups" beside it is not a folder');
    expect(refusalDialog(outcome, { version: '1', platform: 'linux' }).actions).toEqual(['copy', 'quit']);
    expect(sha256(dbPath)).toBe(before);

    const notDb = path.join(dir, 'notes.db');
    fs.writeFileSync(notDb, 'these are notes');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'backups'), 'again a file');
    // A fresh file needs no backup, so it starts; a refused one is still reported.
    const fresh = await startDatabase({ dbPath: path.join(dir, 'sub', 'microblog.db') });
    expect(fresh.ok).toBe(true);
    if (fresh.ok) fresh.db.close();
    const other = await startDatabase({ dbPath: notDb });
    expect(other.ok).toBe(false);
  });

  it('an unreadable backups folder never hides a refusal', async () => {
    const { dbPath } = await needingBackup((backups) => fs.mkdirSync(backups));
    fs.writeFileSync(dbPath, 'not a database');
    const readdir = vi.spyOn(fs, 'readdirSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied, scandir'), { code: 'EACCES' });
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await startDatabase({ dbPath });
      if (outcome.ok) throw new Error('expected a refusal');
      expect(outcome.reason).toBe('not-a-database');
      expect(outcome.latestBackup).toBeNull();
    } finally {
      readdir.mockRestore();
      error.mockRestore();
    }
  });
});
