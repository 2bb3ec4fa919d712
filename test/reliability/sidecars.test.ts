import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, createRepositories, openDatabase } from '../../electron/db/index';
import { startDatabase } from '../../electron/main/startup';
import { seedDatabase, seededRandom, sha256, tempDir } from '../fixtures/index';

const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);

/** Posts written through WAL after the file was checkpointed, then a copy of the file and its -wal: a crash. */
function crashCopy(db: Db, dbPath: string, posts: number, to: string): void {
  const { users, posts: repo } = createRepositories(db);
  const user = users.list({}).at(0) ?? users.create({ username: 'writer', email: 'writer@example.com' });
  for (let i = 0; i < posts; i++)
    repo.create({ userId: user.id, body: `${path.basename(to)} post ${i}`.padEnd(100, '.') });
  fs.copyFileSync(dbPath, to);
  fs.copyFileSync(`${dbPath}-wal`, `${to}-wal`);
  if (fs.existsSync(`${dbPath}-shm`)) fs.copyFileSync(`${dbPath}-shm`, `${to}-shm`);
}

function openWithoutCheckpoints(dbPath: string): Db {
  const db = openDatabase(dbPath);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  return db;
}

async function expectRefused(dbPath: string, reason: string, sentence: RegExp) {
  const before = [sha256(dbPath), sha256(`${dbPath}-wal`)];
  const outcome = await startDatabase({ dbPath });
  if (outcome.ok) {
    const posts = outcome.db.prepare('SELECT count(*) FROM posts').pluck().get();
    outcome.db.close();
    throw new Error(`started (showing ${String(posts)} posts) instead of refusing`);
  }
  expect(outcome.reason).toBe(reason);
  expect(outcome.message).toMatch(sentence);
  expect([sha256(dbPath), sha256(`${dbPath}-wal`)]).toEqual(before);
  return outcome;
}

describe('sidecar files', () => {
  it('applies a -wal left by a crash, including one that wrapped after a checkpoint', async () => {
    for (const autocheckpoint of [0, 100]) {
      const dir = tempDir();
      const source = path.join(dir, 'source.db');
      await seedDatabase(source);
      const db = openWithoutCheckpoints(source);
      db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
      const dbPath = path.join(dir, 'microblog.db');
      crashCopy(db, source, 400, dbPath);
      db.close();
      const outcome = await startDatabase({ dbPath });
      if (!outcome.ok) throw new Error(`autocheckpoint ${autocheckpoint}: ${outcome.message}`);
      expect(outcome.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(403);
      outcome.db.close();
    }
  });

  it(`never refuses the -wal of a crash, whatever the writes before it (15 random histories, seed ${seed})`, async () => {
    const random = seededRandom(seed);
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 15; round++) {
      const dir = tempDir();
      const source = path.join(dir, 'source.db');
      await seedDatabase(source);
      const db = openDatabase(source);
      if (random() < 0.5) db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma(`wal_autocheckpoint = ${[0, 10, 100, 1000][pick(4)]}`);
      const insert = db.prepare('INSERT INTO posts (body, user_id) VALUES (?, 1)');
      const many = db.transaction((count: number, body: string) => {
        for (let i = 0; i < count; i++) insert.run(body);
      });
      for (let step = 0, steps = 5 + pick(30); step < steps; step++) {
        const what = random();
        if (what < 0.5) many(pick(300), 'x'.repeat(1 + pick(139)));
        else if (what < 0.75) db.prepare('DELETE FROM posts WHERE id % ? = 0').run(2 + pick(5));
        else if (what < 0.9) {
          // Pages allocated and freed in one transaction: the freed ones need not reach the -wal.
          db.transaction(() => {
            many(200, 'y'.repeat(140));
            db.prepare(`DELETE FROM posts WHERE body LIKE 'y%'`).run();
          })();
        } else db.pragma('wal_checkpoint(PASSIVE)');
      }
      const expected = db.prepare('SELECT count(*) FROM posts').pluck().get();
      const dbPath = path.join(dir, 'microblog.db');
      fs.copyFileSync(source, dbPath);
      if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${dbPath}-wal`);
      db.close();
      const outcome = await startDatabase({ dbPath });
      if (!outcome.ok) throw new Error(`round ${round} (seed ${seed}): ${outcome.message}`);
      expect(outcome.db.prepare('SELECT count(*) FROM posts').pluck().get(), `round ${round}`).toBe(expected);
      outcome.db.close();
    }
  }, 60_000);

  it('refuses a -wal and -shm that another database left beside the file, without applying them', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath);
    const other = path.join(dir, 'other.db');
    await seedDatabase(other, { posts: 40 });
    // Both files as the app leaves them (each started once, then quit).
    for (const file of [dbPath, other]) {
      const started = await startDatabase({ dbPath: file });
      if (started.ok) started.db.close();
    }
    const db = openWithoutCheckpoints(other);
    crashCopy(db, other, 300, path.join(dir, 'other-crashed.db'));
    db.close();
    fs.copyFileSync(path.join(dir, 'other-crashed.db-wal'), `${dbPath}-wal`);
    fs.copyFileSync(path.join(dir, 'other-crashed.db-shm'), `${dbPath}-shm`);
    const outcome = await expectRefused(
      dbPath,
      'foreign-wal',
      /"-wal" file beside it that does not belong to it/,
    );
    expect(outcome.current).toEqual({ state: 'not-read' });
  });

  it("refuses an older copy put back by hand beside the newer file's crashed -wal", async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.db');
    await seedDatabase(source, { posts: 20 });
    const older = path.join(dir, 'older-copy.db');
    fs.copyFileSync(source, older);
    const grow = openDatabase(source);
    const { posts } = createRepositories(grow);
    for (let i = 0; i < 400; i++) posts.create({ userId: 1, body: `later post ${i}`.padEnd(100, '.') });
    grow.close();
    const db = openWithoutCheckpoints(source);
    const crashed = path.join(dir, 'crashed.db');
    crashCopy(db, source, 100, crashed);
    db.close();
    const dbPath = path.join(dir, 'microblog.db');
    fs.copyFileSync(older, dbPath);
    fs.copyFileSync(`${crashed}-wal`, `${dbPath}-wal`);
    await expectRefused(dbPath, 'foreign-wal', /put the newer file back/);
  });

  it('refuses a garbage -journal beside a WAL file with a sentence', async () => {
    const dbPath = path.join(tempDir(), 'microblog.db');
    await seedDatabase(dbPath);
    fs.writeFileSync(`${dbPath}-journal`, 'not a journal at all '.repeat(50));
    fs.writeFileSync(`${dbPath}-wal`, '');
    await expectRefused(dbPath, 'stray-journal', /"-journal" file beside it that SQLite cannot use/);
    expect(fs.readFileSync(`${dbPath}-journal`, 'utf8')).toBe('not a journal at all '.repeat(50));
  });
});
