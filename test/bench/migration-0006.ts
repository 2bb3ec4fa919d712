/**
 * How long migration 0006 takes on a database at 0005 with 1,000 users and N posts (a figure
 * for the docs, not a test): `npx tsx test/bench/migration-0006.ts --posts 1000000`.
 * The timed part is what startup runs for it: the one migration in its transaction.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../electron/db/connection';
import { migrateToLatest } from '../../electron/db/migrator';
import { readCount } from '../../electron/shared/run-tool';
import { migrations } from '../../migrations/index';
import { insertRows, migrateTo } from '../fixtures/seed';
import { tempFolder } from '../fixtures/temp';

const { values } = parseArgs({ options: { posts: { type: 'string' } } });
const posts = readCount(values.posts, '--posts', 100_000, 1);
const folder = tempFolder('migration-0006');
try {
  const file = path.join(folder.dir, 'microblog.db');
  const db = openDatabase(file);
  await migrateTo(db, '0005-never-reuse-ids-and-write-keys');
  db.transaction(() => {
    insertRows(
      db,
      'users',
      Array.from({ length: 1000 }, (_, i) => ({
        username: `user${i + 1}`,
        email: `user${i + 1}@example.com`,
      })),
    );
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO posts (body, timestamp, user_id)
       SELECT 'post ' || i, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' seconds'), i % 1000 + 1 FROM n`,
    ).run(posts);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const started = performance.now();
  const applied = await migrateToLatest(db, { migrations });
  const ms = performance.now() - started;
  db.close();
  console.log(
    `${applied.join(', ')} on 1,000 users and ${posts.toLocaleString('en')} posts: ${ms.toFixed(1)} ms`,
  );
} finally {
  folder.remove();
}
