/**
 * The small pieces every channel file builds its schemas from: the channel declarer, ids,
 * write keys and text as main accepts it. Pure zod: runs in main and in the renderer.
 */
import { z } from 'zod';
import {
  type TextField,
  brokenTextSentence,
  countCodePoints,
  isWellFormed,
  tooLongSentence,
} from '../../db/rules';

/** Declares a channel: `channel<Result>()(inputSchema)`, so the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

/** A row id: a positive safe integer. */
export const id = z
  .number()
  .int('That id is not valid.')
  .positive('That id is not valid.')
  .max(Number.MAX_SAFE_INTEGER, 'That id is not valid.');

/**
 * Text as main accepts it: well-formed Unicode (no lone surrogate) and at most `max` code
 * points, as SQLite's length() counts. The payload cap bounds the cost of counting.
 */
export function text(field: TextField, max: number, whenEmpty?: string) {
  return (whenEmpty === undefined ? z.string() : z.string().min(1, whenEmpty))
    .refine(isWellFormed, brokenTextSentence(field))
    .refine((value) => countCodePoints(value) <= max, tooLongSentence(field, max));
}
