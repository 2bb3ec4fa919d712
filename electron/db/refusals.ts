/** Why a database file was refused, the sentence each reason shows, and the error that carries it. */
import { say } from './sentences';

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

/** The stable code of a refusal, in the style of the data layer's other error codes. */
export type RefusalCode = `DATABASE_${Uppercase<string>}`;

/** `from-the-future` → `DATABASE_FROM_THE_FUTURE`. */
export function refusalCode(reason: string): RefusalCode {
  return `DATABASE_${reason.toUpperCase().replace(/-/g, '_')}` as RefusalCode;
}

/** The one sentence shown for a refusal of `file` (each reason's words are in the catalogs). */
export function refusalSentence(reason: RefusalReason, file: string): string {
  return say('main.refusedSentence', { file, reason });
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
