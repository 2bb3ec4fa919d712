/**
 * The data rules of Microblog, shared by the database layer, the IPC contract and the
 * renderer's forms. Pure functions only: this module runs in Node and in the browser.
 * The same limits are enforced again by the schema's CHECK constraints.
 */

export const USERNAME_MAX = 64;
export const EMAIL_MAX = 120;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const BODY_MAX = 140;
export const PAGE_SIZE_MAX = 100;

/** Letters, digits, underscore, dot and hyphen: safe in URLs and never a LIKE wildcard but `_`. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/**
 * Counts Unicode code points, exactly as SQLite's `length()` counts characters of a text
 * value, so the composer's counter and the CHECK constraint agree (an emoji counts once,
 * a combining mark counts on its own).
 */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** True when the text has nothing but white space (or nothing at all). */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

// No white space, no control characters (NUL included), exactly one @ and a dot in the domain.
// eslint-disable-next-line no-control-regex
const EMAIL_PATTERN = /^[^\s@\x00-\x1f\x7f]+@[^\s@.\x00-\x1f\x7f]+(\.[^\s@.\x00-\x1f\x7f]+)+$/;

/** Why a username is not acceptable, or null when it is. */
export function usernameProblem(username: string): string | null {
  if (username.length === 0) return 'Choose a username.';
  if (countCodePoints(username) > USERNAME_MAX) return `A username has at most ${USERNAME_MAX} characters.`;
  if (!USERNAME_PATTERN.test(username)) return 'A username may use letters, digits, "_", "." and "-".';
  return null;
}

/** Why an email is not acceptable, or null when it is. */
export function emailProblem(email: string): string | null {
  if (email.length === 0) return 'Enter an email address.';
  if (countCodePoints(email) > EMAIL_MAX) return `An email has at most ${EMAIL_MAX} characters.`;
  if (!EMAIL_PATTERN.test(email)) return 'That is not an email address.';
  return null;
}

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (countCodePoints(password) < PASSWORD_MIN) return `A password has at least ${PASSWORD_MIN} characters.`;
  if (countCodePoints(password) > PASSWORD_MAX) return `A password has at most ${PASSWORD_MAX} characters.`;
  return null;
}

export type BodyProblem = { code: 'BODY_EMPTY' | 'BODY_TOO_LONG' | 'INVALID_INPUT'; message: string };

/** Why a post body is not acceptable, or null when it is. */
export function bodyProblem(body: string): BodyProblem | null {
  if (body.includes('\0')) return { code: 'INVALID_INPUT', message: 'A post cannot contain NUL characters.' };
  if (isBlank(body)) return { code: 'BODY_EMPTY', message: 'Write something first.' };
  const length = countCodePoints(body);
  if (length > BODY_MAX) {
    return {
      code: 'BODY_TOO_LONG',
      message: `A post has at most ${BODY_MAX} characters (this one has ${length}).`,
    };
  }
  return null;
}
