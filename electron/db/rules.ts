/**
 * The data rules of Microblog, shared by the database layer, the IPC contract and the
 * renderer's forms. Pure functions only: this module runs in Node and in the browser.
 * The same limits are enforced again by the schema's CHECK constraints. Sentences come from
 * the message catalogs through `say`, so the renderer can show them in the user's language.
 */
import { NOUNS, say } from './sentences';

export const USERNAME_MAX = 64;
export const EMAIL_MAX = 120;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
/** A post's limit in visible characters (grapheme clusters, as `countGraphemes` counts). */
export const BODY_MAX = 140;
/** Drafts can run past the post limit while the user edits; this only guards the table. */
export const DRAFT_MAX = 1000;
/**
 * Code points per visible character that the schema's hard ceilings allow: the longest emoji
 * Unicode recommends (a couple with two skin tones) is 10, so 16 leaves room for any real text.
 */
export const CODE_POINTS_PER_GRAPHEME = 16;
/** The schema's `body_ceiling`: SQLite counts code points, never graphemes. */
export const BODY_CEILING = BODY_MAX * CODE_POINTS_PER_GRAPHEME;
/** The schema's `draft_ceiling`. */
export const DRAFT_CEILING = DRAFT_MAX * CODE_POINTS_PER_GRAPHEME;
export const PAGE_SIZE_MAX = 100;
/** Far above any cursor `encodeCursor` makes (a timestamp, `_` and a safe integer). */
export const CURSOR_MAX = 64;

/** What a damaged or foreign page cursor gets: the list can always be loaded again. */
export const BAD_CURSOR_SENTENCE = say('errors.badCursor');
/** What a page size out of range gets. */
export const PAGE_SIZE_SENTENCE = say('errors.pageSize', { max: PAGE_SIZE_MAX });

/** What each text field is called in a sentence: "A username has at most 64 characters." */
export const FIELD_NOUNS = NOUNS;

export type TextField = keyof typeof FIELD_NOUNS;

/** The sentence for text longer than its limit (graphemes for posts and drafts, code points otherwise). */
export function tooLongSentence(field: TextField, max: number): string {
  return say('errors.tooLong', { field, max });
}

/** The sentence for text holding NUL, which SQLite's length() and GLOB stop at. */
export function nulSentence(field: TextField): string {
  return say('errors.nul', { field });
}

/** The sentence for a lone UTF-16 surrogate, which SQLite would store as invalid UTF-8. */
export function brokenTextSentence(field: TextField): string {
  return say('errors.broken', { field });
}

/**
 * True when the text is well-formed Unicode: no lone surrogate. better-sqlite3 would write
 * one as the bytes ED A0 80 and read it back as three U+FFFD, so it never reaches the table.
 */
export function isWellFormed(text: string): boolean {
  return text.isWellFormed();
}

/** Letters, digits, underscore, dot and hyphen: safe in URLs and never a LIKE wildcard but `_`. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/**
 * Counts Unicode code points, exactly as SQLite's `length()` counts characters of a text
 * value: the unit of the schema's ceilings and of usernames and emails (ASCII anyway).
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

const PLAIN_ASCII = /^[\x20-\x7e\t\n]*$/;
// One segmenter for the process: building one loads ICU's break rules.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Counts grapheme clusters, the characters a person sees: a family emoji joined with ZWJ, a
 * flag, a skin-toned hand or a letter with its accents each count once. The limit of posts
 * and drafts; the composer's counter shows the same number.
 */
export function countGraphemes(text: string): number {
  // Printable ASCII, tabs and line feeds are one character each (CR LF is the one ASCII pair
  // that is not): most posts take this path, which is far cheaper than segmenting.
  if (PLAIN_ASCII.test(text)) return text.length;
  let count = 0;
  const segments = graphemes.segment(text)[Symbol.iterator]();
  while (!segments.next().done) count++;
  return count;
}

/** The text cut into visible characters, for showing which part runs over a limit. */
export function splitGraphemes(text: string, max: number): { within: string; over: string } {
  let count = 0;
  for (const { index } of graphemes.segment(text)) {
    if (count === max) return { within: text.slice(0, index), over: text.slice(index) };
    count++;
  }
  return { within: text, over: '' };
}

/** The sentence for text that stacks so many marks that it passes the schema's code point ceiling. */
export function ceilingSentence(field: 'body' | 'draft', ceiling: number): string {
  return say('errors.ceiling', { field, ceiling });
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
  if (username.length === 0) return say('errors.usernameEmpty');
  if (!isWellFormed(username)) return brokenTextSentence('username');
  if (countCodePoints(username) > USERNAME_MAX) return tooLongSentence('username', USERNAME_MAX);
  if (!USERNAME_PATTERN.test(username)) return say('errors.usernameChars');
  return null;
}

/** Why an email is not acceptable, or null when it is. */
export function emailProblem(email: string): string | null {
  if (email.length === 0) return say('errors.emailEmpty');
  if (!isWellFormed(email)) return brokenTextSentence('email');
  if (countCodePoints(email) > EMAIL_MAX) return tooLongSentence('email', EMAIL_MAX);
  if (!EMAIL_PATTERN.test(email)) return say('errors.emailShape');
  return null;
}

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (!isWellFormed(password)) return brokenTextSentence('password');
  if (countCodePoints(password) < PASSWORD_MIN) return say('errors.passwordShort', { min: PASSWORD_MIN });
  if (countCodePoints(password) > PASSWORD_MAX) return tooLongSentence('password', PASSWORD_MAX);
  return null;
}

export type BodyProblem = { code: 'BODY_EMPTY' | 'BODY_TOO_LONG' | 'INVALID_INPUT'; message: string };

/** Why a post body is not acceptable, or null when it is. */
export function bodyProblem(body: string): BodyProblem | null {
  if (body.includes('\0')) return { code: 'INVALID_INPUT', message: nulSentence('body') };
  if (!isWellFormed(body)) return { code: 'INVALID_INPUT', message: brokenTextSentence('body') };
  if (isBlank(body)) return { code: 'BODY_EMPTY', message: say('errors.bodyEmpty') };
  // The ceiling first: it bounds the cost of segmenting, and is what the schema enforces.
  if (countCodePoints(body) > BODY_CEILING) {
    return { code: 'BODY_TOO_LONG', message: ceilingSentence('body', BODY_CEILING) };
  }
  const length = countGraphemes(body);
  if (length > BODY_MAX) {
    return {
      code: 'BODY_TOO_LONG',
      message: say('errors.bodyTooLong', { max: BODY_MAX, length }),
    };
  }
  return null;
}

/** Why a draft cannot be saved, or null when it can (an empty draft is simply deleted). */
export function draftProblem(body: string): string | null {
  if (body.includes('\0')) return nulSentence('draft');
  if (!isWellFormed(body)) return brokenTextSentence('draft');
  if (countCodePoints(body) > DRAFT_CEILING) return ceilingSentence('draft', DRAFT_CEILING);
  if (countGraphemes(body) > DRAFT_MAX) return tooLongSentence('draft', DRAFT_MAX);
  return null;
}
