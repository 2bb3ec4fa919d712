import type { Repositories, User } from '../db/index';
import { say } from '../db/sentences';
import { MicroblogError } from '../db/index';
import { profileNotFound } from '../db/errors';
import type { Session } from './contract';
import { type UnlockAttempts, createUnlockAttempts } from './unlock-attempts';

/** The settings key under which the active profile survives a restart. */
export const ACTIVE_USER_KEY = 'activeUserId';

/**
 * Who is active and which password-protected profiles were unlocked. The unlocked set
 * lives only in this process: a restart locks every protected profile again, and so does
 * switching away from it (whoever switches next must know the password to come back).
 */
export function createSessionState(repos: Repositories, attempts: UnlockAttempts = createUnlockAttempts()) {
  const unlocked = new Set<number>();

  const activeUser = (): User | null => {
    const stored = repos.settings.get(ACTIVE_USER_KEY);
    const id = stored === undefined ? NaN : Number(stored);
    if (!Number.isSafeInteger(id)) return null;
    return repos.users.getById(id) ?? null;
  };

  const isLocked = (user: User): boolean => user.hasPassword && !unlocked.has(user.id);

  /** The profile, or USER_NOT_FOUND; PROFILE_LOCKED while its password was not given. */
  const requireUnlocked = (userId: number): User => {
    const user = repos.users.getById(userId);
    if (!user) throw profileNotFound();
    if (isLocked(user)) {
      throw new MicroblogError('PROFILE_LOCKED', say('errors.passwordFirst'), 'password');
    }
    return user;
  };

  return {
    /** The active profile and whether it still needs its password. */
    current(): Session {
      const user = activeUser();
      return { activeUser: user, locked: user !== null && isLocked(user) };
    },

    /** Remembers that this profile's password was given in this process. */
    markUnlocked(userId: number): void {
      unlocked.add(userId);
    },

    /**
     * Checks the password (off the main thread, under the attempt delay) and makes the profile
     * active. A profile without a password has nothing to unlock; it simply becomes active.
     */
    async unlock(userId: number, password: string): Promise<Session> {
      const user = repos.users.getById(userId);
      if (!user) throw profileNotFound();
      if (user.hasPassword) {
        const right = await attempts.attempt(userId, () => repos.users.verifyPassword(userId, password));
        if (!right) throw new MicroblogError('WRONG_PASSWORD', say('errors.wrongPassword'), 'password');
        unlocked.add(userId);
      }
      return this.activate(userId);
    },

    /** Makes the profile active; it must exist and be unlocked. */
    activate(userId: number): Session {
      const user = requireUnlocked(userId);
      const previous = activeUser();
      if (previous !== null && previous.id !== user.id) unlocked.delete(previous.id);
      repos.settings.set(ACTIVE_USER_KEY, String(user.id));
      repos.profiles.touchLastSeen(user.id);
      return this.current();
    },

    /**
     * The one rule for acting as a profile (posting, drafts, follows, editing or deleting it):
     * only the active, unlocked profile may. Another profile is FORBIDDEN, before anything is
     * read or written; a missing one USER_NOT_FOUND; the active one still locked, PROFILE_LOCKED.
     */
    requireActive(userId: number): User {
      if (!repos.users.getById(userId)) throw profileNotFound();
      const active = activeUser();
      if (active === null || active.id !== userId) {
        throw new MicroblogError('FORBIDDEN', say('errors.onlyActiveChanges'));
      }
      return requireUnlocked(userId);
    },

    /** Checks the profile's password under the same attempt delay as unlocking; WRONG_PASSWORD on `field`. */
    async confirmPassword(userId: number, password: string | null | undefined, field: string): Promise<void> {
      if (password === undefined || password === null || password === '') {
        throw new MicroblogError('WRONG_PASSWORD', say('password.enterCurrent'), field);
      }
      const right = await attempts
        .attempt(userId, () => repos.users.verifyPassword(userId, password))
        .catch((error: unknown) => {
          // The wait's sentence is about the field the user typed into.
          if (error instanceof MicroblogError) throw new MicroblogError(error.code, error.message, field);
          throw error;
        });
      if (!right) throw new MicroblogError('WRONG_PASSWORD', say('errors.wrongPassword'), field);
    },

    /** Forgets a deleted profile; clears the active one if it was this. */
    forget(userId: number): void {
      unlocked.delete(userId);
      attempts.forget(userId);
      if (repos.settings.get(ACTIVE_USER_KEY) === String(userId))
        repos.settings.set(ACTIVE_USER_KEY, undefined);
    },
  };
}

export type SessionState = ReturnType<typeof createSessionState>;
