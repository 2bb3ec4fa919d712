import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalDialog } from '../../electron/main/refusal';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';
import { HAS_STRACE, underStrace } from './helpers';

/** A small tmpfs at `dir`, or false where this machine does not allow mounting one. */
function mountTmpfs(dir: string): boolean {
  // RECOVERY_NO_TMPFS=1 takes the strace path, as on a machine that forbids mounting.
  if (process.env.RECOVERY_NO_TMPFS === '1') return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes one file until the disk says ENOSPC. */
function fillDisk(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(4096, 7));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** A database closed cleanly (WAL mode, no -wal left), with a backup beside it. */
async function databaseWithBackup(dir: string): Promise<string> {
  const dbPath = path.join(dir, 'microblog.db');
  await seedDatabase(dbPath, { migrations: migrations.slice(0, 3), posts: 20 });
  const started = await startDatabase({ dbPath });
  if (!started.ok) throw new Error(started.message);
  started.db.close();
  return dbPath;
}

describe.runIf(HAS_STRACE)('a full disk at startup', () => {
  it('says the disk is full, offers no Restore, and leaves the file byte-identical', async () => {
    const disk = tempDir();
    const mounted = mountTmpfs(disk);
    try {
      const dbPath = await databaseWithBackup(disk);
      const before = sha256(dbPath);
      let reason: string;
      let message: string;
      if (mounted) {
        fillDisk(disk);
        const outcome = await startDatabase({ dbPath });
        if (outcome.ok) throw new Error('started on a full disk');
        expect(outcome.latestBackup, 'a backup that Restore could have offered').not.toBeNull();
        expect(refusalDialog(outcome, { version: '1', platform: 'linux' }).actions).toEqual(['copy', 'quit']);
        ({ reason, message } = outcome);
      } else {
        // No tmpfs here: every write SQLite (and the probe) makes fails as on a full disk.
        const child = underStrace(
          [
            '-f',
            '-e',
            'trace=pwrite64,write,fallocate',
            '-e',
            'inject=pwrite64,fallocate:error=ENOSPC',
            '-o',
            '/dev/null',
          ],
          ['--import', 'tsx', 'test/reliability/children/start.ts', dbPath],
        );
        const line = await child.waitForLine((l) => l.startsWith('refused ') || l.startsWith('started '));
        const [, said = '', actions = '', sentence = ''] =
          /^refused ([a-z-]+) ([a-z,-]+): (.*)$/.exec(line) ?? [];
        expect(actions).toBe('copy,quit');
        [reason, message] = [said, sentence];
      }
      console.log(`full disk (${mounted ? 'tmpfs' : 'strace ENOSPC'}): ${reason}: ${message}`);
      expect(reason).toBe('disk-full');
      expect(message).toContain('the disk is full');
      expect(sha256(dbPath)).toBe(before);
    } finally {
      if (mounted) execFileSync('umount', ['-l', disk]);
    }
  });
});
