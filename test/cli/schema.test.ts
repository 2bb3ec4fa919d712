/** The declared-schema commands as a developer runs them: real processes on a temp copy of migrations/. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationFiles } from '../../electron/cli/barrel';
import { runCli, tempDir } from '../fixtures/index';
import { copyOfMigrations, databaseWithRows, editSchema } from '../schema/scenario';

const addBio = (sql: string) =>
  sql.replace(/(sort_key +TEXT NOT NULL DEFAULT '')\n\) STRICT;/, '$1,\n  bio TEXT\n) STRICT;');

describe('db check', () => {
  it('passes on the project itself: the migrations build exactly migrations/schema.sql', async () => {
    const result = await runCli('db', ['check'], { db: path.join(tempDir(), 'unused.db') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/build exactly migrations\/schema\.sql/);
  });
});

describe('edit schema.sql, check, migrate, upgrade, check', () => {
  it('fails check with the difference, writes the migration, then says there is nothing left to do', async () => {
    const folder = copyOfMigrations();
    const db = path.join(path.dirname(folder), 'microblog.db');
    await databaseWithRows(db);
    const env = { MICROBLOG_MIGRATIONS: folder };
    editSchema(folder, addBio);

    const drift = await runCli('db', ['check'], { db, env });
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain('column users.bio is only in schema.sql');

    const before = migrationFiles(folder);
    const migrate = await runCli('db', ['migrate', '-m', 'add bio'], { db, env });
    expect(migrate.code).toBe(0);
    const written = migrationFiles(folder).filter((f) => !before.includes(f));
    expect(written).toEqual([expect.stringMatching(/^\d{4}-add-bio\.ts$/)]);
    expect(migrate.stdout).toContain('Add column users.bio.');

    const again = await runCli('db', ['migrate', '-m', 'nothing'], { db, env });
    expect(again.stdout.trim()).toBe('No changes in schema detected.');
    expect(migrationFiles(folder)).toEqual([...before, ...written]);

    const upgrade = await runCli('db', ['upgrade'], { db, env });
    expect(upgrade.code).toBe(0);
    expect(upgrade.stdout).toContain('applied  ' + (written[0] ?? '').replace(/\.ts$/, ''));
    expect((await runCli('db', ['check'], { db, env })).code).toBe(0);
  }, 120_000); // six tool processes in a row: generous on a busy machine

  it('refuses a drop without --allow-data-loss, in one sentence, writing nothing', async () => {
    const folder = copyOfMigrations();
    const env = { MICROBLOG_MIGRATIONS: folder };
    editSchema(folder, (sql) => sql.replace(/CREATE TABLE settings \([^;]*;/, ''));
    const before = fs.readdirSync(folder).sort();
    const barrel = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8');
    const result = await runCli('db', ['migrate', '-m', 'drop settings'], {
      db: path.join(tempDir(), 'x.db'),
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Refused without --allow-data-loss: step 1 drops table settings and every row in it\./,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(folder).sort()).toEqual(before);
    expect(fs.readFileSync(path.join(folder, 'index.ts'), 'utf8')).toBe(barrel);
  });
});
