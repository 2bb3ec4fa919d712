/** `npm run db -- export | import | backup | backups`: the app's Data screen, from the command line. */
import path from 'node:path';
import {
  CommandLineAction,
  type CommandLineChoiceParameter,
  type CommandLineFlagParameter,
  type CommandLineRemainder,
  type CommandLineStringParameter,
  type IRequiredCommandLineStringParameter,
} from '@rushstack/ts-command-line';
import { exportArchive, type ExportFormat } from '../data/archive-export';
import { importArchive } from '../data/archive-import';
import { backupNow, listBackups } from '../data/backups';
import { describeBackup } from '../data/backup-details';
import type { FolderSession } from './schema-actions';
import { ToolFailure } from '../shared/run-tool';
import { closeDatabase, databaseFile, openDatabaseAtHead } from './tool';

const count = (n: number): string => n.toLocaleString('en');

/** `export --out FILE [--user NAME] [--format json|csv] [--with-password-hashes]`. */
export class ExportAction extends CommandLineAction {
  private readonly out: IRequiredCommandLineStringParameter;
  private readonly user: CommandLineStringParameter;
  private readonly format: CommandLineChoiceParameter<ExportFormat>;
  private readonly hashes: CommandLineFlagParameter;

  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'export',
      summary: 'Exports the database (or one profile) as an archive or a CSV of posts',
      documentation:
        'Writes a Microblog archive (JSON Lines, see docs/archive.md) or a CSV of posts to FILE, from a ' +
        'consistent snapshot. FILE must not exist yet; nothing is left under its name if the export fails.',
    });
    this.out = this.defineStringParameter({
      parameterLongName: '--out',
      argumentName: 'FILE',
      description: 'Where to write the export.',
      required: true,
    });
    this.user = this.defineStringParameter({
      parameterLongName: '--user',
      argumentName: 'NAME',
      description: 'Export this profile only.',
    });
    this.format = this.defineChoiceParameter<ExportFormat>({
      parameterLongName: '--format',
      alternatives: ['json', 'csv'],
      defaultValue: 'json',
      description: 'json: the archive (default); csv: posts only, for spreadsheets.',
    });
    this.hashes = this.defineFlagParameter({
      parameterLongName: '--with-password-hashes',
      description: 'Include password hashes, so imported profiles keep their passwords.',
    });
  }

  protected override async onExecute(): Promise<void> {
    const file = databaseFile();
    const { db } = openDatabaseAtHead(file, this.session.migrations, { readonly: true });
    try {
      const out = path.resolve(this.out.value);
      const format = this.format.value ?? 'json';
      const result = exportArchive(db, out, {
        username: this.user.value,
        format,
        passwordHashes: this.hashes.value,
      });
      const what = format === 'csv' ? '' : `${count(result.profiles)} profiles, `;
      this.session.print(`Exported ${what}${count(result.posts)} posts to ${result.file}.`);
    } finally {
      closeDatabase(db);
    }
  }
}

/** `import FILE`: checks the whole archive, then adds what is new in one transaction. */
export class ImportAction extends CommandLineAction {
  private readonly file: CommandLineRemainder;

  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'import',
      summary: 'Imports a Microblog archive (checked whole first, then applied all or nothing)',
      documentation:
        'Checks every line of the archive, then adds its profiles (matched by username, ignoring case), posts ' +
        'and drafts in one transaction. Importing the same archive twice adds nothing. Usage: import FILE',
    });
    this.file = this.defineCommandLineRemainder({ description: 'The archive to import' });
  }

  protected override async onExecute(): Promise<void> {
    const [archive, ...rest] = this.file.values;
    if (archive === undefined || rest.length > 0)
      throw new ToolFailure('Say which archive to import: "import FILE".');
    const { db } = openDatabaseAtHead(databaseFile(), this.session.migrations);
    try {
      const result = importArchive(db, path.resolve(archive));
      this.session.print(
        `Imported ${count(result.profiles)} new profiles, ${count(result.posts)} new posts and ${count(result.drafts)} drafts.`,
      );
      if (result.withoutPassword.length > 0) {
        this.session.print(`These new profiles have no password yet: ${result.withoutPassword.join(', ')}.`);
      }
    } finally {
      closeDatabase(db);
    }
  }
}

/** `backup`: an online backup into backups/ now. */
export class BackupAction extends CommandLineAction {
  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'backup',
      summary: 'Backs the database up into backups/ now (SQLite online backup)',
      documentation: "Copies the database with SQLite's online backup API into the backups folder beside it.",
    });
  }

  protected override async onExecute(): Promise<void> {
    const file = databaseFile();
    const { db } = openDatabaseAtHead(file, this.session.migrations);
    try {
      this.session.print(`Backed up to ${await backupNow(db, file)}.`);
    } finally {
      closeDatabase(db);
    }
  }
}

/** `backups`: the backups of this database, newest first. */
export class BackupsAction extends CommandLineAction {
  constructor(private readonly session: FolderSession) {
    super({
      actionName: 'backups',
      summary: 'Lists the backups of the database, newest first',
      documentation:
        'Lists every backup in the backups folder: time, size, schema version and why it was made.',
    });
  }

  protected override async onExecute(): Promise<void> {
    const backups = listBackups(databaseFile()).map(describeBackup);
    if (backups.length === 0) this.session.print('No backups yet; "npm run db -- backup" makes one.');
    for (const backup of backups) {
      const size = `${(backup.size / 1024).toFixed(0)} KB`.padStart(10);
      const reason = backup.reason === 'manual' ? 'manual' : 'before migration';
      this.session.print(
        `  ${backup.takenAt.toISOString()}  ${size}  ${(backup.schemaVersion ?? 'unreadable').padEnd(40)} ${reason}  ${backup.path}`,
      );
    }
  }
}
