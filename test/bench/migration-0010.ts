/**
 * How long migration 0010 (the timeline index rebuilt with each post's author) takes on a
 * database at 0009 with 1,000 users and N posts, the FTS index filled (a figure for the docs,
 * not a test): `npx tsx test/bench/migration-0010.ts --posts 1000000`. Timed twice, on two
 * copies of the same file: the migration alone in its transaction, and the whole startup the
 * app runs after an update (guard, backup, migration), with when `onSlow` (the "Updating your
 * data…" window) fired.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../electron/db/connection';
import { migrateToLatest } from '../../electron/db/migrator';
import { startDatabase } from '../../electron/main/startup';
import { readCount } from '../../electron/shared/run-tool';
import { migrations } from '../../migrations/index';
import { insertRows, migrateTo } from '../fixtures/seed';
import { tempFolder } from '../fixtures/temp';

const { values } = parseArgs({ options: { posts: { type: 'string' } } });
const posts = readCount(values.posts, '--posts', 100_000, 1);
const folder = tempFolder('migration-0010');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const file = path.join(folder.dir, 'microblog.db');
  const db = openDatabase(file);
  await migrateTo(db, '0008-create-follows-and-natural-sort-key');
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
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO posts (body, timestamp, user_id)
       SELECT 'post ' || i || ' by user ' || ((i - 1) % 1000 + 1),
              strftime('%Y-%m-%dT%H:%M:%fZ', '2000-01-01', '+' || i || ' seconds'), (i - 1) % 1000 + 1 FROM n`,
    ).run(posts);
  })();
  // 0009 fills the FTS index, as every real file at 0009 has it.
  await migrateTo(db, '0009-full-text-search');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const copy = path.join(folder.dir, 'startup.db');
  fs.copyFileSync(file, copy);
  const size = fs.statSync(file).size / 2 ** 20;

  const alone = openDatabase(file);
  const started = performance.now();
  const applied = await migrateToLatest(alone, { migrations });
  const migrationMs = performance.now() - started;
  alone.close();

  const startupAt = performance.now();
  let slowAt: number | null = null;
  const outcome = await startDatabase({
    dbPath: copy,
    onSlow: () => void (slowAt = performance.now() - startupAt),
  });
  const startupMs = performance.now() - startupAt;
  if (!outcome.ok) throw new Error(`startup did not finish: ${JSON.stringify(outcome)}`);
  outcome.db.close();
  const shown = slowAt === null ? 'never' : `${seconds(slowAt)} in`;
  console.log(
    `${applied.join(', ')} on 1,000 users and ${posts.toLocaleString('en')} posts (${size.toFixed(1)} MiB):`,
  );
  console.log(`  the migration alone: ${seconds(migrationMs)}`);
  console.log(`  startup (guard, backup, migration): ${seconds(startupMs)}, onSlow fired ${shown}`);
} finally {
  folder.remove();
}
