import type { Db } from './connection';
import { MicroblogError, toMicroblogError } from './errors';
import type { Draft } from './models';
import { draftProblem } from './rules';

export type { Draft } from './models';

/** The unfinished post of each profile. Saving an empty body deletes the draft. */
export function createDraftRepository(db: Db) {
  const get = db.prepare<[number], Draft>(
    `SELECT body, updated_at AS updatedAt FROM drafts WHERE user_id = ?`,
  );
  const upsert = db.prepare<[number, string, string]>(
    `INSERT INTO drafts (user_id, body, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM drafts WHERE user_id = ?`);

  return {
    /** The profile's draft, or null. */
    get(userId: number): Draft | null {
      return get.get(userId) ?? null;
    },

    /** Saves (or with an empty body, clears) the profile's draft. */
    save(userId: number, body: string): Draft | null {
      const problem = draftProblem(body);
      if (problem) throw new MicroblogError('INVALID_INPUT', problem, 'body');
      try {
        if (body === '') {
          remove.run(userId);
          return null;
        }
        const updatedAt = new Date().toISOString();
        upsert.run(userId, body, updatedAt);
        return { body, updatedAt };
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** Forgets the draft (after it was posted). */
    clear(userId: number): void {
      remove.run(userId);
    },
  };
}

export type DraftRepository = ReturnType<typeof createDraftRepository>;
