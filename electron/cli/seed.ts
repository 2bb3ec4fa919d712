/**
 * `npm run seed -- --users N --posts M`: fills the database with plausible users and posts.
 * Everything is generated first; the write lock is then held for one transaction only.
 * Running it twice creates no duplicate users: the seed users are the same every run, so the
 * ones already there are reused (and reported), and only the posts are added again.
 */
import { parseArgs } from 'node:util';
import { createRepositories } from '../db/index';
import { MicroblogError } from '../db/errors';
import { pastTimestamp, randomGenerator, seedBody, seedUsers } from './seed-data';
import { readCount } from '../shared/run-tool';
import {
  ToolFailure,
  closeDatabase,
  databaseFile,
  openDatabaseAtHead,
  DB_TOOL_FAILURES,
  runTool,
  toolMigrations,
} from './tool';

const PROGRESS_FROM = 10_000;

/** Progress for large counts, on stderr so stdout stays a clean summary. */
function progress(total: number): (done: number) => void {
  if (total < PROGRESS_FROM) return () => undefined;
  const step = Math.ceil(total / 10);
  return (done) => {
    if (done % step !== 0 && done !== total) return;
    const line = `  posts ${done}/${total} (${Math.round((done / total) * 100)}%)`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

void runTool(async () => {
  const migrations = await toolMigrations();
  const started = performance.now();
  const { values } = parseArgs({
    options: { users: { type: 'string' }, posts: { type: 'string' } },
    strict: true,
  });
  const userCount = readCount(values.users, '--users', 10);
  const postCount = readCount(values.posts, '--posts', 100);
  const file = databaseFile();
  const { db } = openDatabaseAtHead(file, migrations);
  try {
    const { users, posts } = createRepositories(db);

    // Generate outside the transaction, so another writer (the app) waits as briefly as possible.
    const people = seedUsers(userCount);
    const random = randomGenerator(Date.now());
    const now = Date.now();
    const drafts = Array.from({ length: postCount }, () => ({
      body: seedBody(random),
      timestamp: pastTimestamp(random, now),
      pick: random(),
    }));
    const generated = performance.now();

    const report = { created: 0, existing: 0, conflicts: 0 };
    const tick = progress(postCount);
    const write = db.transaction(() => {
      const authors: number[] = [];
      for (const person of people) {
        const found = users.getByUsername(person.username);
        if (found) {
          // Same username and email: a seed user from an earlier run. Otherwise a real person's: leave it.
          if (found.email?.toLowerCase() === person.email.toLowerCase()) {
            authors.push(found.id);
            report.existing++;
          } else report.conflicts++;
          continue;
        }
        try {
          authors.push(users.create(person).id);
          report.created++;
        } catch (error) {
          if (!(error instanceof MicroblogError && error.code === 'EMAIL_TAKEN')) throw error;
          report.conflicts++;
        }
      }
      if (postCount > 0 && authors.length === 0) {
        throw new ToolFailure('There are no seed users to write the posts; pass --users 1 or more.');
      }
      drafts.forEach((draft, i) => {
        // Squaring skews authorship: a few people post a lot, most post a little, as in real life.
        const author = authors[Math.floor(draft.pick * draft.pick * authors.length)] as number;
        posts.create({ userId: author, body: draft.body, timestamp: draft.timestamp });
        tick(i + 1);
      });
    });
    write.immediate();
    const written = performance.now();

    if (report.existing > 0) {
      process.stdout.write(
        `${report.existing} of the ${userCount} seed users already existed (from an earlier seed); reused them.\n`,
      );
    }
    if (report.conflicts > 0) {
      process.stdout.write(
        `${report.conflicts} seed usernames or emails belong to other users; skipped them.\n`,
      );
    }
    process.stdout.write(
      `Created ${report.created} users and ${postCount} posts; the database now has ` +
        `${users.count()} users and ${posts.count()} posts.\n` +
        `Elapsed ${seconds(performance.now() - started)} ` +
        `(generating ${seconds(generated - started)}, writing ${seconds(written - generated)} in one transaction).\n`,
    );
  } finally {
    closeDatabase(db);
  }
}, DB_TOOL_FAILURES);
