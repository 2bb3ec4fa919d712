import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RefusalReason } from '../../electron/db/guard';
import type { StartupOutcome } from '../../electron/main/startup';
import { backupsOf, hostileFile, observe, sha256, start, tempDir } from '../fixtures/index';

interface Refused {
  file: string;
  reason: RefusalReason;
  message: RegExp;
  /** What else must hold of the folder and the outcome. */
  also?: (dir: string, outcome: StartupOutcome & { ok: false }) => void;
}

const refused: Refused[] = [
  {
    file: 'a database from a newer version',
    reason: 'from-the-future',
    message: /newer version/,
    also: (dir, outcome) => {
      expect(outcome.latestBackup).toBeNull();
      expect(backupsOf(dir)).toEqual([]);
    },
  },
  {
    file: 'a text file',
    reason: 'not-a-database',
    message: /not an SQLite database/,
    also: (dir) => expect(fs.readdirSync(dir)).toEqual(['microblog.db']),
  },
  { file: 'a copy truncated at a page boundary', reason: 'corrupt', message: /damaged/ },
];

describe('startDatabase refuses', () => {
  it.each(refused)('refuses $file without touching it', async ({ file, reason, message, also }) => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await hostileFile(file).make(dbPath);
    const before = sha256(dbPath);
    const outcome = await start({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.reason).toBe(reason);
    expect(outcome.message).toMatch(message);
    expect(sha256(dbPath)).toBe(before);
    also?.(dir, outcome);
    observe(file, {
      reason: outcome.reason,
      size: fs.statSync(dbPath).size,
      beforeSha256: before,
      afterSha256: sha256(dbPath),
    });
  });
});
