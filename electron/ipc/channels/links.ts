/**
 * Opening a post's link in the system browser: the one way out of the app. Main checks the
 * address again before Electron's shell sees it. Pure zod: nothing here may import Node or Electron.
 */
import { z } from 'zod';
import { EXTERNAL_URL_MAX, externalUrlProblem } from '../../db/post-text';
import { channel } from './schema-kit';

/** A link's address, as the post holds it. */
const url = z
  .string()
  .max(EXTERNAL_URL_MAX, `A link has at most ${EXTERNAL_URL_MAX.toLocaleString('en-US')} characters.`)
  .superRefine((value, ctx) => {
    const problem = externalUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const linkChannels = {
  'links:open': channel<{ opened: true }>()(z.object({ url }).strict()),
} as const;
