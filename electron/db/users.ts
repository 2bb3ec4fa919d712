import type { Db } from './connection';
import { MicroblogError, profileNotFound, toMicroblogError } from './errors';
import { naturalKey } from './natural-key';
import { hashPassword, hashPasswordSync, verifyPassword } from './password';
import { displayNameProblem, optionalEmailProblem } from './profile-rules';
import { passwordProblem, usernameProblem } from './rules';

import type { NewUser, User, UserListOptions } from './models';

export type { NewUser, User, UserListOptions, UserOrder } from './models';

/** A user's columns; the picture is only looked up by its key, never read, so lists stay small. */
export const USER_COLUMNS = `id, username, display_name AS displayName, email,
  password_hash IS NOT NULL AS hasPassword,
  EXISTS (SELECT 1 FROM avatars WHERE avatars.user_id = users.id) AS hasAvatar`;
const COLUMNS = USER_COLUMNS;

/** A users row as USER_COLUMNS reads it. */
export interface UserRow {
  id: number;
  username: string;
  displayName: string | null;
  email: string | null;
  hasPassword: 0 | 1;
  hasAvatar: 0 | 1;
}

/** The row as the app hands it out. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    hasPassword: row.hasPassword === 1,
    hasAvatar: row.hasAvatar === 1,
  };
}

/** Empty optional text is stored as NULL: "none", never an empty string. */
export function orNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}

/** Escapes LIKE's wildcards so a prefix is matched literally. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function assertValid(input: NewUser): void {
  const username = usernameProblem(input.username);
  if (username) throw new MicroblogError('INVALID_INPUT', username, 'username');
  const email = optionalEmailProblem(input.email ?? '');
  if (email) throw new MicroblogError('INVALID_INPUT', email, 'email');
  const displayName = displayNameProblem(input.displayName ?? '');
  if (displayName) throw new MicroblogError('INVALID_INPUT', displayName, 'displayName');
  if (input.password !== undefined && input.password !== null) {
    const password = passwordProblem(input.password);
    if (password) throw new MicroblogError('INVALID_INPUT', password, 'password');
  }
}

/** Users over prepared statements, prepared once per connection. */
export function createUserRepository(db: Db) {
  const insert = db.prepare<[string, string | null, string | null, string | null, string, string, string]>(
    `INSERT INTO users (username, email, password_hash, display_name, created_at, last_seen, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
  const hashById = db.prepare<[number], { hash: string | null }>(
    `SELECT password_hash AS hash FROM users WHERE id = ?`,
  );
  const listAsc = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username ASC`);
  const listDesc = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username DESC`);
  const prefixAsc = db.prepare<[string], UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE username LIKE ? ESCAPE '\\' ORDER BY username ASC`,
  );
  const prefixDesc = db.prepare<[string], UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE username LIKE ? ESCAPE '\\' ORDER BY username DESC`,
  );
  const postCount = db.prepare<[number], number>(`SELECT count(*) FROM posts WHERE user_id = ?`).pluck();
  const remove = db.prepare<[number]>(`DELETE FROM users WHERE id = ?`);
  const count = db.prepare<[], number>(`SELECT count(*) FROM users`).pluck();

  const deleteWithPosts = db.transaction((id: number): { deletedPosts: number } => {
    const posts = postCount.get(id) ?? 0;
    if (remove.run(id).changes === 0) throw profileNotFound();
    return { deletedPosts: posts };
  });

  const store = (input: NewUser, hash: string | null): User => {
    try {
      const email = orNull(input.email);
      const displayName = orNull(input.displayName);
      const now = new Date().toISOString();
      const { lastInsertRowid } = insert.run(
        input.username,
        email,
        hash,
        displayName,
        now,
        now,
        naturalKey(input.username),
      );
      const id = Number(lastInsertRowid);
      return {
        id,
        username: input.username,
        displayName,
        email,
        hasPassword: hash !== null,
        hasAvatar: false,
      };
    } catch (error) {
      throw toMicroblogError(error);
    }
  };

  return {
    /**
     * Creates a profile, hashing its password (if any) on this thread: for the tools, the
     * shell and tests. The main process uses `createAsync`, which never blocks IPC.
     */
    create(input: NewUser): User {
      assertValid(input);
      return store(input, input.password ? hashPasswordSync(input.password) : null);
    },

    /** Creates a profile; a password, if given, is stored as a salted scrypt hash made off-thread. */
    async createAsync(input: NewUser): Promise<User> {
      assertValid(input);
      return store(input, input.password ? await hashPassword(input.password) : null);
    },

    /** The profile with this id, or undefined. */
    getById(id: number): User | undefined {
      const row = byId.get(id);
      return row && toUser(row);
    },

    /** The profile with this username (case-insensitive), or undefined. */
    getByUsername(username: string): User | undefined {
      const row = byUsername.get(username);
      return row && toUser(row);
    },

    /** Profiles ordered by username, optionally only those starting with `prefix`. */
    list(options: UserListOptions = {}): User[] {
      const desc = options.order === 'desc';
      const rows =
        options.prefix === undefined || options.prefix === ''
          ? (desc ? listDesc : listAsc).all()
          : (desc ? prefixDesc : prefixAsc).all(likePrefix(options.prefix));
      return rows.map(toUser);
    },

    /** True when the password matches; false for a wrong one or a profile without password. */
    async verifyPassword(id: number, password: string): Promise<boolean> {
      const row = hashById.get(id);
      if (!row) throw profileNotFound();
      return row.hash !== null && verifyPassword(password, row.hash);
    },

    /** Deletes a profile and (by cascade) all its posts; says how many posts went with it. */
    delete(id: number): { deletedPosts: number } {
      try {
        return deleteWithPosts.immediate(id);
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** How many posts this profile has. */
    postCount(id: number): number {
      return postCount.get(id) ?? 0;
    },

    /** How many profiles there are. */
    count(): number {
      return count.get() ?? 0;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
