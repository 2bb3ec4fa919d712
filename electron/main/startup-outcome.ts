/** The one shape startup ends in, from `startDatabase` through `createAppContext` to `runApp`. */
import type { IntegrityCheck } from '../db/guard';
import type { Db, RefusalReason } from '../db/index';
import { refusalCode, type RefusalCode } from '../db/refusals';
import { type BackupFile, latestBackup } from '../data/backups';
import { type DataSummary, summarizeData } from './data-summary';

/** Why startup stopped: the guard's refusals, a failed migration or backup, or a file that would not open. */
export type StartupFailure = RefusalReason | 'migration-failed' | 'open-failed' | 'backup-failed';

export interface Started {
  ok: true;
  db: Db;
  applied: string[];
  backupPath: string | null;
  /** Where the file and its hot journal were copied before SQLite rolled the journal back, if it did. */
  recoveredCopy: string | null;
  /** Whether startup read the whole file with `quick_check`; a new file has nothing to read. */
  integrity: IntegrityCheck | 'new-file';
}

export interface Refusal {
  ok: false;
  reason: StartupFailure;
  code: RefusalCode;
  message: string;
  file: string;
  /** What the file in place holds, as far as SQLite can read it. */
  current: DataSummary;
  latestBackup: (BackupFile & { holds: DataSummary }) | null;
}

export type StartupOutcome = Started | Refusal;

/** Reading these files would apply a sidecar that does not belong to them. */
const NOT_READ: ReadonlySet<StartupFailure> = new Set<StartupFailure>([
  'foreign-wal',
  'stray-journal',
  'hot-journal',
]);

/** A refusal of `file`, with what it and its latest backup hold; never throws. */
export function refused(file: string, reason: StartupFailure, message: string): Refusal {
  const backup = latestBackup(file);
  return {
    ok: false,
    reason,
    code: refusalCode(reason),
    message,
    file,
    current: NOT_READ.has(reason) ? { state: 'not-read' } : summarizeData(file),
    latestBackup: backup && { ...backup, holds: summarizeData(backup.path) },
  };
}
