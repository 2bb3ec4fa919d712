/** Why a database file was refused, the sentence each reason shows, and the error that carries it. */

/**
 * Stable strings: the app's dialog, the CLI and the tests switch on them. The first group is
 * about the file itself (Restore may help); the second about the machine or another program
 * (Restore cannot help, the remedy is named in the sentence); the third about SQLite's sidecar
 * files; `hot-journal` is not shown to users: startup recovers it.
 */
export const REFUSAL_REASONS = [
  'empty-file',
  'not-a-database',
  'corrupt',
  'from-the-future',
  'out-of-sync',
  'unknown-schema',
  'damaged-schema',
  'read-only',
  'disk-full',
  'io-error',
  'permission',
  'too-many-files',
  'busy',
  'foreign-wal',
  'stray-journal',
  'hot-journal',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Who else is likely to hold the file: named so the user knows what to close. */
export const OTHER_PROGRAMS = 'another Microblog window, `npm run seed`, `npm run shell` or `npm run db`';

const SENTENCES: Record<RefusalReason, string> = {
  'empty-file': 'is an empty file, not a Microblog database',
  'not-a-database': 'is not an SQLite database',
  corrupt: 'is damaged (SQLite reports it as corrupt or truncated)',
  'from-the-future':
    'was written by a newer version of Microblog (it records migrations this version does not know)',
  'out-of-sync': 'records a migration history that does not match this version of Microblog',
  'unknown-schema': 'is an SQLite database made by another program (it has tables but no Microblog history)',
  'damaged-schema': 'has a damaged schema: a table or column that its recorded migrations created is missing',
  'read-only': 'is read-only, so Microblog cannot update it',
  'disk-full': 'cannot be opened because the disk is full: free some space, then start Microblog again',
  'io-error':
    'could not be read because of an input/output error (the disk or network drive failed to answer): check the drive, then start Microblog again',
  permission:
    'cannot be opened because Microblog lacks permission to it or its folder: check the permissions, then start Microblog again',
  'too-many-files':
    'cannot be opened because this system has too many files open: close some programs, then start Microblog again',
  busy: `is in use by another program, probably ${OTHER_PROGRAMS}: close it or wait for it to finish, then start Microblog again`,
  'foreign-wal':
    'has a "-wal" file beside it that does not belong to it (it records changes to another database or to a newer copy of this one), so Microblog did not apply it: if you put an older copy back by hand, put the newer file back instead',
  'stray-journal':
    'has a "-journal" file beside it that SQLite cannot use (it is not a rollback journal of this database): move that file away, then start Microblog again',
  'hot-journal':
    'has an unfinished change recorded in its "-journal" file; start Microblog once to let SQLite roll it back',
};

/** The stable code of a refusal, in the style of the data layer's other error codes. */
export type RefusalCode = `DATABASE_${Uppercase<string>}`;

/** `from-the-future` → `DATABASE_FROM_THE_FUTURE`. */
export function refusalCode(reason: string): RefusalCode {
  return `DATABASE_${reason.toUpperCase().replace(/-/g, '_')}` as RefusalCode;
}

/** The one sentence shown for a refusal of `file`. */
export function refusalSentence(reason: RefusalReason, file: string): string {
  return `The database ${file} ${SENTENCES[reason]}. It was not changed.`;
}

/** Raised before anything is written: the file is left exactly as it was. */
export class DatabaseRefusedError extends Error {
  readonly reason: RefusalReason;
  readonly code: RefusalCode;
  readonly file: string;
  readonly detail: string | undefined;

  constructor(reason: RefusalReason, file: string, detail?: string) {
    super(refusalSentence(reason, file));
    this.name = 'DatabaseRefusedError';
    this.reason = reason;
    this.code = refusalCode(reason);
    this.file = file;
    this.detail = detail;
  }
}
