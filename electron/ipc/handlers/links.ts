import { MicroblogError } from '../../db/errors';
import { externalUrlProblem } from '../../db/post-text';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import { say } from '../../db/sentences';

/**
 * `links:open`: a post's http(s) link, opened in the system browser. The schema already
 * refused anything else; the rule runs once more right before the shell, so no other path
 * can hand Electron an address this app would not open.
 */
export function createLinkHandlers(ctx: HandlerContext) {
  return {
    'links:open': async ({ url }) => {
      const problem = externalUrlProblem(url);
      if (problem) throw new MicroblogError('INVALID_INPUT', problem, 'url');
      if (!ctx.openExternal) throw new MicroblogError('INVALID_INPUT', say('errors.cannotOpenLinks'), 'url');
      await ctx.openExternal(url);
      return { opened: true as const };
    },
  } satisfies DomainHandlers<'links'>;
}
