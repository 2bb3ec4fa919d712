import type { z } from 'zod';

/** Declares a channel: `channel<Result>()(inputSchema)`, so the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}
