/** Export and import at the data layer: the round trip, idempotence, snapshots and CSV. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createRepositories } from '../../electron/db/index';
import { exportArchive } from '../../electron/data/archive-export';
import { importArchive } from '../../electron/data/archive-import';
import { JobCancelled } from '../../electron/data/archive-problem';
import { seedDatabase, sha256, test } from '../fixtures/index';

/** The smallest PNG header the avatar CHECK accepts, and some bytes. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(8, 7)]);

/** The archive's lines without the header, whose export time always differs. */
const body = (file: string): string => fs.readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
const header = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0] as string) as Record<string, unknown>;

async function seeded(tmp: string, name: string, posts: number) {
  const file = path.join(tmp, name);
  await seedDatabase(file, {
    users: 2,
    posts,
    body: (i) => `post ${i} #tag${i % 7} https://example.com/${i}`,
  });
  const db = openDatabase(file);
  const repos = createRepositories(db);
  repos.drafts.save(1, 'an unfinished thought');
  // What the other features add: a follow, an edited post with its history, a profile's details and picture.
  db.prepare(`INSERT INTO follows (follower_id, followed_id) VALUES (1, 2)`).run();
  db.prepare(`UPDATE users SET display_name = 'Susan Ö', about_me = 'Tea and #sqlite' WHERE id = 1`).run();
  db.prepare(`INSERT INTO avatars (user_id, image) VALUES (1, ?)`).run(PNG);
  if (posts > 0) {
    db.prepare(
      `UPDATE posts SET body = 'edited once #tag', edited_at = '2026-02-01T00:00:00.000Z' WHERE id = 1`,
    ).run();
    db.prepare(
      `INSERT INTO post_revisions (post_id, body, written_at) VALUES (1, 'the first version', '2026-01-01T00:00:00.000Z')`,
    ).run();
  }
  return db;
}

describe('the archive round trip', () => {
  test('2 profiles and 10,000 posts: export, import into an empty database, export again: equal', async ({
    tmp,
  }) => {
    const source = await seeded(tmp, 'a.db', 10_000);
    const first = path.join(tmp, 'first.jsonl');
    expect(exportArchive(source, first)).toMatchObject({ profiles: 2, posts: 10_000, follows: 1, drafts: 1 });

    await seedDatabase(path.join(tmp, 'b.db'), { users: 0, posts: 0 });
    const target = openDatabase(path.join(tmp, 'b.db'));
    expect(importArchive(target, first)).toMatchObject({ profiles: 2, posts: 10_000, follows: 1, drafts: 1 });
    const second = path.join(tmp, 'second.jsonl');
    exportArchive(target, second);

    expect(body(second)).toBe(body(first));
    // What the other features added came through: follow, edit history, tags, details, picture.
    expect(target.prepare('SELECT count(*) FROM follows').pluck().get()).toBe(1);
    expect(target.prepare('SELECT body FROM post_revisions').pluck().all()).toEqual(['the first version']);
    expect(target.prepare(`SELECT count(*) FROM post_tags WHERE tag = 'tag'`).pluck().get()).toBe(1);
    expect(target.prepare(`SELECT display_name FROM users WHERE username = 'susan'`).pluck().get()).toBe(
      'Susan Ö',
    );
    expect(target.prepare('SELECT image FROM avatars').pluck().get()).toEqual(PNG);
    expect(header(second)).toMatchObject({
      format: 'microblog-archive',
      version: 1,
      counts: header(first).counts,
    });

    const before = target.prepare('SELECT count(*) FROM posts').pluck().get();
    expect(importArchive(target, first)).toEqual({
      profiles: 0,
      posts: 0,
      follows: 0,
      drafts: 0,
      withoutPassword: [],
    });
    expect(target.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(before);
    source.close();
    target.close();
  });

  test('a profile keeps its password only when the user asked for the hashes', async ({ tmp }) => {
    const db = await seeded(tmp, 'a.db', 3);
    db.prepare(`UPDATE users SET password_hash = ? WHERE id = 1`).run(
      `scrypt$32768$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`,
    );
    exportArchive(db, path.join(tmp, 'plain.jsonl'));
    exportArchive(db, path.join(tmp, 'hashes.jsonl'), { passwordHashes: true });
    expect(fs.readFileSync(path.join(tmp, 'plain.jsonl'), 'utf8')).not.toContain('scrypt$');
    expect(header(path.join(tmp, 'hashes.jsonl'))).toMatchObject({ passwordHashes: true });

    await seedDatabase(path.join(tmp, 'b.db'), { users: 0, posts: 0 });
    const target = openDatabase(path.join(tmp, 'b.db'));
    expect(importArchive(target, path.join(tmp, 'hashes.jsonl')).withoutPassword).toEqual(['bob']);
    expect(target.prepare(`SELECT password_hash FROM users WHERE username = 'susan'`).pluck().get()).toMatch(
      /^scrypt\$/,
    );
    db.close();
    target.close();
  });

  test('one profile: only its posts and draft, and a profile that exists is matched ignoring case', async ({
    tmp,
  }) => {
    const db = await seeded(tmp, 'a.db', 10);
    const out = path.join(tmp, 'bob.jsonl');
    expect(exportArchive(db, out, { username: 'BOB' })).toMatchObject({ profiles: 1, posts: 5, drafts: 0 });
    expect(header(out)).toMatchObject({ profile: 'bob' });

    await seedDatabase(path.join(tmp, 'b.db'), { users: 0, posts: 0 });
    const target = openDatabase(path.join(tmp, 'b.db'));
    target.prepare(`INSERT INTO users (username, email) VALUES ('Bob', 'other@example.com')`).run();
    expect(importArchive(target, out)).toMatchObject({ profiles: 0, posts: 5 });
    expect(target.prepare('SELECT DISTINCT user_id FROM posts').pluck().all()).toEqual([1]);
    db.close();
    target.close();
  });
});

describe('import', () => {
  test('a cancelled import changes nothing, even half-way through the transaction', async ({ tmp }) => {
    const source = await seeded(tmp, 'a.db', 5000);
    const archive = path.join(tmp, 'all.jsonl');
    exportArchive(source, archive);
    source.close();
    const target = path.join(tmp, 'b.db');
    await seedDatabase(target, { users: 0, posts: 0, journal: 'delete' });
    const before = sha256(target);
    const db = openDatabase(target, { keepJournalMode: true });
    let asked = 0;
    // The check asks about every 1,000 lines too: cancel during the second pass, mid-transaction.
    const cancel = { cancelled: () => ++asked > 8 };
    expect(() => importArchive(db, archive, { cancel })).toThrow(JobCancelled);
    expect(db.inTransaction).toBe(false);
    db.close();
    expect(sha256(target)).toBe(before);
  });
});

describe('export', () => {
  test('a cancelled export leaves no file under the chosen name, nor a partial one', async ({ tmp }) => {
    const db = await seeded(tmp, 'a.db', 5000);
    const out = path.join(tmp, 'export.jsonl');
    let asked = 0;
    const cancel = { cancelled: () => ++asked > 2 };
    expect(() => exportArchive(db, out, {}, { cancel })).toThrow(JobCancelled);
    expect(fs.readdirSync(tmp).sort()).toEqual(['a.db', 'a.db-shm', 'a.db-wal']);
    db.close();
  });

  test('refuses to overwrite a file, and leaves it as it was', async ({ tmp }) => {
    const db = await seeded(tmp, 'a.db', 3);
    const out = path.join(tmp, 'keep.jsonl');
    fs.writeFileSync(out, 'mine');
    expect(() => exportArchive(db, out)).toThrow(/already exists/);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    db.close();
  });

  test('reads one snapshot: a post written during the export is not half in it', async ({ tmp }) => {
    const db = await seeded(tmp, 'a.db', 3000);
    const writer = openDatabase(path.join(tmp, 'a.db'));
    let wrote = false;
    const out = path.join(tmp, 'snap.jsonl');
    const result = exportArchive(
      db,
      out,
      {},
      {
        onProgress: () => {
          if (wrote) return;
          wrote = true;
          writer
            .prepare(
              `INSERT INTO posts (body, timestamp, user_id) VALUES ('late', '2030-01-01T00:00:00.000Z', 1)`,
            )
            .run();
        },
      },
    );
    expect(wrote).toBe(true);
    expect(result.posts).toBe(3000);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('"late"');
    db.close();
    writer.close();
  });

  test('CSV: a header row, quoting, and formulas defused', async ({ tmp }) => {
    await seedDatabase(path.join(tmp, 'a.db'), {
      users: 1,
      posts: 2,
      body: (i) => (i === 0 ? '=HYPERLINK("x")' : 'a, "quoted"\nline'),
    });
    const db = openDatabase(path.join(tmp, 'a.db'));
    const out = path.join(tmp, 'posts.csv');
    exportArchive(db, out, { format: 'csv' });
    expect(fs.readFileSync(out, 'utf8')).toBe(
      'author,timestamp,body\n' +
        `susan,2026-01-01T00:00:00.000Z,"'=HYPERLINK(""x"")"\n` +
        'susan,2026-01-01T00:00:01.000Z,"a, ""quoted""\nline"\n',
    );
    db.close();
  });
});
