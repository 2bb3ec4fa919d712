import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { knownMigrationNames, MIGRATIONS_TABLE } from '../../electron/db/migrator';
import { HOSTILE_FILES, runCli, sha256, tempDbPath, tempDir } from '../fixtures/index';
import { migrations } from '../../migrations/index';

const names = knownMigrationNames(migrations);

function look(file: string): { tables: string[]; applied: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const applied = tables.includes(MIGRATIONS_TABLE)
      ? (db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`).pluck().all() as string[])
      : [];
    return { tables, applied };
  } finally {
    db.close();
  }
}

// Real processes, several tools per test: on a loaded 2-core machine they outlast the default.
describe('npm run db (as a real process)', { timeout: 120_000 }, () => {
  it('upgrade, status, downgrade, downgrade --to 0, upgrade --to, history, stamp', async () => {
    const file = tempDbPath();
    const db = (...args: string[]) => runCli('db', args, { db: file });

    // status on a missing file reports everything pending and does not create it.
    const fresh = await db('status');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(`Pending (${names.length}):`);
    expect(fs.existsSync(file)).toBe(false);

    const up = await db('upgrade');
    expect(up).toMatchObject({ code: 0 });
    expect(up.stderr).toContain(`Database: ${file}`);
    for (const name of names) expect(up.stdout).toContain(`applied  ${name}`);
    expect(look(file).applied).toEqual(names);

    const status = await db('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`Applied \\(${names.length}\\):`));
    expect(status.stdout).toMatch(/0001-create-users\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
    expect(status.stdout).toContain('Pending (0):');

    const down = await db('downgrade');
    expect(down.stdout).toContain(`reverted ${names[names.length - 1]}`);
    expect(look(file).applied).toEqual(names.slice(0, -1));

    const base = await db('downgrade', '--to', '0');
    expect(base.code).toBe(0);
    expect(look(file)).toEqual({ tables: [MIGRATIONS_TABLE], applied: [] });

    const partial = await db('upgrade', '--to', '0002-create-posts');
    expect(partial.code).toBe(0);
    expect(look(file).applied).toEqual(names.slice(0, 2));

    const history = await db('history');
    expect(history.stdout).toContain('[x] 0002-create-posts (current)');
    expect(history.stdout).toMatch(new RegExp(`\\[ \\] ${names[names.length - 1]} \\(head\\)`));

    const stamp = await db('stamp', 'head');
    expect(stamp.code).toBe(0);
    expect(look(file)).toEqual({ tables: ['posts', MIGRATIONS_TABLE, 'users'], applied: names });
  });

  it('status, history, pending and executed open the file read-only: a backup looked at stays byte-identical', async () => {
    const file = tempDbPath();
    expect((await runCli('db', ['upgrade'], { db: file })).code).toBe(0);
    // Backups are rollback-journal files; opening one for writing would switch it to WAL.
    const backup = new Database(file);
    backup.pragma('journal_mode = DELETE');
    backup.close();
    const before = sha256(file);
    for (const command of ['status', 'history', 'pending', 'executed']) {
      const result = await runCli('db', [command], { db: file });
      expect(result.code, command).toBe(0);
      expect(sha256(file), command).toBe(before);
    }
    // A backup the user protected can still be looked at; changing it is refused.
    fs.chmodSync(file, 0o444);
    const status = await runCli('db', ['status'], { db: file });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Applied (');
    const down = await runCli('db', ['downgrade'], { db: file });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('read-only');
    expect(sha256(file)).toBe(before);
  });

  it('an unknown command or migration name fails with a message and no stack trace', async () => {
    const file = tempDbPath();
    const [bogus, badTo] = await Promise.all([
      runCli('db', ['bogus'], { db: file }),
      runCli('db', ['upgrade', '--to', '0042-nope'], { db: tempDbPath() }),
    ]);
    for (const result of [bogus, badTo]) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(bogus.stderr).toContain('Invalid choice: bogus');
    expect(badTo.stderr).toContain('0042-nope');
  });

  it('refuses a file it must not touch: one sentence, exit 1, byte-identical', async () => {
    // One process per kind of file, all at once (each spawn costs about half a second).
    const cases = await Promise.all(
      HOSTILE_FILES.map(async (kind) => {
        const label = kind.name;
        const file = path.join(tempDir(), 'microblog.db');
        await kind.make(file);
        return { label, file, before: sha256(file) };
      }),
    );
    const results = await Promise.all(cases.map(({ file }) => runCli('db', ['upgrade'], { db: file })));
    cases.forEach(({ label, file, before }, i) => {
      const result = results[i];
      expect(result?.code, label).toBe(1);
      expect(result?.stderr.trim().split('\n'), label).toEqual([
        `Database: ${file}`,
        expect.stringMatching(/^The database .+ It was not changed\.$/),
      ]);
      expect(result?.stdout, label).toBe('');
      expect(sha256(file), label).toBe(before);
    });
  });
});
