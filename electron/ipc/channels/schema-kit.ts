/**
 * The small pieces every channel file builds its schemas from: ids, cursors, page sizes, text
 * with the app's own sentences, and `channel<Result>()(input)`. Pure zod: runs in the browser too.
 */
import { z } from 'zod';
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

export const id = z
  .number()
  .int('That id is not valid.')
  .positive('That id is not valid.')
  .max(Number.MAX_SAFE_INTEGER, 'That id is not valid.');
export const cursor = z
  .string()
  .max(CURSOR_MAX, BAD_CURSOR_SENTENCE)
  .refine(isWellFormed, BAD_CURSOR_SENTENCE)
  .nullable()
  .optional();
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
