import { MicroblogError } from '../../db/index';
import { say } from '../../db/sentences';
import type { ProfileChannel } from '../channels/profiles';
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
      const details = user && repos.profiles.details(user.id);
      if (!user || !details)
        throw new MicroblogError('USER_NOT_FOUND', say('errors.noProfileNamed', { username }), 'username');
      const avatar = repos.profiles.avatar(user.id);
      return {
        ...user,
        ...details,
        postCount: repos.users.postCount(user.id),
        ...repos.follows.counts(user.id),
        avatar: avatar ? `data:${avatar.type};base64,${Buffer.from(avatar.image).toString('base64')}` : null,
      };
    },

    // Only the active, unlocked profile deletes itself; with a password, it is asked again here.
    'users:delete': async ({ userId, password }) => {
      const user = session.requireActive(userId);
      if (user.hasPassword) await session.confirmPassword(userId, password, 'password');
      session.requireActive(userId);
      const result = repos.users.delete(userId);
      session.forget(userId);
      return result;
    },
  } satisfies Omit<DomainHandlers<'users'>, ProfileChannel>;
}
