import type { Db } from './connection';
import type { UserOrder } from './models';
import type { DirectoryUser } from './social-models';

export type { DirectoryUser } from './social-models';

/** The columns a directory search looks in (a substring of any of them matches). */
export const DIRECTORY_COLUMNS = ['username', 'email'] as const;

/** Escapes LIKE's wildcards so the text is matched literally anywhere in the value. */
export function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const MATCHES = DIRECTORY_COLUMNS.map((column) => `u.${column} LIKE :like ESCAPE '\\'`).join(' OR ');

/** The directory in natural order (ix_users_sort_key walked forward or backward), optionally filtered. */
export function directorySql(order: UserOrder, filtered: boolean): string {
  const direction = order === 'desc' ? 'DESC' : 'ASC';
  return `SELECT u.id AS id, u.username AS username, u.email AS email,
      u.password_hash IS NOT NULL AS hasPassword,
      EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :viewer AND f.followed_id = u.id) AS followed
    FROM users u ${filtered ? `WHERE ${MATCHES}` : ''}
    ORDER BY u.sort_key ${direction}, u.username ${direction}`;
}

interface Row extends Omit<DirectoryUser, 'hasPassword' | 'followed'> {
  hasPassword: 0 | 1;
  followed: 0 | 1;
}

/** The users directory: substring search, natural case-insensitive order, who the viewer follows. */
export function createDirectoryRepository(db: Db) {
  const statements = {
    asc: db.prepare<[{ viewer: number }], Row>(directorySql('asc', false)),
    desc: db.prepare<[{ viewer: number }], Row>(directorySql('desc', false)),
    ascFiltered: db.prepare<[{ viewer: number; like: string }], Row>(directorySql('asc', true)),
    descFiltered: db.prepare<[{ viewer: number; like: string }], Row>(directorySql('desc', true)),
  };

  return {
    /** Profiles whose username or email contains `text` (case-insensitive), in natural order. */
    search(options: { text?: string; order?: UserOrder; viewerId?: number } = {}): DirectoryUser[] {
      const viewer = options.viewerId ?? 0;
      const desc = options.order === 'desc';
      const text = options.text ?? '';
      const rows =
        text === ''
          ? (desc ? statements.desc : statements.asc).all({ viewer })
          : (desc ? statements.descFiltered : statements.ascFiltered).all({
              viewer,
              like: likeSubstring(text),
            });
      return rows.map((row) => ({
        ...row,
        hasPassword: row.hasPassword === 1,
        followed: row.followed === 1,
      }));
    },
  };
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
