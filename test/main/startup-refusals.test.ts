import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type StartupOutcome, startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { makeDatabase, sha256, tempDir } from './helpers';

const opened: StartupOutcome[] = [];
afterEach(() => {
  for (const outcome of opened.splice(0)) if (outcome.ok && outcome.db.open) outcome.db.close();
});

async function start(options: Parameters<typeof startDatabase>[0]): Promise<StartupOutcome> {
  const outcome = await startDatabase(options);
  opened.push(outcome);
  return outcome;
}

const backupsOf = (dir: string): string[] =>
  fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).sort() : [];

/** Logs what a case observed. */
function observe(name: string, facts: Record<string, unknown>): void {
  console.log(`[startup] ${name}: ${JSON.stringify(facts)}`);
}

describe('startDatabase refuses', () => {
  it('refuses a database from a newer version without touching it', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await makeDatabase(dbPath);
    const db = new Database(dbPath);
    db.prepare(`INSERT INTO schema_migrations (name) VALUES ('0099-from-a-newer-version')`).run();
    db.close();
    const before = sha256(dbPath);
    const outcome = await start({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe('from-the-future');
    expect(outcome.message).toMatch(/newer version/);
    expect(outcome.latestBackup).toBeNull();
    expect(sha256(dbPath)).toBe(before);
    expect(backupsOf(dir)).toEqual([]);
    observe('from the future', { reason: outcome.reason, beforeSha256: before, afterSha256: sha256(dbPath) });
  });

  it('refuses a file that is not an SQLite database without touching it', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    fs.writeFileSync(dbPath, 'These are my notes, not a database.\n'.repeat(200));
    const before = sha256(dbPath);
    const outcome = await start({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe('not-a-database');
    expect(outcome.message).toMatch(/not an SQLite database/);
    expect(sha256(dbPath)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['microblog.db']);
    observe('not SQLite', { reason: outcome.reason, beforeSha256: before, afterSha256: sha256(dbPath) });
  });

  it('refuses a truncated copy of a real database without touching it', async () => {
    const dir = tempDir();
    const whole = path.join(dir, 'whole.db');
    await makeDatabase(whole, migrations, 2000);
    const dbPath = path.join(dir, 'microblog.db');
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(dbPath, bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096));
    const before = sha256(dbPath);
    const outcome = await start({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe('corrupt');
    expect(outcome.message).toMatch(/damaged/);
    expect(sha256(dbPath)).toBe(before);
    observe('truncated copy', {
      reason: outcome.reason,
      sizes: [bytes.length, fs.statSync(dbPath).size],
      beforeSha256: before,
      afterSha256: sha256(dbPath),
    });
  });
});
