import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseRefusedError, inspectDatabaseFile } from '../../electron/db/index';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { HOSTILE_FILES, sha256, tempDir } from '../fixtures/index';

describe('hostile files', () => {
  it.each(HOSTILE_FILES)(
    'refuses $name with reason "$reason" and leaves it byte-identical',
    async ({ make, reason }) => {
      const dbPath = path.join(tempDir('hostile'), 'microblog.db');
      await make(dbPath);
      const before = sha256(dbPath);
      const size = fs.statSync(dbPath).size;

      let guardReason: string | undefined;
      try {
        inspectDatabaseFile(dbPath, migrations);
      } catch (error) {
        if (!(error instanceof DatabaseRefusedError)) throw error;
        guardReason = error.reason;
      }
      expect(guardReason).toBe(reason);

      const outcome = await startDatabase({ dbPath });
      if (outcome.ok) outcome.db.close();
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.reason).toBe(reason);

      expect(fs.statSync(dbPath).size).toBe(size);
      expect(sha256(dbPath)).toBe(before);
    },
  );

  it('tries a file of every refusal reason the guard has for a hostile file', () => {
    console.log(`hostile files tried: ${HOSTILE_FILES.length}`);
    const reasons = [...new Set(HOSTILE_FILES.map((c) => c.reason))].sort();
    const expected = 'corrupt empty-file from-the-future not-a-database out-of-sync read-only unknown-schema';
    expect(reasons).toEqual(expected.split(' '));
  });
});
