/**
 * `npm run db -- <command>`: Umzug's own CLI (up, down, pending, executed) plus upgrade/downgrade
 * aliases, status, history, stamp, create, and the declared-schema commands migrate, check,
 * squash and barrel, and the data commands export, import, backup and backups. Every migration runs through createMigrator, so each one and its
 * bookkeeping row commit together.
 */
import { AliasCommandLineAction, CommandLineParser } from '@rushstack/ts-command-line';
import { DownAction, ListAction, UpAction, type Umzug } from 'umzug';
import { openDatabase, type Db } from '../db/connection';
import { inspectDatabaseFile } from '../db/guard';
import type { MigrationModule } from '../db/migration-types';
import { createMigrator } from '../db/migrator';
import {
  CreateMigrationAction,
  HistoryAction,
  StampAction,
  StatusAction,
  type DbSession,
} from './db-actions';
import { loadMigrations, migrationsFolder } from './migrations-folder';
import { BackupAction, BackupsAction, ExportAction, ImportAction } from './data-actions';
import { BarrelAction, CheckAction, MigrateAction, SquashAction } from './schema-actions';
import { DB_TOOL_FAILURES, closeDatabase, databaseFile, runTool } from './tool';

const TOOL = 'npm run db --';
/** Commands that only look: the file is opened read-only, so looking at a backup never changes it. */
const LOOKS = new Set(['status', 'history', 'pending', 'executed']);
/** Commands that change an existing database (and do nothing to a missing one). */
const CHANGES = new Set(['down', 'downgrade']);
/** Commands that change the database and may create the file. */
const WRITES = new Set(['up', 'upgrade', 'stamp']);

const print = (line: string): void => void process.stdout.write(`${line}\n`);

/** Umzug's events as short lines: one per migration applied or reverted. */
const logger = {
  info(record: Record<string, unknown>): void {
    const { event, name, durationSeconds, message } = record;
    const ms = typeof durationSeconds === 'number' ? ` (${Math.round(durationSeconds * 1000)} ms)` : '';
    if (event === 'migrated') print(`  applied  ${String(name)}${ms}`);
    else if (event === 'reverted') print(`  reverted ${String(name)}${ms}`);
    else if (typeof message === 'string') print(message.charAt(0).toUpperCase() + message.slice(1));
  },
  warn: (record: Record<string, unknown>): void => void process.stderr.write(`${JSON.stringify(record)}\n`),
  error: (record: Record<string, unknown>): void => void process.stderr.write(`${JSON.stringify(record)}\n`),
  debug: (): void => undefined,
};

class DbCli extends CommandLineParser {
  constructor(umzug: Umzug<Db>, session: DbSession) {
    super({ toolFilename: TOOL, toolDescription: 'Migrates the Microblog database (Umzug).' });
    // Umzug's actions are typed for its default context; ours is the database connection.
    const migrator = umzug as unknown as Umzug;
    const up = new UpAction(migrator);
    const down = new DownAction(migrator);
    this.addAction(up);
    this.addAction(
      new AliasCommandLineAction({ toolFilename: TOOL, aliasName: 'upgrade', targetAction: up }),
    );
    this.addAction(down);
    this.addAction(
      new AliasCommandLineAction({ toolFilename: TOOL, aliasName: 'downgrade', targetAction: down }),
    );
    this.addAction(new StatusAction(session));
    this.addAction(new HistoryAction(session));
    this.addAction(new ListAction('pending', migrator));
    this.addAction(new ListAction('executed', migrator));
    this.addAction(new StampAction(session));
    this.addAction(new CreateMigrationAction(session));
    this.addAction(new MigrateAction(session));
    this.addAction(new CheckAction(session));
    this.addAction(new SquashAction(session));
    this.addAction(new BarrelAction(session));
    this.addAction(new ExportAction(session));
    this.addAction(new ImportAction(session));
    this.addAction(new BackupAction(session));
    this.addAction(new BackupsAction(session));
  }
}

/** Opens the file only for commands that need it, after the guard; otherwise an in-memory stand-in. */
function openSession(
  command: string | undefined,
  folder: string,
  migrations: readonly MigrationModule[],
): DbSession {
  const files = { folder, migrations, print };
  if (command === undefined || !(LOOKS.has(command) || CHANGES.has(command) || WRITES.has(command))) {
    return { ...files, file: ':memory:', db: openDatabase(':memory:'), exists: false };
  }
  const file = databaseFile();
  const inspection = inspectDatabaseFile(file, migrations, { readOnly: LOOKS.has(command) });
  const exists = inspection.state !== 'missing';
  const db =
    exists && LOOKS.has(command)
      ? openDatabase(file, { readonly: true })
      : exists || WRITES.has(command)
        ? openDatabase(file)
        : openDatabase(':memory:');
  return { ...files, file, db, exists };
}

void runTool(async () => {
  const argv = process.argv.slice(2);
  const command = argv.find((arg) => !arg.startsWith('-'));
  const folder = migrationsFolder();
  // `barrel` repairs the list itself, so it must work when the list does not load.
  const migrations = command === 'barrel' ? [] : await loadMigrations(folder);
  const session = openSession(command, folder, migrations);
  try {
    const cli = new DbCli(createMigrator(session.db, { migrations, logger }), session);
    await cli.executeWithoutErrorHandling(argv);
  } catch (error) {
    // The parser reports its own usage errors (with exit codes); print just its message.
    if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number') {
      if (error.message) process.stderr.write(`${error.message.trim()}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  } finally {
    closeDatabase(session.db);
  }
}, DB_TOOL_FAILURES);
