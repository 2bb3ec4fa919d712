import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsOf, hostileFile, observe, sha256, start, tempDir } from '../fixtures/index';

describe('startDatabase refuses', () => {
  it('refuses a database from a newer version without touching it', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await hostileFile('a database from a newer version').make(dbPath);
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
    await hostileFile('a text file').make(dbPath);
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
    const dbPath = path.join(dir, 'microblog.db');
    await hostileFile('a copy truncated at a page boundary').make(dbPath);
    const before = sha256(dbPath);
    const outcome = await start({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe('corrupt');
    expect(outcome.message).toMatch(/damaged/);
    expect(sha256(dbPath)).toBe(before);
    observe('truncated copy', {
      reason: outcome.reason,
      size: fs.statSync(dbPath).size,
      beforeSha256: before,
      afterSha256: sha256(dbPath),
    });
  });
});
