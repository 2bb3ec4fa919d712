/**
 * The pieces every channel's schema is built from, shared by contract.ts and the per-area
 * channel files in this folder. Pure zod: nothing here may import Node or Electron.
 */
import { z } from 'zod';
import { PAGE_DIRECTIONS } from '../../db/models';
import {
  BAD_CURSOR_SENTENCE,
  CURSOR_MAX,
  PAGE_SIZE_MAX,
  PAGE_SIZE_SENTENCE,
  type TextField,
  brokenTextSentence,
  countCodePoints,
  isWellFormed,
  tooLongSentence,
} from '../../db/rules';
import { say } from '../../db/sentences';

const ID_SENTENCE = say('errors.idInvalid');

// Schemas: strict objects, so unknown keys are rejected rather than silently passed on. Every
// check carries the app's own sentence, so no validator wording ever reaches the screen.
export const id = z.number().int(ID_SENTENCE).positive(ID_SENTENCE).max(Number.MAX_SAFE_INTEGER, ID_SENTENCE);
export const cursor = z
  .string()
  .max(CURSOR_MAX, BAD_CURSOR_SENTENCE)
  .refine(isWellFormed, BAD_CURSOR_SENTENCE)
  .nullable()
  .optional();
/** A write's client-made key (a UUID): a retry with the same key gets the first outcome back. */
export const key = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, say('errors.keyInvalid'))
  .optional();
/** Which side of the cursor to read: older posts (the default) or, scrolling back up, newer ones. */
export const direction = z.enum(PAGE_DIRECTIONS, 'The direction is "older" or "newer".').optional();
export const limit = z
  .number()
  .int(PAGE_SIZE_SENTENCE)
  .min(1, PAGE_SIZE_SENTENCE)
  .max(PAGE_SIZE_MAX, PAGE_SIZE_SENTENCE)
  .optional();

/**
 * Text as main accepts it: well-formed Unicode (no lone surrogate) and at most `max` code
 * points, as SQLite's length() counts. The payload cap bounds the cost of counting.
 */
export function text(field: TextField, max: number, whenEmpty?: string) {
  return (whenEmpty === undefined ? z.string() : z.string().min(1, whenEmpty))
    .refine(isWellFormed, brokenTextSentence(field))
    .refine((value) => countCodePoints(value) <= max, tooLongSentence(field, max));
}

/** Declares a channel: `channel<Result>()(inputSchema)`, so the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

/** The post body as the composer sends it; its length is checked (and reported) by the repository. */
export const bodySchema = z.string().refine(isWellFormed, brokenTextSentence('body'));
