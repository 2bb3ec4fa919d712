import type { Db } from './connection';
import { naturalKey } from './natural-key';
import { MicroblogError, profileNotFound, toMicroblogError } from './errors';
import type { AvatarImage, ProfileDetails, ProfileEdit, User } from './models';
import { profileEditProblems } from './profile-edit';
import { avatarProblem, imageTypeOf } from './profile-rules';
import { USER_COLUMNS, type UserRow, orNull, toUser } from './users';

/** last_seen moves at most this often, so posting in a burst writes the users row once. */
export const LAST_SEEN_EVERY_MS = 60_000;

/**
 * The one conditional UPDATE that keeps last_seen: it writes only when the stored time is
 * older than a minute before `now` (or missing), so most calls change no row at all.
 * Exported so the benchmark's raw side runs exactly this SQL.
 */
export const TOUCH_LAST_SEEN_SQL = `UPDATE users SET last_seen = ?
  WHERE id = ? AND (last_seen IS NULL OR last_seen < ?)`;

/** The bound values of TOUCH_LAST_SEEN_SQL for profile `userId` at time `now`. */
export function touchArguments(userId: number, now: Date): [string, number, string] {
  return [now.toISOString(), userId, new Date(now.getTime() - LAST_SEEN_EVERY_MS).toISOString()];
}

/** A profile's own fields: editing, password hash, picture, and last seen. */
export function createProfileRepository(db: Db) {
  const details = db.prepare<[number], ProfileDetails>(
    `SELECT about_me AS aboutMe, last_seen AS lastSeen, created_at AS createdAt FROM users WHERE id = ?`,
  );
  // A rename moves the profile in the directory's natural order too.
  const edit = db.prepare<[string, string | null, string | null, string | null, string, number]>(
    `UPDATE users SET username = ?, display_name = ?, about_me = ?, email = ?, sort_key = ? WHERE id = ?`,
  );
  const byId = db.prepare<[number], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
  const setHash = db.prepare<[string | null, number]>(`UPDATE users SET password_hash = ? WHERE id = ?`);
  const touch = db.prepare<[string, number, string]>(TOUCH_LAST_SEEN_SQL);
  const avatar = db.prepare<[number], { image: Uint8Array }>(`SELECT image FROM avatars WHERE user_id = ?`);
  const putAvatar = db.prepare<[number, Uint8Array, string]>(
    `INSERT INTO avatars (user_id, image, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET image = excluded.image, updated_at = excluded.updated_at`,
  );
  const dropAvatar = db.prepare<[number]>(`DELETE FROM avatars WHERE user_id = ?`);

  const write = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw toMicroblogError(error);
    }
  };

  return {
    /** About me, last seen and created at, or undefined for no such profile. */
    details(userId: number): ProfileDetails | undefined {
      return details.get(userId);
    },

    /** Saves every editable field at once; fails with the first problem, or USERNAME_TAKEN / EMAIL_TAKEN. */
    update(userId: number, input: ProfileEdit): User {
      const [field, message] = Object.entries(profileEditProblems(input))[0] ?? [];
      if (field !== undefined && message !== undefined)
        throw new MicroblogError('INVALID_INPUT', message, field);
      return write(() => {
        const { changes } = edit.run(
          input.username,
          orNull(input.displayName),
          orNull(input.aboutMe),
          orNull(input.email),
          naturalKey(input.username),
          userId,
        );
        const row = byId.get(userId);
        if (changes === 0 || !row) throw profileNotFound();
        return toUser(row);
      });
    },

    /** Stores a new password hash, or with null removes the password. */
    setPasswordHash(userId: number, hash: string | null): void {
      write(() => {
        if (setHash.run(hash, userId).changes === 0) throw profileNotFound();
      });
    },

    /** Marks the profile as seen now, unless it already was within the last minute. */
    touchLastSeen(userId: number, now = new Date()): void {
      touch.run(...touchArguments(userId, now));
    },

    /** The profile's own picture, or undefined when it shows the generated one. */
    avatar(userId: number): AvatarImage | undefined {
      const row = avatar.get(userId);
      const type = row && imageTypeOf(row.image);
      return row && type ? { image: row.image, type } : undefined;
    },

    /** Stores a picture after checking its size and type; fails with INVALID_INPUT on field `image`. */
    setAvatar(userId: number, image: Uint8Array): void {
      const problem = avatarProblem(image);
      if (problem) throw new MicroblogError('INVALID_INPUT', problem, 'image');
      write(() => putAvatar.run(userId, image, new Date().toISOString()));
    },

    /** Goes back to the generated picture. */
    removeAvatar(userId: number): void {
      write(() => dropAvatar.run(userId));
    },
  };
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>;
