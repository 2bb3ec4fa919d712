import type { Handlers } from '../handler-types';
import type { SessionState } from '../session-state';

/** `session:*`: which profile is active. */
export function createSessionHandlers(session: SessionState) {
  return {
    'session:get': () => session.current(),
    'session:activate': ({ userId }) => session.activate(userId),
  } satisfies Pick<Handlers, 'session:get' | 'session:activate'>;
}
