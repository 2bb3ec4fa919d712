import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seedDatabase, tempDir } from '../fixtures/index';
import { HAS_STRACE, killAtPwrite, pwriteTargets } from './helpers';

const START = ['--import', 'tsx', 'test/reliability/children/start.ts'];
const FULL = process.env.RECOVERY_FULL === '1';

/** The main-file writes made while the rollback journal was the last other file written: a kill there leaves it hot. */
function underJournal(targets: string[], dbPath: string): number[] {
  let last = '';
  const found: number[] = [];
  targets.forEach((target, i) => {
    if (target === dbPath && last === `${dbPath}-journal`) found.push(i + 1);
    if (target !== dbPath) last = target;
  });
  return found;
}

/** First, middle and last (every one with RECOVERY_FULL=1). */
function spread(points: number[]): number[] {
  if (FULL || points.length <= 3) return points;
  return [points[0], points[Math.floor(points.length / 2)], points.at(-1)] as number[];
}

async function killedStarts(
  name: string,
  prepare: (dbPath: string) => Promise<void>,
  check: (dbPath: string) => void,
) {
  const tracedPath = path.join(tempDir(), 'microblog.db');
  await prepare(tracedPath);
  const targets = await pwriteTargets([...START, tracedPath], path.join(path.dirname(tracedPath), 'trace'));
  const points = spread(underJournal(targets, tracedPath));
  expect(points.length, `${name}: writes under a journal`).toBeGreaterThan(0);
  let started = 0;
  for (const when of points) {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await prepare(dbPath);
    const end = await killAtPwrite(when, [...START, dbPath]);
    expect(end.signal, `${name}, write ${when}: ${end.stderr}`).toBe('SIGKILL');
    expect(fs.statSync(`${dbPath}-journal`).size, `${name}, write ${when}: a hot journal`).toBeGreaterThan(0);

    const outcome = await startDatabase({ dbPath });
    if (!outcome.ok)
      throw new Error(`${name}, write ${when}: refused as ${outcome.reason}: ${outcome.message}`);
    expect(outcome.recoveredCopy, 'the file and its journal were copied first').not.toBeNull();
    expect(fs.existsSync(`${outcome.recoveredCopy}-journal`)).toBe(true);
    expect(outcome.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(outcome.db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(
      migrations.map((m) => m.name),
    );
    outcome.db.close();
    check(dbPath);
    started++;
  }
  console.log(
    `hot journal, ${name}: ${started}/${points.length} started (kills at pwrite64 #${points.join(', #')})`,
  );
  return { started, tried: points.length };
}

function postsIn(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT body FROM posts ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe.runIf(HAS_STRACE)('a hot rollback journal', () => {
  it('after a restored backup (rollback mode) killed while migrating: starts, with every post', async () => {
    const restored = async (dbPath: string) => {
      await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 300 });
      const db = new Database(dbPath);
      db.pragma('journal_mode = DELETE');
      db.close();
    };
    const expected = Array.from({ length: 300 }, (_, i) => `post number ${i}`);
    const { started, tried } = await killedStarts('restored backup', restored, (dbPath) =>
      expect(postsIn(dbPath)).toEqual(expected),
    );
    expect(started).toBe(tried);
  }, 120_000);

  it('after a first run killed mid-migration: starts fresh, the cut-off file kept in backups/', async () => {
    const { started, tried } = await killedStarts(
      'first run',
      async () => undefined,
      (dbPath) => expect(postsIn(dbPath)).toEqual([]),
    );
    expect(started).toBe(tried);
  }, 120_000);
});
