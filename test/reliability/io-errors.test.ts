import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';
import { HAS_STRACE, underStrace } from './helpers';

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

describe.runIf(HAS_STRACE)('trouble around the file is not damage', () => {
  it.each([
    [
      'an input/output error reading the file',
      'pread64',
      'EIO',
      'io-error',
      'could not be read because of an input/output error',
    ],
    ['too many open files', 'openat', 'EMFILE', 'too-many-files', 'too many files open'],
  ])(
    '%s says so, offers no Restore, and leaves the file byte-identical',
    async (_what, syscall, errno, reason, sentence) => {
      const dbPath = path.join(tempDir(), 'microblog.db');
      await seedDatabase(dbPath);
      const before = sha256(dbPath);
      const seen = await startFailing(dbPath, syscall, errno);
      console.log(`${errno} on ${syscall}: ${seen.reason}: ${seen.message}`);
      expect(seen.reason).toBe(reason);
      expect(seen.message).toContain(sentence);
      expect(seen.actions).toBe('copy,quit');
      expect(sha256(dbPath)).toBe(before);
    },
  );
});
