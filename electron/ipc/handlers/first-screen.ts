import type { Handler, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/**
 * `app:firstScreen`: what the first screen needs, read in one call. The draft belongs to the
 * active profile and is given only once that profile is unlocked, as `drafts:get` would.
 */
export function createFirstScreenHandlers(ctx: HandlerContext, session: SessionState) {
  const firstScreen: Handler<'app:firstScreen'> = ({ limit }) => {
    const current = session.current();
    const { repos } = ctx;
    const active = current.activeUser;
    const screen = {
      session: current,
      hasProfiles: active !== null || repos.users.count() > 0,
      timeline: repos.posts.timeline({ limit }),
      draft: active && !current.locked ? repos.drafts.get(active.id) : null,
    };
    ctx.afterFirstScreen?.();
    return screen;
  };
  return { 'app:firstScreen': firstScreen };
}
