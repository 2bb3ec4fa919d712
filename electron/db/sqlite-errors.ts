/**
 * What SQLite's result codes mean for the person using Microblog: one vocabulary of sentences
 * for the app and the command-line tools, so no raw SQLite text ("disk I/O error", "database
 * or disk is full", "no such table") ever reaches a screen. The sentences come from the
 * message catalogs (sentences.ts); errors.ts builds its typed errors from them and the CLI prints them.
 */
import { say } from './sentences';

/** The failures of the storage itself, as opposed to what the user typed. */
export type StorageCode =
  | 'DISK_FULL'
  | 'STORAGE_ERROR'
  | 'OUTCOME_UNKNOWN'
  | 'READ_ONLY'
  | 'DATABASE_DAMAGED'
  | 'SCHEMA_MISMATCH'
  | 'DATABASE_BUSY'
  | 'DATABASE_ERROR';

/** One sentence per storage failure; each says what happened and what to do. */
export const STORAGE_SENTENCES: Readonly<Record<StorageCode, string>> = {
  DISK_FULL: say('errors.codes.DISK_FULL'),
  STORAGE_ERROR: say('errors.codes.STORAGE_ERROR'),
  OUTCOME_UNKNOWN: say('errors.codes.OUTCOME_UNKNOWN'),
  READ_ONLY: say('errors.codes.READ_ONLY'),
  DATABASE_DAMAGED: say('errors.codes.DATABASE_DAMAGED'),
  SCHEMA_MISMATCH: say('errors.codes.SCHEMA_MISMATCH'),
  DATABASE_BUSY: say('errors.codes.DATABASE_BUSY'),
  DATABASE_ERROR: say('errors.codes.DATABASE_ERROR'),
};

/**
 * What the command-line tools print when a write may or may not have reached the disk. A tool
 * cannot tell a failure before its COMMIT from one after it (closing the file checkpoints it,
 * and that can fail too), and it is not idempotent (seeding twice adds the posts twice), so
 * these say to look at the data first.
 */
export const TOOL_OUTCOME_UNKNOWN =
  'The disk reported an error while saving, so it is not known whether the changes were saved. Check the disk, then look at the data before running this again.';
export const TOOL_DISK_FULL =
  'The disk is full, so the changes may not have been saved. Free up some space, then look at the data before running this again.';

/** Every sentence a storage failure can produce, for tests that check what a user saw. */
export const STORAGE_VOCABULARY: readonly string[] = [
  ...Object.values(STORAGE_SENTENCES),
  TOOL_OUTCOME_UNKNOWN,
  TOOL_DISK_FULL,
];

/** The `SQLITE_*` code of an error or of any error it wraps (Umzug wraps migration errors). */
export function sqliteCode(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; depth++) {
    const code = (cause as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
    cause = (cause as Error & { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message of the SQLite error inside `error`, for the few codes whose kind is only in the text. */
function sqliteMessage(error: unknown): string {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; depth++) {
    const code = (cause as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return cause.message;
    cause = (cause as Error & { cause?: unknown }).cause;
  }
  return '';
}

/** The errno of a Node file-system error (the guard and the backups use `fs` directly). */
function errnoCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : '';
}

/**
 * What startup shows when the disk fails while it opens, checks or migrates the file. It does
 * not say the file was left unchanged: a failure after the migration's COMMIT leaves it migrated.
 */
export function startupSentence(file: string, error: unknown): string {
  const kind = storageFailure(error)?.code;
  if (kind === 'DISK_FULL') {
    return `The disk holding ${file} is full, so Microblog could not open it. Free up some space, then start Microblog again.`;
  }
  if (kind === 'READ_ONLY') {
    return `Microblog cannot write to ${file} or to its folder, so it could not open it. Check their permissions, then start Microblog again.`;
  }
  return `The disk holding ${file} reported an error, so Microblog could not open it. Check the disk, then start Microblog again.`;
}

/** True when the disk itself failed (I/O error, fsync, lock, short read): the connection may be stale. */
export function isIoFailure(error: unknown): boolean {
  const code = sqliteCode(error) ?? '';
  return code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN');
}

/**
 * The storage failure behind an SQLite error, or undefined for constraint violations (which
 * errors.ts maps to field sentences) and for errors that are not SQLite's. The sentence
 * assumes nothing was written; a caller that cannot know that must say OUTCOME_UNKNOWN.
 */
export function storageFailure(error: unknown): { code: StorageCode; message: string } | undefined {
  const errno = errnoCode(error);
  if (errno === 'ENOSPC' || errno === 'EDQUOT')
    return { code: 'DISK_FULL', message: STORAGE_SENTENCES.DISK_FULL };
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') {
    return { code: 'READ_ONLY', message: STORAGE_SENTENCES.READ_ONLY };
  }
  if (errno !== '') return { code: 'STORAGE_ERROR', message: STORAGE_SENTENCES.STORAGE_ERROR };
  const code = sqliteCode(error);
  if (code === undefined || code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  const kind = ((): StorageCode => {
    if (code === 'SQLITE_FULL') return 'DISK_FULL';
    // PROTOCOL: the file locks of the shared-memory index kept failing, which is the OS's doing.
    if (/^SQLITE_(IOERR|CANTOPEN|PROTOCOL)/.test(code)) return 'STORAGE_ERROR';
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'READ_ONLY';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DATABASE_DAMAGED';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DATABASE_BUSY';
    if (/^no such (table|column)|has no column named/.test(sqliteMessage(error))) return 'SCHEMA_MISMATCH';
    return 'DATABASE_ERROR';
  })();
  return { code: kind, message: STORAGE_SENTENCES[kind] };
}

/**
 * The sentence a command-line tool prints for an error: the vocabulary's for any SQLite or
 * file-system error, or undefined to let the tool print the error's own sentence. Failures
 * that can strike after COMMIT (the disk's) say the outcome is not known.
 */
export function toolSentence(error: unknown): string | undefined {
  // The tools touch files through `fs` only to look (the guard), so such a failure wrote nothing.
  if (errnoCode(error) !== '' && sqliteCode(error) === undefined) return storageFailure(error)?.message;
  if (sqliteCode(error) === undefined) return undefined;
  const kind = storageFailure(error)?.code ?? 'DATABASE_ERROR';
  if (kind === 'DISK_FULL') return TOOL_DISK_FULL;
  if (kind === 'STORAGE_ERROR' || kind === 'DATABASE_ERROR') return TOOL_OUTCOME_UNKNOWN;
  return STORAGE_SENTENCES[kind];
}

/** The storage failures the disk or the file is to blame for, which the IPC layer reports as such. */
export function diskFailure(error: unknown): { code: StorageCode; message: string } | undefined {
  const failure = storageFailure(error);
  return failure && failure.code !== 'SCHEMA_MISMATCH' && failure.code !== 'DATABASE_ERROR'
    ? failure
    : undefined;
}
