import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';
import { underStrace } from './helpers';

/**
 * Starts the app's startup in a child whose system calls on the database file fail as strace
 * is told (`-P` limits the failures to calls on that one path, so Node itself loads normally).
 */
async function startFailing(dbPath: string, syscall: string, errno: string) {
  const child = underStrace(
    [
      '-f',
      '-o',
      '/dev/null',
      '-P',
      dbPath,
      '-e',
      `trace=${syscall}`,
      '-e',
      `inject=${syscall}:error=${errno}`,
    ],
    ['--import', 'tsx', 'test/reliability/children/start.ts', dbPath],
  );
  const line = await child.waitForLine((l) => l.startsWith('refused ') || l.startsWith('started '));
  const [, reason, actions, message] = /^refused ([a-z-]+) ([a-z,-]+): (.*)$/.exec(line) ?? [line];
  return { reason, actions, message };
}

describe('trouble around the file is not damage', () => {
  it('an input/output error reading the file says so, offers no Restore, and leaves it byte-identical', async () => {
    const dbPath = path.join(tempDir(), 'microblog.db');
    await seedDatabase(dbPath);
    const before = sha256(dbPath);
    const seen = await startFailing(dbPath, 'pread64', 'EIO');
    console.log(`EIO on reads: ${seen.reason}: ${seen.message}`);
    expect(seen.reason).toBe('io-error');
    expect(seen.message).toContain('could not be read because of an input/output error');
    expect(seen.actions).toBe('copy,quit');
    expect(sha256(dbPath)).toBe(before);
  });

  it('too many open files says so, offers no Restore, and leaves the file byte-identical', async () => {
    const dbPath = path.join(tempDir(), 'microblog.db');
    await seedDatabase(dbPath);
    const before = sha256(dbPath);
    const seen = await startFailing(dbPath, 'openat', 'EMFILE');
    console.log(`EMFILE on open: ${seen.reason}: ${seen.message}`);
    expect(seen.reason).toBe('too-many-files');
    expect(seen.message).toContain('too many files open');
    expect(seen.actions).toBe('copy,quit');
    expect(sha256(dbPath)).toBe(before);
  });
});
