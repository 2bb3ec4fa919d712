import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import type { MigrationModule } from '../../electron/db/migration-types';
import {
  createMigrator,
  listAppliedMigrations,
  migrateToLatest,
  MIGRATIONS_TABLE,
  stampMigrations,
} from '../../electron/db/migrator';
import { migrationFiles } from '../../electron/cli/create-migration';
import { emptyDb } from '../fixtures/index';
import { dump, schemaDump, tableNames } from './helpers';

const names = migrations.map((m) => m.name);
const appliedNames = (db: Parameters<typeof listAppliedMigrations>[0]): string[] =>
  listAppliedMigrations(db).map((row) => row.name);

describe('the barrel migrations/index.ts', () => {
  it('lists exactly the files in migrations/, in file-name order, under their own names', () => {
    const folder = path.resolve(__dirname, '../../migrations');
    const files = migrationFiles(folder).map((file) => file.replace(/\.ts$/, ''));
    const stray = fs
      .readdirSync(folder)
      .filter((f) => !['index.ts', 'schema.sql'].includes(f) && !/^\d{4}-[a-z0-9-]+\.ts$/.test(f));
    expect(stray).toEqual([]);
    expect(names).toEqual(files);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names.map((n) => n.slice(0, 4))).size).toBe(names.length);
  });

  it('gives every migration an up and a down', () => {
    for (const m of migrations) {
      expect(typeof m.up, m.name).toBe('function');
      expect(typeof m.down, m.name).toBe('function');
    }
  });
});

describe('every migration', () => {
  it('goes up, down and up again, one step at a time, recording each step', async () => {
    const db = emptyDb();
    const umzug = createMigrator(db, { migrations });
    const schemas: string[][] = [schemaDump(db)];
    for (let i = 0; i < names.length; i++) {
      await umzug.up({ step: 1 });
      expect(appliedNames(db)).toEqual(names.slice(0, i + 1));
      schemas.push(schemaDump(db));
      expect(schemas[i + 1]).not.toEqual(schemas[i]);
    }
    for (let i = names.length - 1; i >= 0; i--) {
      await umzug.down({ step: 1 });
      expect(appliedNames(db)).toEqual(names.slice(0, i));
      // Down restores the schema to what it was before that migration (plus the bookkeeping
      // table, and sqlite_sequence: SQLite never drops it once an AUTOINCREMENT table made it).
      // A rebuild's final RENAME stores the table's name quoted (`CREATE TABLE "users"`), which
      // SQLite reads as the same name, so quoting does not count.
      const ours = (line: string) => !line.includes(MIGRATIONS_TABLE) && !line.includes('sqlite_sequence');
      const unquoted = (lines: string[]) =>
        lines.filter(ours).map((line) => line.replace(/^(table \w+: CREATE TABLE )"(\w+)"/, '$1$2'));
      expect(unquoted(schemaDump(db))).toEqual(unquoted(schemas[i] ?? []));
    }
    await umzug.up();
    expect(schemaDump(db)).toEqual(schemas[names.length]);
    expect(db.inTransaction).toBe(false);
  });

  it('down --to 0 leaves only the bookkeeping table, empty', async () => {
    const db = emptyDb();
    const umzug = createMigrator(db, { migrations });
    await umzug.up();
    await umzug.down({ to: 0 });
    expect(tableNames(db)).toEqual([MIGRATIONS_TABLE]);
    expect(schemaDump(db).filter((l) => !l.startsWith('table') && !l.includes('sqlite_autoindex'))).toEqual(
      [],
    );
    expect(appliedNames(db)).toEqual([]);
  });

  it('records when each migration was applied', async () => {
    const db = emptyDb();
    const before = new Date().toISOString();
    await migrateToLatest(db, { migrations });
    for (const row of listAppliedMigrations(db)) {
      expect(row.appliedAt >= before.slice(0, 19)).toBe(true);
      expect(row.appliedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });
});

/** A test-only list: the real migrations plus one that creates a table and then throws. */
function withBrokenMigration(): MigrationModule[] {
  return [
    ...migrations,
    {
      name: '9999-broken',
      up: ({ context: db }) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec(`INSERT INTO users (username, email) VALUES ('ghost', 'ghost@example.com')`);
        throw new Error('boom half way');
      },
      down: ({ context: db }) => db.exec('DROP TABLE IF EXISTS half_done'),
    },
  ];
}

describe('a migration that throws half way', () => {
  it('through the migrator, leaves schema, rows and bookkeeping exactly as before', async () => {
    const db = emptyDb();
    await migrateToLatest(db, { migrations });
    db.prepare(`INSERT INTO users (username, email) VALUES ('susan', 'susan@example.com')`).run();
    const before = dump(db);
    await expect(createMigrator(db, { migrations: withBrokenMigration() }).up()).rejects.toThrow(/boom/);
    expect(db.inTransaction).toBe(false);
    expect(dump(db)).toEqual(before);
  });

  it('through migrateToLatest, undoes the earlier pending migrations of the same run too', async () => {
    const db = emptyDb();
    const umzug = createMigrator(db, { migrations });
    await umzug.up({ to: '0002-create-posts' });
    const before = dump(db);
    await expect(migrateToLatest(db, { migrations: withBrokenMigration() })).rejects.toThrow(/boom/);
    expect(db.inTransaction).toBe(false);
    expect(dump(db)).toEqual(before);
  });

  it('on a brand-new file, leaves it without any table', async () => {
    const db = emptyDb();
    const broken: MigrationModule[] = [
      {
        name: '9999-broken',
        down: () => undefined,
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    await expect(createMigrator(db, { migrations: broken }).up()).rejects.toThrow(/boom/);
    expect(tableNames(db)).toEqual([]);
  });
});

describe('stampMigrations', () => {
  it('records a migration without running it, and back to 0, in one step', async () => {
    const db = emptyDb();
    expect(stampMigrations(db, '0002-create-posts', migrations)).toEqual(names.slice(0, 2));
    expect(appliedNames(db)).toEqual(names.slice(0, 2));
    expect(tableNames(db)).toEqual([MIGRATIONS_TABLE]);
    expect(stampMigrations(db, 'head', migrations)).toEqual(names);
    expect(appliedNames(db)).toEqual(names);
    expect(stampMigrations(db, 0, migrations)).toEqual([]);
    expect(appliedNames(db)).toEqual([]);
  });

  it('keeps the applied-at of migrations that stay recorded', async () => {
    const db = emptyDb();
    await migrateToLatest(db, { migrations });
    const first = listAppliedMigrations(db)[0];
    stampMigrations(db, '0001-create-users', migrations);
    expect(listAppliedMigrations(db)).toEqual([first]);
  });

  it('refuses an unknown name and changes nothing', async () => {
    const db = emptyDb();
    await migrateToLatest(db, { migrations });
    const before = dump(db);
    expect(() => stampMigrations(db, '0042-nope', migrations)).toThrow(/no migration named "0042-nope"/);
    expect(dump(db)).toEqual(before);
  });
});
