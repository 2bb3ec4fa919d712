import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/** `drafts:*`: the unfinished post of each profile, saved as the user types. */
export function createDraftHandlers({ repos }: HandlerContext, session: SessionState) {
  return {
    'drafts:get': ({ userId }) => {
      session.requireUnlocked(userId);
      return repos.drafts.get(userId);
    },
    'drafts:save': ({ userId, body }) => {
      session.requireUnlocked(userId);
      return repos.drafts.save(userId, body);
    },
  } satisfies DomainHandlers<'drafts'>;
}
