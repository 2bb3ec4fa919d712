import { writeOnce } from '../../db/idempotency';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/** `drafts:*`: the unfinished post of each profile, saved as the user types. */
export function createDraftHandlers(ctx: HandlerContext, session: SessionState) {
  const { repos } = ctx;
  return {
    'drafts:get': ({ userId }) => {
      session.requireActive(userId);
      return repos.drafts.get(userId);
    },
    'drafts:save': ({ userId, body, key }) => {
      session.requireActive(userId);
      // A late retry of an older save gets its first outcome back instead of overwriting newer text.
      return writeOnce(ctx.db, 'drafts:save', key, () => repos.drafts.save(userId, body));
    },
  } satisfies DomainHandlers<'drafts'>;
}
