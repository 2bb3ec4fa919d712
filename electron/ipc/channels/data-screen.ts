/** The Data screen's channels: export, import, backups, and the About panel's Copy and Show in folder. */
import { z } from 'zod';
import { channel } from './schema-kit';

/** The most backups the user may ask Microblog to keep. */
export const KEEP_BACKUPS_MAX = 100;

/** A backup as the Data screen lists it. */
export interface BackupInfo {
  /** The file's name inside the backups folder: the only way the renderer names a backup. */
  name: string;
  takenAt: string;
  size: number;
  schemaVersion: string | null;
  reason: 'before-migration' | 'manual';
}

/** The Data screen's state: the backups, how many are kept, and the job running, if any. */
export interface DataOverview {
  backups: BackupInfo[];
  keepBackups: number;
  backupFolder: string;
  job: { jobId: string; kind: 'export' | 'import' } | null;
}

/** Either a job started, or the user closed the file dialog. */
export type JobStart = { started: true; jobId: string } | { started: false };

const jobId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'That job is not running.');
const backupName = z
  .string()
  .max(255, 'That backup is not in the list.')
  .regex(/^[^/\\]+\.db$/, 'That backup is not in the list.');
const username = z.string().max(64, 'That profile does not exist.').nullable();

export const dataChannels = {
  'data:overview': channel<DataOverview>()(z.object({}).strict()),
  'data:export': channel<JobStart>()(
    z
      .object({
        username,
        format: z.enum(['json', 'csv'], 'Export as an archive ("json") or a spreadsheet ("csv").'),
        passwordHashes: z.boolean('Say whether to include password hashes.'),
      })
      .strict(),
  ),
  'data:import': channel<JobStart>()(z.object({}).strict()),
  'data:cancel': channel<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
  'data:backupNow': channel<BackupInfo>()(z.object({}).strict()),
  'data:restore': channel<{ restarting: true }>()(z.object({ name: backupName }).strict()),
  'data:setKeepBackups': channel<{ keepBackups: number }>()(
    z
      .object({
        keepBackups: z
          .number('Keep between 1 and 100 backups.')
          .int('Keep between 1 and 100 backups.')
          .min(1, 'Keep between 1 and 100 backups.')
          .max(KEEP_BACKUPS_MAX, 'Keep between 1 and 100 backups.'),
      })
      .strict(),
  ),
  'data:showInFolder': channel<{ shown: true }>()(
    z
      .object({
        target: z.union([z.literal('database'), backupName], 'That file is not one Microblog shows.'),
      })
      .strict(),
  ),
  'data:copy': channel<{ copied: true }>()(
    z.object({ what: z.enum(['path', 'details'], "Copy the data file's path or the details.") }).strict(),
  ),
} as const;
