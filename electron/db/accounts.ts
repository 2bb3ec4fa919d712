import type { Db } from './connection';
import { pdsUrlProblem } from './account-rules';
import { MicroblogError, profileNotFound, toMicroblogError } from './errors';
import { say } from './sentences';

export { pdsUrlProblem } from './account-rules';

/** A profile's link to an AT Protocol account; its tokens live in main, encrypted, never here. */
export interface LinkedAccount {
  userId: number;
  did: string;
  handle: string;
  pdsUrl: string;
  linkedAt: string;
}

export type NewLink = Omit<LinkedAccount, 'linkedAt'>;

const ACCOUNT = `user_id AS userId, did, handle, pds_url AS pdsUrl, linked_at AS linkedAt`;

/** Which profile is linked to which account: at most one account per profile and one profile per account. */
export function createAccountRepository(db: Db) {
  const byUser = db.prepare<[number], LinkedAccount>(`SELECT ${ACCOUNT} FROM accounts WHERE user_id = ?`);
  const byDid = db.prepare<[string], LinkedAccount>(`SELECT ${ACCOUNT} FROM accounts WHERE did = ?`);
  const all = db.prepare<[], LinkedAccount>(`SELECT ${ACCOUNT} FROM accounts ORDER BY user_id`);
  const insert = db.prepare<[number, string, string, string, string]>(
    `INSERT INTO accounts (user_id, did, handle, pds_url, linked_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const setHandle = db.prepare<[string, number]>(`UPDATE accounts SET handle = ? WHERE user_id = ?`);
  const remove = db.prepare<[number]>(`DELETE FROM accounts WHERE user_id = ?`);
  // The profile record goes out at link time only when there is something to put in it: a
  // profile with no name, about me or picture leaves the account's profile on the network alone.
  const queueProfile = db.prepare<[number, number, number]>(
    `INSERT INTO outbox (user_id, op, rkey) SELECT ?, 'profile', 'self'
     WHERE EXISTS (SELECT 1 FROM users WHERE id = ? AND (display_name IS NOT NULL OR about_me IS NOT NULL))
        OR EXISTS (SELECT 1 FROM avatars WHERE user_id = ?)`,
  );
  const userExists = db.prepare<[number], number>(`SELECT 1 FROM users WHERE id = ?`).pluck();

  const link = db.transaction((input: NewLink, linkedAt: string): LinkedAccount => {
    if (userExists.get(input.userId) === undefined) throw profileNotFound();
    const mine = byUser.get(input.userId);
    if (mine && mine.did !== input.did)
      throw new MicroblogError(
        'INVALID_INPUT',
        say('accounts.errors.alreadyLinked', { handle: mine.handle }),
      );
    if (mine) {
      // Signing in again to the same account keeps the link and its time (and so what is queued).
      setHandle.run(input.handle, input.userId);
      return { ...mine, handle: input.handle };
    }
    const other = byDid.get(input.did);
    if (other)
      throw new MicroblogError(
        'INVALID_INPUT',
        say('accounts.errors.linkedElsewhere', { handle: input.handle }),
      );
    insert.run(input.userId, input.did, input.handle, input.pdsUrl, linkedAt);
    queueProfile.run(input.userId, input.userId, input.userId);
    return { ...input, linkedAt };
  });

  return {
    /** Links a profile (or refreshes its handle after signing in again to the same account). */
    link(input: NewLink, now = new Date()): LinkedAccount {
      const problem = pdsUrlProblem(input.pdsUrl);
      if (problem) throw new MicroblogError('INVALID_INPUT', problem, 'pdsUrl');
      try {
        return link(input, now.toISOString());
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** The profile's linked account, or null when it is purely local. */
    get(userId: number): LinkedAccount | null {
      return byUser.get(userId) ?? null;
    },

    /** Every link, for the publisher. */
    list(): LinkedAccount[] {
      return all.all();
    },

    /** Unlinks the profile: nothing more is published, and what was still queued is dropped. */
    unlink(userId: number): boolean {
      return remove.run(userId).changes > 0;
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
