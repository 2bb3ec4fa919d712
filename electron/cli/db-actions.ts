/** The actions `npm run db` adds to Umzug's own up/down/pending/executed. */
import path from 'node:path';
import {
  CommandLineAction,
  type CommandLineRemainder,
  type IRequiredCommandLineStringParameter,
} from '@rushstack/ts-command-line';
import type { Db } from '../db/connection';
import {
  effectiveHistory,
  knownMigrationNames,
  listAppliedMigrations,
  stampMigrations,
} from '../db/migrator';
import { createMigration } from './create-migration';
import { shortPath, type FolderSession } from './schema-actions';

/** What the database-facing actions need; `db` is an empty in-memory stand-in when the file does not exist. */
export interface DbSession extends FolderSession {
  file: string;
  db: Db;
  exists: boolean;
}

/**
 * The applied migrations in this build's names, with when each was applied: after a squash the
 * baseline stands for the old migrations a database recorded, with the time of the last of them.
 */
function appliedRows(session: DbSession): { name: string; appliedAt: string }[] {
  const rows = listAppliedMigrations(session.db);
  const names = effectiveHistory(
    rows.map((row) => row.name),
    session.migrations,
  );
  const offset = rows.length - names.length;
  return names.map((name, i) => ({ name, appliedAt: rows[i + offset]?.appliedAt ?? '' }));
}

/** `status`: the applied migrations with when they were applied, then the pending ones. */
export class StatusAction extends CommandLineAction {
  constructor(private readonly session: DbSession) {
    super({
      actionName: 'status',
      summary: 'Shows applied (with applied-at) and pending migrations',
      documentation: 'Lists every applied migration with the time it was applied, then every pending one.',
    });
  }

  protected override async onExecute(): Promise<void> {
    const { print, exists } = this.session;
    const applied = appliedRows(this.session);
    const done = new Set(applied.map((row) => row.name));
    const pending = knownMigrationNames(this.session.migrations).filter((name) => !done.has(name));
    if (!exists) print('The file does not exist yet; "npm run db -- upgrade" creates it.');
    print(`Applied (${applied.length}):`);
    for (const row of applied) print(`  ${row.name.padEnd(32)} ${row.appliedAt}`);
    print(`Pending (${pending.length}):`);
    for (const name of pending) print(`  ${name}`);
  }
}

/** `history`: every migration this build knows, marking the applied ones and the current one. */
export class HistoryAction extends CommandLineAction {
  constructor(private readonly session: DbSession) {
    super({
      actionName: 'history',
      summary: 'Lists all known migrations, marking applied and current',
      documentation:
        'Lists the migrations of this build in order: [x] applied, [ ] pending, and which is current.',
    });
  }

  protected override async onExecute(): Promise<void> {
    const { print } = this.session;
    const done = new Set(appliedRows(this.session).map((row) => row.name));
    const known = knownMigrationNames(this.session.migrations);
    const current = [...known].reverse().find((name) => done.has(name));
    known.forEach((name, i) => {
      const marks = [i === known.length - 1 ? '(head)' : '', name === current ? '(current)' : ''];
      print(`  [${done.has(name) ? 'x' : ' '}] ${name} ${marks.filter(Boolean).join(' ')}`.trimEnd());
    });
    if (current === undefined) print('  (current: base, nothing applied)');
  }
}

/** `stamp <NAME|head|0>`: records the database as being at a migration without running anything. */
export class StampAction extends CommandLineAction {
  private readonly target: CommandLineRemainder;

  constructor(private readonly session: DbSession) {
    super({
      actionName: 'stamp',
      summary: 'Marks the database as being at a migration, without running it',
      documentation:
        'Rewrites the bookkeeping table so that exactly the migrations up to NAME are recorded as applied ' +
        '("head" for all, "0" for none). Nothing else changes. Usage: stamp <NAME|head|0>',
    });
    this.target = this.defineCommandLineRemainder({ description: 'NAME, head or 0' });
  }

  protected override async onExecute(): Promise<void> {
    const values = this.target.values;
    if (values.length !== 1 || values[0] === undefined) {
      throw new Error('Say where to stamp: "stamp <NAME|head|0>".');
    }
    const target = values[0] === '0' ? 0 : values[0];
    const recorded = stampMigrations(this.session.db, target, this.session.migrations);
    this.session.print(`Stamped ${this.session.file} at ${recorded[recorded.length - 1] ?? 'base (0)'}.`);
  }
}

/** `create --name add_something`: a new migration from the template, appended to the barrel. */
export class CreateMigrationAction extends CommandLineAction {
  private readonly name: IRequiredCommandLineStringParameter;

  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'create',
      summary: 'Creates an empty migration file and regenerates migrations/index.ts',
      documentation:
        'Writes migrations/000N-<name>.ts with empty up and down, and regenerates the barrel ' +
        'migrations/index.ts so that it runs after the existing ones.',
    });
    this.name = this.defineStringParameter({
      parameterLongName: '--name',
      argumentName: 'NAME',
      description: 'What the migration does, e.g. add_bio (written as kebab-case).',
      required: true,
    });
  }

  protected override async onExecute(): Promise<void> {
    const { folder, print } = this.session;
    const file = await createMigration(folder, this.name.value);
    print(`Created ${shortPath(file)} and added it to ${shortPath(path.join(folder, 'index.ts'))}.`);
  }
}
