/** The Data screen's channels: export, import, backups, and the About panel's Copy and Show in folder. */
import { z } from 'zod';
import { channel } from './schema-kit';
import { say } from '../../db/sentences';

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

const NOT_LISTED = say('errors.backupNotListed');
const KEEP_RANGE = say('backups.keepRange', { max: KEEP_BACKUPS_MAX });
const jobId = z.string().regex(/^[a-z0-9-]{1,40}$/, say('errors.jobNotRunning'));
const backupName = z
  .string()
  .max(255, NOT_LISTED)
  .regex(/^[^/\\]+\.db$/, NOT_LISTED);
const username = z.string().max(64, say('errors.profileMissing')).nullable();

export const dataChannels = {
  'data:overview': channel<DataOverview>()(z.object({}).strict()),
  'data:export': channel<JobStart>()(
    z
      .object({
        username,
        format: z.enum(['json', 'csv'], say('errors.exportFormat')),
        passwordHashes: z.boolean(say('errors.sayHashes')),
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
          .number(KEEP_RANGE)
          .int(KEEP_RANGE)
          .min(1, KEEP_RANGE)
          .max(KEEP_BACKUPS_MAX, KEEP_RANGE),
      })
      .strict(),
  ),
  'data:showInFolder': channel<{ shown: true }>()(
    z
      .object({
        target: z.union([z.literal('database'), backupName], say('errors.notShown')),
      })
      .strict(),
  ),
  'data:copy': channel<{ copied: true }>()(
    z.object({ what: z.enum(['path', 'details'], say('errors.copyWhat')) }).strict(),
  ),
} as const;
