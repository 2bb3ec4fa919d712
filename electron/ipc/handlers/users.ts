import { MicroblogError } from '../../db/index';
import { say } from '../../db/sentences';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/** `users:*`: profiles. Passwords are hashed here, in main, off its event loop. */
export function createUserHandlers({ repos }: HandlerContext, session: SessionState) {
  return {
    'users:create': async ({ username, email, password }) => {
      const user = await repos.users.createAsync({ username, email, password });
      // Whoever just chose the password does not need to type it again in this session.
      if (user.hasPassword) session.markUnlocked(user.id);
      return user;
    },

    'users:list': ({ order, prefix }) => repos.users.list({ order, prefix }),

    'users:get': ({ username }) => {
      const user = repos.users.getByUsername(username);
      if (!user)
        throw new MicroblogError('USER_NOT_FOUND', say('errors.noProfileNamed', { username }), 'username');
      return { ...user, postCount: repos.users.postCount(user.id) };
    },

    'users:delete': ({ userId }) => {
      session.requireUnlocked(userId);
      const result = repos.users.delete(userId);
      session.forget(userId);
      return result;
    },
  } satisfies DomainHandlers<'users'>;
}
