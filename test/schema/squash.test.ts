/** `db squash`: a database migrated before the squash and a new one reach the same head, and both pass check. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autogenerate } from '../../electron/cli/autogenerate';
import { checkSchema } from '../../electron/cli/check-schema';
import { migrationFiles } from '../../electron/cli/barrel';
import { loadMigrations } from '../../electron/cli/migrations-folder';
import { squash } from '../../electron/cli/squash';
import { openDatabase } from '../../electron/db/connection';
import { DatabaseRefusedError, inspectDatabaseFile } from '../../electron/db/guard';
import { createMigrator, migrateToLatest } from '../../electron/db/migrator';
import { readSchema } from '../../electron/schema/model';
import { compareSchemas } from '../../electron/schema/compare';
import { migrations } from '../../migrations/index';
import { copyOfMigrations, counts, databaseWithRows, differencesFromDeclared, editSchema } from './scenario';

const last = migrations.at(-1)?.name ?? '';

describe('db squash --to the last shipped migration, then a new migration on top', () => {
  it('accepts both histories: nothing re-run for the old database, the baseline for a new one', async () => {
    const folder = copyOfMigrations();
    const oldFile = path.join(path.dirname(folder), 'before-squash.db');
    await databaseWithRows(oldFile);

    const result = await squash(folder, migrations, last);
    expect(result.removed).toEqual(migrations.map((m) => m.name));
    expect(migrationFiles(folder)).toEqual([`${result.name}.ts`]);
    editSchema(folder, (sql) => sql.replace(/\) STRICT;/, ',\n  bio TEXT\n) STRICT;'));
    const added = await autogenerate({
      folder,
      migrations: await loadMigrations(folder),
      message: 'add about me',
    });
    expect(added.written).toBe(true);

    const fresh = copyOfMigrations(folder); // a second path, so the barrel is imported afresh
    const list = await loadMigrations(fresh);
    expect(list.map((m) => m.name)).toEqual([
      result.name,
      `${String(Number(last.slice(0, 4)) + 1).padStart(4, '0')}-add-about-me`,
    ]);
    expect(await checkSchema(fresh, list)).toEqual([]);

    const inspection = inspectDatabaseFile(oldFile, list);
    expect(inspection).toMatchObject({ state: 'known', applied: [result.name], pending: [list[1]?.name] });
    const old = openDatabase(oldFile);
    const before = counts(old);
    expect(await migrateToLatest(old, { migrations: list })).toEqual([list[1]?.name]);
    expect(counts(old)).toEqual(before);

    const newer = openDatabase(path.join(path.dirname(fresh), 'new.db'));
    expect(await migrateToLatest(newer, { migrations: list })).toEqual(list.map((m) => m.name));

    expect(differencesFromDeclared(old, fresh)).toEqual([]);
    expect(differencesFromDeclared(newer, fresh)).toEqual([]);
    expect(compareSchemas(readSchema(old), readSchema(newer), { left: 'old', right: 'new' })).toEqual([]);

    // Down to the baseline works; past it is refused with a sentence and changes nothing.
    await createMigrator(old, { migrations: list }).down();
    await expect(createMigrator(old, { migrations: list }).down()).rejects.toThrow(
      /is a squashed baseline and cannot be reverted/,
    );
    expect(counts(old)).toEqual(before);
    old.close();
    newer.close();
  });

  it('refuses a database stopped inside the squashed range as out of sync, leaving it alone', async () => {
    const folder = copyOfMigrations();
    const partial = path.join(path.dirname(folder), 'partial.db');
    await databaseWithRows(partial, migrations);
    const db = openDatabase(partial);
    await createMigrator(db, { migrations }).down();
    db.close();
    const bytes = fs.readFileSync(partial);
    await squash(folder, migrations, last);
    const list = await loadMigrations(folder);
    expect(() => inspectDatabaseFile(partial, list)).toThrow(DatabaseRefusedError);
    expect(() => inspectDatabaseFile(partial, list)).toThrow(/does not match this version/);
    expect(fs.readFileSync(partial).equals(bytes)).toBe(true);
  });
});
