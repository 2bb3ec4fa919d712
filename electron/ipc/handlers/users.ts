import { MicroblogError } from '../../db/index';
import type { HandlerContext, Handlers } from '../handler-types';
import type { SessionState } from '../session-state';

type UserChannels = 'users:create' | 'users:list' | 'users:get' | 'users:delete' | 'users:unlock';

/** `users:*`: profiles. Passwords are checked here, in main, never in the renderer. */
export function createUserHandlers({ repos }: HandlerContext, session: SessionState) {
  return {
    'users:create': ({ username, email, password }) => {
      const user = repos.users.create({ username, email, password });
      // Whoever just chose the password does not need to type it again in this session.
      if (user.hasPassword) session.markUnlocked(user.id);
      return user;
    },

    'users:list': ({ order, prefix }) => repos.users.list({ order, prefix }),

    'users:get': ({ username }) => {
      const user = repos.users.getByUsername(username);
      if (!user)
        throw new MicroblogError('USER_NOT_FOUND', `There is no profile named ${username}.`, 'username');
      return { ...user, postCount: repos.users.postCount(user.id) };
    },

    'users:delete': ({ userId }) => {
      session.requireUnlocked(userId);
      const result = repos.users.delete(userId);
      session.forget(userId);
      return result;
    },

    'users:unlock': ({ userId, password }) => {
      const user = repos.users.getById(userId);
      if (!user) throw new MicroblogError('USER_NOT_FOUND', 'That profile does not exist.', 'userId');
      // A profile without a password has nothing to unlock; it simply becomes active.
      if (user.hasPassword) {
        if (!repos.users.verifyPassword(userId, password)) {
          throw new MicroblogError('WRONG_PASSWORD', 'That password is not right.', 'password');
        }
        session.markUnlocked(userId);
      }
      return session.activate(userId);
    },
  } satisfies Pick<Handlers, UserChannels>;
}
