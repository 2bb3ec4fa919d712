/** The actions of `npm run db` that work on the migration files and schema.sql rather than a database. */
import path from 'node:path';
import {
  CommandLineAction,
  type CommandLineFlagParameter,
  type CommandLineStringListParameter,
  type IRequiredCommandLineStringParameter,
} from '@rushstack/ts-command-line';
import type { MigrationModule } from '../db/migration-types';
import { ToolFailure } from '../shared/run-tool';
import { autogenerate } from './autogenerate';
import { writeBarrel } from './barrel';
import { checkSchema } from './check-schema';
import { squash } from './squash';

/** What the file-facing actions need: the migrations folder and the list its barrel exports. */
export interface FolderSession {
  folder: string;
  migrations: readonly MigrationModule[];
  print(line: string): void;
}

/** A path relative to the working directory when it is inside it, else absolute. */
export function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** `migrate -m MESSAGE`: writes the migration from the chain's head to schema.sql. */
export class MigrateAction extends CommandLineAction {
  private readonly message: IRequiredCommandLineStringParameter;
  private readonly allowDataLoss: CommandLineFlagParameter;
  private readonly renames: CommandLineStringListParameter;
  private readonly defaults: CommandLineStringListParameter;

  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'migrate',
      summary: 'Writes the migration that turns the migrations head into migrations/schema.sql',
      documentation:
        'Compares migrations/schema.sql with the schema the migrations build and writes 000N-<message>.ts ' +
        'with up and down (ALTER TABLE where SQLite allows it, the 12-step rebuild otherwise).',
    });
    this.message = this.defineStringParameter({
      parameterLongName: '--message',
      parameterShortName: '-m',
      argumentName: 'TEXT',
      description: 'What the migration does, e.g. "add about me" (its file name in kebab-case).',
      required: true,
    });
    this.allowDataLoss = this.defineFlagParameter({
      parameterLongName: '--allow-data-loss',
      description:
        'Allow steps that drop tables or columns, or add or change a CHECK or type on existing columns.',
    });
    this.renames = this.defineStringListParameter({
      parameterLongName: '--rename',
      argumentName: 'OLD_NEW',
      description:
        'A rename rather than a drop and an add: users.email=users.contact, or old_table=new_table.',
    });
    this.defaults = this.defineStringListParameter({
      parameterLongName: '--default',
      argumentName: 'COLUMN_VALUE',
      description: "The SQL value rows already in a table get for a new NOT NULL column: users.about_me=''.",
    });
  }

  protected override async onExecute(): Promise<void> {
    const { folder, migrations, print } = this.session;
    const result = await autogenerate({
      folder,
      migrations,
      message: this.message.value,
      allowDataLoss: this.allowDataLoss.value,
      renames: this.renames.values,
      defaults: this.defaults.values,
    });
    if (!result.written) {
      print('No changes in schema detected.');
      return;
    }
    print(`Generated ${shortPath(result.file)} and added it to ${shortPath(path.join(folder, 'index.ts'))}:`);
    for (const step of result.up)
      print(
        `  ${step.destructive ? '!' : '-'} ${step.says}${step.destructive ? ` (${step.destructive})` : ''}`,
      );
  }
}

/** `check`: exit 1 with the differences when the chain's head is not schema.sql. */
export class CheckAction extends CommandLineAction {
  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'check',
      summary: 'Fails when the migrations do not build migrations/schema.sql',
      documentation:
        'Builds the migration chain and schema.sql in memory and lists every difference (exit 1).',
    });
  }

  protected override async onExecute(): Promise<void> {
    const { folder, migrations, print } = this.session;
    const problems = await checkSchema(folder, migrations);
    if (problems.length > 0) {
      throw new ToolFailure(
        [
          `The migrations and ${shortPath(path.join(folder, 'schema.sql'))} differ:`,
          ...problems.map((p) => `  - ${p}`),
          'Run "npm run db -- migrate -m <message>" to write the migration, or fix schema.sql.',
        ].join('\n'),
      );
    }
    print(
      `The migrations (head ${migrations.at(-1)?.name ?? 'none'}) build exactly ${shortPath(path.join(folder, 'schema.sql'))}.`,
    );
  }
}

/** `squash --to NAME`: one baseline for the migrations up to NAME. */
export class SquashAction extends CommandLineAction {
  private readonly to: IRequiredCommandLineStringParameter;

  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'squash',
      summary: 'Replaces the migrations up to NAME with one baseline',
      documentation:
        'Writes one baseline that creates the schema at NAME directly and deletes the files it replaces. ' +
        'Databases that applied the old migrations are recognized as being at the baseline.',
    });
    this.to = this.defineStringParameter({
      parameterLongName: '--to',
      argumentName: 'NAME',
      description: 'The last migration to squash.',
      required: true,
    });
  }

  protected override async onExecute(): Promise<void> {
    const { folder, migrations, print } = this.session;
    const result = await squash(folder, migrations, this.to.value);
    print(
      `Squashed ${result.removed.length} migrations (${result.removed[0]} … ${result.removed.at(-1)}) into ${shortPath(result.file)}.`,
    );
  }
}

/** `barrel`: regenerates migrations/index.ts from the folder listing. */
export class BarrelAction extends CommandLineAction {
  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'barrel',
      summary: 'Regenerates migrations/index.ts from the files in migrations/',
      documentation:
        'Writes the static list of migrations (the barrel) from the folder listing, in file-name order.',
    });
  }

  protected override async onExecute(): Promise<void> {
    const changed = await writeBarrel(this.session.folder);
    this.session.print(
      `${shortPath(path.join(this.session.folder, 'index.ts'))} ${changed ? 'regenerated' : 'is current'}.`,
    );
  }
}
