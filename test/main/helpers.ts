import { openDatabase } from '../../electron/db/index';
import type { MigrationModule } from '../../electron/db/migration-types';
import { migrateToLatest } from '../../electron/db/migrator';
import { migrations } from '../../migrations/index';

// Temp folders removed after each test, and the hash that proves a file was left as it was.
export { tempDir } from '../db/helpers';
export { sha256 } from '../db/fixtures';

/** A database at `dbPath` migrated with `list`, with two users and `posts` posts, closed cleanly. */
export async function makeDatabase(
  dbPath: string,
  list: readonly MigrationModule[] = migrations,
  posts = 3,
): Promise<void> {
  const db = openDatabase(dbPath);
  await migrateToLatest(db, { migrations: list });
  db.prepare(
    `INSERT INTO users (username, email) VALUES ('susan', 'susan@example.com'), ('bob', 'bob@example.com')`,
  ).run();
  const insert = db.prepare(`INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < posts; i++) {
      insert.run(`post number ${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), (i % 2) + 1);
    }
  })();
  db.close();
}
