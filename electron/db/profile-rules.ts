/**
 * The rules of a profile's own fields (display name, about me, optional email, avatar), shared
 * by the data layer, the IPC contract and the renderer's forms. Pure: runs in Node and the browser.
 */
import {
  brokenTextSentence,
  countCodePoints,
  countGraphemes,
  emailProblem,
  isWellFormed,
  nulSentence,
  tooLongSentence,
} from './rules';
import { say } from './sentences';

/** A display name's limit, in graphemes (characters as the user sees them). */
export const DISPLAY_NAME_MAX = 50;
/** About me's limit, in graphemes. */
export const ABOUT_ME_MAX = 280;
/**
 * Code points per grapheme that a valid text may average at most: far above any real script
 * (a family emoji is 7), it bounds stacked combining marks and gives the schema a ceiling it
 * can CHECK with length(). The CHECKs hold 400 and 2240, the products below.
 */
export const CODE_POINTS_PER_GRAPHEME = 8;
/** The largest avatar image main stores, in bytes (a CHECK holds the same number). */
export const AVATAR_BYTES_MAX = 256 * 1024;
/** The largest avatar side the renderer makes, in pixels. */
export const AVATAR_SIDE_MAX = 256;

/** Why a short text limited in graphemes (display name, about me) is not acceptable, or null. */
function graphemeTextProblem(field: 'displayName' | 'aboutMe', text: string, max: number): string | null {
  if (text.includes('\0')) return nulSentence(field);
  if (!isWellFormed(text)) return brokenTextSentence(field);
  if (countGraphemes(text) > max) return tooLongSentence(field, max);
  // Few graphemes but many code points: marks stacked on letters, past the schema's ceiling.
  if (countCodePoints(text) > max * CODE_POINTS_PER_GRAPHEME) {
    return say('errors.tooManyMarks', { field });
  }
  return null;
}

/** Why a display name is not acceptable, or null when it is (empty means none). */
export function displayNameProblem(displayName: string): string | null {
  return graphemeTextProblem('displayName', displayName, DISPLAY_NAME_MAX);
}

/** Why an about me is not acceptable, or null when it is (empty means none). */
export function aboutMeProblem(aboutMe: string): string | null {
  return graphemeTextProblem('aboutMe', aboutMe, ABOUT_ME_MAX);
}

/** Why an optional email is not acceptable, or null when it is (empty means none). */
export function optionalEmailProblem(email: string): string | null {
  return email === '' ? null : emailProblem(email);
}

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The image type by its first bytes (PNG, JPEG, WebP), or null for anything else. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/** The sentence for an avatar that is not a PNG, JPEG or WebP image. */
export const AVATAR_NOT_IMAGE_SENTENCE = say('errors.avatarNotImage');
/** The sentence for an avatar over the size limit. */
export const AVATAR_TOO_LARGE_SENTENCE = say('errors.avatarTooLarge', { max: AVATAR_BYTES_MAX / 1024 });

/** Why these bytes cannot be a profile picture, or null when they can. */
export function avatarProblem(bytes: Uint8Array): string | null {
  if (bytes.byteLength > AVATAR_BYTES_MAX) return AVATAR_TOO_LARGE_SENTENCE;
  if (bytes.byteLength < 12 || imageTypeOf(bytes) === null) return AVATAR_NOT_IMAGE_SENTENCE;
  return null;
}
