/** Typed errors of the data layer: a stable `code`, a sentence for people, and the offending field. */
import {
  BODY_CEILING,
  DRAFT_CEILING,
  EMAIL_MAX,
  USERNAME_MAX,
  ceilingSentence,
  nulSentence,
  tooLongSentence,
} from './rules';
import { ACCOUNT_CHECKS } from './account-checks';
import { PROFILE_CHECKS } from './profile-checks';
import { say } from './sentences';
import { storageFailure } from './sqlite-errors';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'USERNAME_TAKEN',
  'EMAIL_TAKEN',
  'BODY_EMPTY',
  'BODY_TOO_LONG',
  'USER_NOT_FOUND',
  'POST_NOT_FOUND',
  'INVALID_CURSOR',
  'WRONG_PASSWORD',
  'PROFILE_LOCKED',
  'FORBIDDEN',
  'DATABASE_BUSY',
  'DISK_FULL',
  'STORAGE_ERROR',
  'OUTCOME_UNKNOWN',
  'READ_ONLY',
  'DATABASE_DAMAGED',
  'SCHEMA_MISMATCH',
  'DATABASE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error a user can act on. Its message never contains raw SQLite text. */
export class MicroblogError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'MicroblogError';
    this.code = code;
    this.field = field;
  }
}

interface SqliteLikeError {
  code: string;
  message: string;
}

function isSqliteError(error: unknown): error is SqliteLikeError {
  return (
    error instanceof Error &&
    typeof (error as Error & { code?: unknown }).code === 'string' &&
    String((error as Error & { code?: unknown }).code).startsWith('SQLITE_')
  );
}

/** The one sentence for a profile id that matches no profile (deleted, or never there). */
export function profileNotFound(): MicroblogError {
  return new MicroblogError('USER_NOT_FOUND', say('errors.profileMissing'), 'userId');
}

/**
 * Named CHECK constraints of the schema, mapped to what the user did wrong. The limits come
 * from rules.ts, the same numbers the migrations wrote into the constraints.
 */
const CHECKS: Record<string, MicroblogError> = {
  username_no_nul: new MicroblogError('INVALID_INPUT', nulSentence('username'), 'username'),
  email_no_nul: new MicroblogError('INVALID_INPUT', nulSentence('email'), 'email'),
  username_length: new MicroblogError(
    'INVALID_INPUT',
    say('errors.lengthRange', { field: 'username', max: USERNAME_MAX }),
    'username',
  ),
  username_chars: new MicroblogError('INVALID_INPUT', say('errors.usernameChars'), 'username'),
  email_length: new MicroblogError('INVALID_INPUT', tooLongSentence('email', EMAIL_MAX), 'email'),
  email_shape: new MicroblogError('INVALID_INPUT', say('errors.emailShape'), 'email'),
  password_hash_length: new MicroblogError('INVALID_INPUT', say('errors.passwordUnstorable'), 'password'),
  body_not_blank: new MicroblogError('BODY_EMPTY', say('errors.bodyEmpty'), 'body'),
  body_ceiling: new MicroblogError('BODY_TOO_LONG', ceilingSentence('body', BODY_CEILING), 'body'),
  revision_body_ceiling: new MicroblogError('BODY_TOO_LONG', ceilingSentence('body', BODY_CEILING), 'body'),
  body_no_nul: new MicroblogError('INVALID_INPUT', nulSentence('body'), 'body'),
  draft_ceiling: new MicroblogError('INVALID_INPUT', ceilingSentence('draft', DRAFT_CEILING), 'body'),
  tag_folded: new MicroblogError('INVALID_INPUT', say('errors.tagUnstorable'), 'body'),
  edited_at_format: new MicroblogError('INVALID_INPUT', say('errors.timeInvalid'), 'timestamp'),
  timestamp_format: new MicroblogError('INVALID_INPUT', say('errors.timeInvalid'), 'timestamp'),
  write_key_length: new MicroblogError('INVALID_INPUT', say('errors.keyInvalid'), 'key'),
  ...Object.fromEntries(
    Object.entries({ ...PROFILE_CHECKS, ...ACCOUNT_CHECKS }).map(([name, e]) => [
      name,
      new MicroblogError(e.code, e.message, e.field),
    ]),
  ),
  follow_not_self: new MicroblogError('INVALID_INPUT', say('errors.followSelf'), 'followedId'),
};

/**
 * Turns a constraint violation or a busy database into a typed error; anything else
 * becomes INTERNAL with a generic sentence (the raw error stays in `cause` for logs).
 */
export function toMicroblogError(error: unknown): MicroblogError {
  if (error instanceof MicroblogError) return error;
  if (isSqliteError(error)) {
    const { code, message } = error;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      if (message.includes('users.username')) {
        return new MicroblogError('USERNAME_TAKEN', say('errors.usernameTaken'), 'username');
      }
      if (message.includes('users.email')) {
        return new MicroblogError('EMAIL_TAKEN', say('errors.emailTaken'), 'email');
      }
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return profileNotFound();
    if (code === 'SQLITE_CONSTRAINT_CHECK') {
      const name = /CHECK constraint failed: (\w+)/.exec(message)?.[1];
      const mapped = name === undefined ? undefined : CHECKS[name];
      if (mapped) return new MicroblogError(mapped.code, mapped.message, mapped.field);
    }
    if (code === 'SQLITE_CONSTRAINT_NOTNULL') {
      const field = /NOT NULL constraint failed: \w+\.(\w+)/.exec(message)?.[1];
      return new MicroblogError('INVALID_INPUT', say('errors.required'), field);
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_')) {
      return new MicroblogError('DATABASE_BUSY', say('errors.codes.DATABASE_BUSY'));
    }
    const storage = storageFailure(error);
    if (storage) return Object.assign(new MicroblogError(storage.code, storage.message), { cause: error });
  }
  const wrapped = new MicroblogError('INTERNAL', say('errors.savingFailed'));
  (wrapped as Error & { cause?: unknown }).cause = error;
  return wrapped;
}
