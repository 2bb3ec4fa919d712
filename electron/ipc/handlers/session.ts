import type { DomainHandlers } from '../handler-types';
import type { SessionState } from '../session-state';

/** `session:*`: which profile is active, and unlocking one with its password (checked here, in main). */
export function createSessionHandlers(session: SessionState) {
  return {
    'session:get': () => session.current(),
    'session:activate': ({ userId }) => session.activate(userId),
    'session:unlock': ({ userId, password }) => session.unlock(userId, password),
  } satisfies DomainHandlers<'session'>;
}
