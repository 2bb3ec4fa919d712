import { MicroblogError } from '../db/index';
import { say } from '../db/sentences';

/**
 * The attempt delay for profile passwords. Five wrong passwords in a row are answered as they
 * come; after the fifth, the profile takes its next attempt only once a wait has passed: 30 s,
 * doubling with every further wrong password, at most 15 minutes. An attempt during the wait is
 * answered at once with how long is left, and its password is not checked. The right password
 * clears the count. Checks running at the same time count against the five, so a burst of
 * guesses cannot slip past the limit. The count lives in this process only.
 */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/** How long a profile waits after `failures` wrong passwords in a row. */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS);
}

function tooManySentence(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return say('errors.tooManySeconds', { count: seconds });
  return say('errors.tooManyMinutes', { count: Math.ceil(seconds / 60) });
}

interface Attempts {
  failures: number;
  blockedUntil: number;
  checking: number;
}

/** Tracks wrong passwords per profile; `now` is the clock (a test passes its own). */
export function createUnlockAttempts(now: () => number = Date.now) {
  const byUser = new Map<number, Attempts>();

  return {
    /** Runs `check` unless the profile must wait; true when the password was right. */
    async attempt(userId: number, check: () => Promise<boolean>): Promise<boolean> {
      const entry = byUser.get(userId) ?? { failures: 0, blockedUntil: 0, checking: 0 };
      byUser.set(userId, entry);
      const left = entry.blockedUntil - now();
      if (left > 0) {
        throw new MicroblogError('PROFILE_LOCKED', tooManySentence(left), 'password');
      }
      if (entry.checking >= Math.max(1, FREE_ATTEMPTS - entry.failures)) {
        throw new MicroblogError('PROFILE_LOCKED', say('errors.tooManyAtOnce'), 'password');
      }
      entry.checking++;
      let right: boolean;
      try {
        right = await check();
      } finally {
        entry.checking--;
      }
      if (right) {
        byUser.delete(userId);
        return true;
      }
      entry.failures++;
      entry.blockedUntil = now() + waitAfterFailures(entry.failures);
      return false;
    },

    /** Forgets a deleted profile's count. */
    forget(userId: number): void {
      byUser.delete(userId);
    },
  };
}

export type UnlockAttempts = ReturnType<typeof createUnlockAttempts>;
