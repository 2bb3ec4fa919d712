import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendToBarrel,
  createMigration,
  kebabName,
  MIGRATIONS_DIR,
  migrationFiles,
} from '../../electron/cli/create-migration';
import type { MigrationModule } from '../../electron/db/migration-types';
import { createMigrator } from '../../electron/db/migrator';
import { emptyDb, schemaDump, tempDir } from '../db/helpers';
import { runTool } from './run';

/** A copy of the real migrations folder (files and barrel) to create migrations in. */
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

  it('refuses a barrel it does not recognise, before writing any file', () => {
    expect(() => appendToBarrel('export const migrations = [];', '0001-x')).toThrow(/edit it by hand/);
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'index.ts'), 'export {};\n');
    expect(() => createMigration(folder, 'first')).toThrow();
    expect(fs.readdirSync(folder)).toEqual(['index.ts']);
  });

  it('as a process: writes 000N-<name>.ts and appends it to the barrel, which then runs up and down', async () => {
    const folder = copyOfMigrations();
    const before = migrationFiles(folder);
    const unusedDb = path.join(tempDir(), 'unused.db');
    const result = await runTool('db', ['create', '--name', 'add_something', '--folder', folder], {
      db: unusedDb,
    });
    expect(result.code).toBe(0);
    const next = String(before.length + 1).padStart(4, '0');
    const name = `${next}-add-something`;
    expect(result.stdout).toContain(`${name}.ts`);
    expect(migrationFiles(folder)).toEqual([...before, `${name}.ts`]);
    // The database was not needed, so no file was created for it.
    expect(fs.existsSync(unusedDb)).toBe(false);

    createMigration(folder, 'Second One');
    const barrel = (await import(path.join(folder, 'index.ts'))) as { migrations: MigrationModule[] };
    const names = barrel.migrations.map((m) => m.name);
    expect(names).toEqual(migrationFiles(folder).map((f) => f.replace(/\.ts$/, '')));
    expect(names.slice(-2)).toEqual([name, `${String(before.length + 2).padStart(4, '0')}-second-one`]);

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
