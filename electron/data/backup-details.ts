import Database from 'better-sqlite3';
import { listAppliedMigrations } from '../db/migration-history';
import type { BackupFile } from './backups';

/** A backup as the Data screen and `npm run db -- backups` show it. */
export interface BackupDetails extends BackupFile {
  /** The newest migration recorded in the copy, or null when the copy cannot be read. */
  schemaVersion: string | null;
}

/**
 * Adds the schema version recorded inside the backup. The copy is opened read-only and never
 * written; one that cannot be read is listed with no version rather than hidden.
 */
export function describeBackup(backup: BackupFile): BackupDetails {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(backup.path, { readonly: true, fileMustExist: true });
    return { ...backup, schemaVersion: listAppliedMigrations(copy).at(-1)?.name ?? null };
  } catch {
    return { ...backup, schemaVersion: null };
  } finally {
    copy?.close();
  }
}
