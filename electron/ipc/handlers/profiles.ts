import { MicroblogError } from '../../db/index';
import { hashPassword } from '../../db/password';
import { passwordProblem } from '../../db/rules';
import type { ProfileChannel } from '../channels/profiles';
import type { Handlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';
import { say } from '../../db/sentences';

type ProfileHandlers = Pick<Handlers, ProfileChannel>;

/**
 * A profile's own settings. Every write first asks the session whether this is the active,
 * unlocked profile (FORBIDDEN otherwise, before anything is read or written); a password is
 * changed or removed only with the current one, under the unlock attempt delay.
 */
export function createProfileHandlers({ repos }: HandlerContext, session: SessionState): ProfileHandlers {
  const current = (userId: number) => {
    const user = repos.users.getById(userId);
    if (!user) throw new MicroblogError('USER_NOT_FOUND', say('errors.profileMissing'), 'userId');
    return user;
  };

  return {
    'users:update': ({ userId, username, displayName, aboutMe, email }) => {
      session.requireActive(userId);
      return repos.profiles.update(userId, { username, displayName, aboutMe, email });
    },

    'users:setPassword': async ({ userId, currentPassword, newPassword }) => {
      const user = session.requireActive(userId);
      if (newPassword !== null) {
        const problem = passwordProblem(newPassword);
        if (problem) throw new MicroblogError('INVALID_INPUT', problem, 'newPassword');
      } else if (!user.hasPassword) {
        throw new MicroblogError('INVALID_INPUT', say('errors.noPasswordToRemove'), 'newPassword');
      }
      if (user.hasPassword) await session.confirmPassword(userId, currentPassword, 'currentPassword');
      const hash = newPassword === null ? null : await hashPassword(newPassword);
      // The checks above awaited: the profile must still be the active one before writing.
      session.requireActive(userId);
      repos.profiles.setPasswordHash(userId, hash);
      if (hash !== null) session.markUnlocked(userId);
      return current(userId);
    },

    'users:setAvatar': ({ userId, image }) => {
      session.requireActive(userId);
      repos.profiles.setAvatar(userId, image);
      return current(userId);
    },

    'users:removeAvatar': ({ userId }) => {
      session.requireActive(userId);
      repos.profiles.removeAvatar(userId);
      return current(userId);
    },

    'users:avatar': ({ userId }) => {
      const avatar = repos.profiles.avatar(userId);
      return avatar ? `data:${avatar.type};base64,${Buffer.from(avatar.image).toString('base64')}` : null;
    },
  };
}
