import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../electron/db/index';
import { refusalDialog } from '../../electron/main/refusal';
import { type StartupOutcome, startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { runScript, seedDatabase, sha256, tempDir } from '../fixtures/index';

/** Short, so each refusal comes quickly; the app waits the connection's 10 s. */
const BUSY_MS = 300;
const holders: Database.Database[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.close();
});

/** Another connection (SQLite's locks apply between connections of one process too) holding a lock. */
function hold(dbPath: string, how: 'immediate' | 'exclusive' | 'locking-mode-exclusive'): void {
  const holder = new Database(dbPath);
  holders.push(holder);
  if (how === 'locking-mode-exclusive') {
    holder.pragma('locking_mode = EXCLUSIVE');
    // The exclusive lock is taken by the first write and kept until the connection closes.
    holder.exec('CREATE TABLE IF NOT EXISTS settings_probe (x); DROP TABLE settings_probe');
  } else {
    holder.exec(how === 'immediate' ? 'BEGIN IMMEDIATE' : 'BEGIN EXCLUSIVE');
  }
}

async function startBeside(dbPath: string): Promise<StartupOutcome> {
  const outcome = await startDatabase({ dbPath, busyTimeoutMs: BUSY_MS });
  if (outcome.ok) outcome.db.close();
  return outcome;
}

function expectBusy(outcome: StartupOutcome): void {
  if (outcome.ok) throw new Error('started although the file was locked');
  expect(outcome.reason).toBe('busy');
  expect(outcome.message).toContain('is in use by another program');
  expect(outcome.message).toContain('npm run seed');
  expect(refusalDialog(outcome, { version: '1', platform: 'linux' }).actions).toEqual(['copy', 'quit']);
}

describe('startup beside another program holding the file', () => {
  const cases = [
    { mode: 'WAL', how: 'immediate', expected: 'started' },
    { mode: 'WAL', how: 'exclusive', expected: 'started' },
    { mode: 'WAL', how: 'locking-mode-exclusive', expected: 'busy' },
    { mode: 'rollback', how: 'immediate', expected: 'started' },
    { mode: 'rollback', how: 'exclusive', expected: 'busy' },
    { mode: 'rollback', how: 'locking-mode-exclusive', expected: 'busy' },
  ] as const;

  it.each(cases)(
    'an up-to-date $mode file, another holding $how: $expected',
    async ({ mode, how, expected }) => {
      const dbPath = path.join(tempDir(), 'microblog.db');
      await seedDatabase(dbPath);
      if (mode === 'rollback') new Database(dbPath).pragma('journal_mode = DELETE');
      hold(dbPath, how);
      // After the holder's own write (which, in rollback mode, is in the file itself).
      const before = sha256(dbPath);
      const outcome = await startBeside(dbPath);
      if (expected === 'busy') expectBusy(outcome);
      else expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
      if (expected === 'busy') expect(sha256(dbPath)).toBe(before);
    },
  );

  it.each(['immediate', 'exclusive', 'locking-mode-exclusive'] as const)(
    'an upgrade while another holds %s says "another program", not "migration failed", and offers no Restore',
    async (how) => {
      const dbPath = path.join(tempDir(), 'microblog.db');
      await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 5 });
      hold(dbPath, how);
      const before = sha256(dbPath);
      expectBusy(await startBeside(dbPath));
      expect(sha256(dbPath)).toBe(before);
    },
  );

  it('10 of 10 starts succeed beside a writer that commits without pause, or say another program is using the file', async () => {
    const dbPath = path.join(tempDir(), 'microblog.db');
    const first = await startDatabase({ dbPath });
    if (!first.ok) throw new Error(first.message);
    const user = createRepositories(first.db).users.create({ username: 'busy', email: 'busy@example.com' });
    first.db.close();
    const writer = runScript('test/reliability/children/post-writer.ts', [dbPath, String(user.id)]);
    try {
      await writer.waitForLine((line) => line === 'ready');
      const results: string[] = [];
      for (let i = 0; i < 10; i++) {
        const outcome = await startDatabase({ dbPath });
        if (outcome.ok) {
          // What the app does first: read the timeline.
          createRepositories(outcome.db).posts.timeline();
          outcome.db.close();
        }
        results.push(outcome.ok ? 'started' : outcome.reason);
      }
      const committed = writer.lines.filter((line) => line.startsWith('committed ')).length;
      console.log(
        `busy writer: ${results.filter((r) => r === 'started').length}/10 started (${results.join(' ')}); the writer committed ${committed} posts meanwhile`,
      );
      expect(results.every((r) => r === 'started' || r === 'busy')).toBe(true);
      expect(committed).toBeGreaterThan(0);
    } finally {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
  }, 60_000);
});
