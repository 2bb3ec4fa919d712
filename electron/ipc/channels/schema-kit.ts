/** Small pieces every channel file builds its schemas from; pure zod, so the renderer may use them. */
import { z } from 'zod';
import { PAGE_SIZE_MAX, PAGE_SIZE_SENTENCE } from '../../db/rules';

/** Declares a channel: `channel<Result>()(inputSchema)`, so the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

/** How many posts a page may hold, with the app's own sentence. */
export const limit = z
  .number()
  .int(PAGE_SIZE_SENTENCE)
  .min(1, PAGE_SIZE_SENTENCE)
  .max(PAGE_SIZE_MAX, PAGE_SIZE_SENTENCE)
  .optional();
