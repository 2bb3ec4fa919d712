import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { barrelIsCurrent, writeBarrel } from '../../electron/cli/barrel';
import {
  createMigration,
  kebabName,
  MIGRATIONS_DIR,
  migrationFiles,
} from '../../electron/cli/create-migration';
import type { MigrationModule } from '../../electron/db/migration-types';
import { createMigrator } from '../../electron/db/migrator';
import { emptyDb, runCli, tempDir } from '../fixtures/index';
import { schemaDump } from '../db/helpers';

/** A copy of the real migrations folder (files, barrel and schema.sql) to create migrations in. */
function copyOfMigrations(): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  return folder;
}

describe('db create', () => {
  it('names migrations in kebab case and refuses a name with nothing usable', () => {
    expect(kebabName('add_something')).toBe('add-something');
    expect(kebabName('  Add Bio, Again! ')).toBe('add-bio-again');
    expect(() => kebabName('___')).toThrow(/cannot name a migration/);
  });

  it('as a process: writes 000N-<name>.ts and regenerates the barrel, which then runs up and down', async () => {
    const folder = copyOfMigrations();
    const before = migrationFiles(folder);
    const unusedDb = path.join(tempDir(), 'unused.db');
    const result = await runCli('db', ['create', '--name', 'add_something'], {
      db: unusedDb,
      env: { MICROBLOG_MIGRATIONS: folder },
    });
    expect(result.code).toBe(0);
    // One past the highest number, which is not the count when the chain has a gap.
    const highest = Math.max(...before.map((file) => Number.parseInt(path.basename(file), 10)));
    const next = String(highest + 1).padStart(4, '0');
    const name = `${next}-add-something`;
    expect(result.stdout).toContain(`${name}.ts`);
    expect(migrationFiles(folder)).toEqual([...before, `${name}.ts`]);
    // The database was not needed, so no file was created for it.
    expect(fs.existsSync(unusedDb)).toBe(false);

    await createMigration(folder, 'Second One');
    const barrel = (await import(path.join(folder, 'index.ts'))) as { migrations: MigrationModule[] };
    const names = barrel.migrations.map((m) => m.name);
    expect(names).toEqual(migrationFiles(folder).map((f) => f.replace(/\.ts$/, '')));
    expect(names.slice(-2)).toEqual([name, `${String(highest + 2).padStart(4, '0')}-second-one`]);

    // The template's up and down are valid (empty) migrations.
    const db = emptyDb();
    const umzug = createMigrator(db, { migrations: barrel.migrations });
    await umzug.up();
    const head = schemaDump(db);
    await umzug.down({ step: 2 });
    await umzug.up();
    expect(schemaDump(db)).toEqual(head);
  });
});

describe('the generated barrel', () => {
  it('is current in the project: exactly what the codegen writes from the folder listing', async () => {
    expect(await barrelIsCurrent(MIGRATIONS_DIR)).toBe(true);
  });

  it('is regenerated from the listing: a file added or removed by hand is picked up, in order', async () => {
    const folder = copyOfMigrations();
    const [first, second] = migrationFiles(folder);
    fs.rmSync(path.join(folder, second ?? ''));
    expect(await barrelIsCurrent(folder)).toBe(false);
    expect(await writeBarrel(folder)).toBe(true);
    const text = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8');
    expect(text).toContain(`from './${(first ?? '').replace(/\.ts$/, '')}'`);
    expect(text).not.toContain(`from './${(second ?? '').replace(/\.ts$/, '')}'`);
    expect(await barrelIsCurrent(folder)).toBe(true);
    expect(await writeBarrel(folder)).toBe(false);
  });

  it('refuses two migrations with the same number, writing nothing', async () => {
    const folder = copyOfMigrations();
    const before = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8');
    fs.writeFileSync(
      path.join(folder, '0001-again.ts'),
      'export function up(): void {}\nexport function down(): void {}\n',
    );
    await expect(writeBarrel(folder)).rejects.toThrow(/Two migrations are numbered 0001/);
    expect(fs.readFileSync(path.join(folder, 'index.ts'), 'utf8')).toBe(before);
  });
});
