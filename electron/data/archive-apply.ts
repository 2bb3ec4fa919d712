/** How each archive record is added to the database, inside the import's one transaction. */
import { createRepositories, type Db } from '../db/index';
import { naturalKey } from '../db/natural-key';
import type { DraftRecord, FollowRecord, PostRecord, ProfileRecord } from './archive-format';
import { ArchiveProblem } from './archive-problem';
import { say } from '../db/sentences';

export interface ImportResult {
  profiles: number;
  posts: number;
  follows: number;
  drafts: number;
  /** Profiles created without a password because the archive carried no hashes. */
  withoutPassword: string[];
}

/** The statements of one import, and the archive's usernames (lower case) → this database's ids. */
export function createApplier(db: Db) {
  const repos = createRepositories(db);
  const ids = new Map<string, number>();
  const result: ImportResult = { profiles: 0, posts: 0, follows: 0, drafts: 0, withoutPassword: [] };
  const findUser = db.prepare<[string], number>('SELECT id FROM users WHERE username = ?').pluck();
  const emailOwner = db.prepare<[string], string>('SELECT username FROM users WHERE email = ?').pluck();
  const insertUser = db.prepare<
    [string, string | null, string | null, string | null, string | null, string, string]
  >(
    `INSERT INTO users (username, display_name, email, about_me, password_hash, created_at, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAvatar = db.prepare<[number, Buffer]>('INSERT INTO avatars (user_id, image) VALUES (?, ?)');
  const postExists = db
    .prepare<[number, string, string], number>(
      'SELECT 1 FROM posts WHERE user_id = ? AND timestamp = ? AND body = ?',
    )
    .pluck();
  const markEdited = db.prepare<[string, number]>('UPDATE posts SET edited_at = ? WHERE id = ?');
  const insertRevision = db.prepare<[number, string, string]>(
    'INSERT INTO post_revisions (post_id, body, written_at) VALUES (?, ?, ?)',
  );
  const insertFollow = db.prepare<[number, number, string]>(
    'INSERT OR IGNORE INTO follows (follower_id, followed_id, created_at) VALUES (?, ?, ?)',
  );
  const draftExists = db.prepare<[number], number>('SELECT 1 FROM drafts WHERE user_id = ?').pluck();
  const insertDraft = db.prepare<[number, string, string]>(
    'INSERT INTO drafts (user_id, body, updated_at) VALUES (?, ?, ?)',
  );
  const idOf = (username: string) => ids.get(username.toLowerCase()) as number;

  return {
    result,
    /** A profile that exists here (same username, ignoring case) is kept as it is. */
    profile(record: ProfileRecord): void {
      const existing = findUser.get(record.username);
      if (existing !== undefined) {
        ids.set(record.username.toLowerCase(), existing);
        return;
      }
      const owner = record.email === null ? undefined : emailOwner.get(record.email);
      if (owner !== undefined) {
        throw new ArchiveProblem(say('archive.emailTaken', { username: record.username, owner }));
      }
      const hash = record.passwordHash ?? null;
      const { username, displayName, email, aboutMe, createdAt } = record;
      const row = insertUser.run(
        username,
        displayName,
        email,
        aboutMe,
        hash,
        createdAt,
        naturalKey(username),
      );
      const id = Number(row.lastInsertRowid);
      if (record.avatar !== null) insertAvatar.run(id, Buffer.from(record.avatar, 'base64'));
      ids.set(username.toLowerCase(), id);
      if (hash === null) result.withoutPassword.push(username);
      result.profiles++;
    },
    /** A post that is here already (same author, time and body) is skipped, with its history. */
    post(record: PostRecord): void {
      const userId = idOf(record.author);
      if (postExists.get(userId, record.timestamp, record.body) !== undefined) return;
      // Through the repository, so the post gets its tags (and its search entry) as when written.
      const { id } = repos.posts.create({ userId, body: record.body, timestamp: record.timestamp });
      if (record.editedAt !== null) markEdited.run(record.editedAt, id);
      for (const earlier of record.revisions) insertRevision.run(id, earlier.body, earlier.writtenAt);
      result.posts++;
    },
    follow(record: FollowRecord): void {
      if (insertFollow.run(idOf(record.follower), idOf(record.followed), record.createdAt).changes > 0) {
        result.follows++;
      }
    },
    /** A profile's draft here is the user's unfinished text: it is never replaced. */
    draft(record: DraftRecord): void {
      const userId = idOf(record.author);
      if (draftExists.get(userId) !== undefined) return;
      insertDraft.run(userId, record.body, record.updatedAt);
      result.drafts++;
    },
  };
}
