/**
 * Every malformed, truncated, oversized or hostile archive gets one sentence naming what is
 * wrong, and the database file stays byte-identical.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { exportArchive } from '../../electron/data/archive-export';
import { importArchive } from '../../electron/data/archive-import';
import { ArchiveProblem } from '../../electron/data/archive-problem';
import { seedDatabase, sha256, test } from '../fixtures/index';

const HEADER = {
  format: 'microblog-archive',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  profile: null,
  passwordHashes: false,
  counts: { profiles: 1, posts: 1, follows: 0, drafts: 0 },
};
const PROFILE = {
  type: 'profile',
  username: 'mallory',
  displayName: null,
  email: 'm@example.com',
  aboutMe: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  avatar: null,
};
const POST = {
  type: 'post',
  author: 'mallory',
  timestamp: '2026-01-01T00:00:00.000Z',
  body: 'hello',
  editedAt: null,
  revisions: [],
};
const lines = (...values: unknown[]): string =>
  values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n') + '\n';

/** Each hostile archive, as the text of the file, and the sentence it must get. */
const CASES: [string, () => string | Buffer, RegExp][] = [
  ['an empty file', () => '', /^The archive is empty\.$/],
  ['not an archive at all', () => lines({ hello: 'world' }), /^This file is not a Microblog archive\.$/],
  [
    'a SQLite file',
    () => Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100)]),
    /not valid JSON|not a Microblog archive/,
  ],
  [
    'a newer version',
    () => lines({ ...HEADER, version: 2 }, PROFILE, POST),
    /newer Microblog \(format version 2\); update Microblog/,
  ],
  [
    'a version that is not a number',
    () => lines({ ...HEADER, version: '1' }, PROFILE, POST),
    /header is damaged: "version"/,
  ],
  [
    'truncated mid-record',
    () => lines(HEADER, PROFILE).concat(JSON.stringify(POST).slice(0, 20)),
    /ends in the middle of a record: it is truncated/,
  ],
  [
    'truncated at a record boundary',
    () => lines(HEADER, PROFILE),
    /ends after 0 of its 1 posts: it is truncated/,
  ],
  [
    'a 10 MB body',
    () => lines(HEADER, PROFILE, { ...POST, body: 'x'.repeat(10 * 1024 * 1024) }),
    /^Line 3 of the archive is longer than any record Microblog writes/,
  ],
  [
    'a body over the post limit',
    () => lines(HEADER, PROFILE, { ...POST, body: 'x'.repeat(141) }),
    /^Line 3 \(a post\): A post has at most 140 characters/,
  ],
  [
    'a prototype key',
    () =>
      lines(
        HEADER,
        PROFILE,
        '{"type":"post","author":"mallory","timestamp":"2026-01-01T00:00:00.000Z","body":"x","editedAt":null,"revisions":[],"__proto__":{"admin":true}}',
      ),
    /^Line 3 \(a post\): it has a field Microblog does not know \("__proto__"\)/,
  ],
  [
    'a constructor key in the header',
    () => lines({ ...HEADER, constructor: { prototype: {} } }, PROFILE, POST),
    /header is damaged: it has a field Microblog does not know \("constructor"\)/,
  ],
  [
    'an impossible timestamp',
    () => lines(HEADER, PROFILE, { ...POST, timestamp: '2026-02-30T00:00:00.000Z' }),
    /^Line 3 \(a post\): its time is not a UTC time/,
  ],
  [
    'a timestamp in another format',
    () => lines(HEADER, PROFILE, { ...POST, timestamp: '1 Jan 2026' }),
    /^Line 3 \(a post\): its time is not a UTC time/,
  ],
  [
    'a dangling author',
    () => lines(HEADER, PROFILE, { ...POST, author: 'ghost' }),
    /^Line 3: a post by "ghost", who is not among the archive's profiles/,
  ],
  [
    'a profile twice',
    () =>
      lines({ ...HEADER, counts: { profiles: 2, posts: 0, follows: 0, drafts: 0 } }, PROFILE, {
        ...PROFILE,
        username: 'MALLORY',
      }),
    /^Line 3: the profile "MALLORY" appears twice/,
  ],
  [
    'more posts than announced',
    () => lines(HEADER, PROFILE, POST, { ...POST, body: 'again' }),
    /^Line 4: the archive holds more posts than its header says/,
  ],
  [
    'a bad username',
    () => lines(HEADER, { ...PROFILE, username: 'a b' }, POST),
    /^Line 2 \(a profile\): A username may use letters/,
  ],
  [
    'an unknown record type',
    () => lines(HEADER, PROFILE, { type: 'reaction', who: 'x' }),
    /^Line 3: it is not a profile, a post, a follow or a draft/,
  ],
  [
    'a record out of order',
    () => lines(HEADER, POST, PROFILE),
    /^Line 2: a post by "mallory", who is not among/,
  ],
  [
    'invalid JSON in the middle',
    () => lines(HEADER, '{"type":', POST),
    /^Line 2 of the archive is not valid JSON\.$/,
  ],
  [
    'a NUL in a body',
    () => lines(HEADER, PROFILE, { ...POST, body: 'a\u0000b' }),
    /^Line 3 \(a post\): A post cannot contain NUL/,
  ],
  [
    'a lone surrogate',
    () =>
      lines(
        HEADER,
        PROFILE,
        '{"type":"post","author":"mallory","timestamp":"2026-01-01T00:00:00.000Z","body":"\\ud800","editedAt":null,"revisions":[]}',
      ),
    /^Line 3 \(a post\): A post cannot contain broken Unicode/,
  ],
  [
    'a forged password hash',
    () => lines({ ...HEADER, passwordHashes: true }, { ...PROFILE, passwordHash: 'plain-text' }, POST),
    /^Line 2 \(a profile\): its password hash is not one Microblog makes/,
  ],
];

describe('a hostile archive is refused with one sentence, and the database is unchanged', () => {
  test.for(CASES)('%s', async ([, make, sentence], { tmp }) => {
    const dbFile = path.join(tmp, 'microblog.db');
    await seedDatabase(dbFile, { users: 2, posts: 5, journal: 'delete' });
    const before = sha256(dbFile);
    const archive = path.join(tmp, 'hostile.jsonl');
    fs.writeFileSync(archive, make());
    const db = openDatabase(dbFile, { keepJournalMode: true });
    let caught: unknown;
    try {
      importArchive(db, archive);
    } catch (error) {
      caught = error;
    }
    db.close();
    expect(caught).toBeInstanceOf(ArchiveProblem);
    expect((caught as Error).message).toMatch(sentence);
    expect((caught as Error).message.split(/(?<=\.) /).length).toBeLessThanOrEqual(2);
    expect(sha256(dbFile)).toBe(before);
  });

  test('an archive over 2 GB is refused before it is read', async ({ tmp }) => {
    const dbFile = path.join(tmp, 'microblog.db');
    await seedDatabase(dbFile, { journal: 'delete' });
    const before = sha256(dbFile);
    const archive = path.join(tmp, 'huge.jsonl');
    fs.closeSync(fs.openSync(archive, 'w'));
    fs.truncateSync(archive, 2 * 1024 * 1024 * 1024 + 1);
    const db = openDatabase(dbFile, { keepJournalMode: true });
    expect(() => importArchive(db, archive)).toThrow(/^This archive is larger than 2 GB/);
    db.close();
    expect(sha256(dbFile)).toBe(before);
  });

  test('an email that belongs to another profile here rolls the whole import back', async ({ tmp }) => {
    const dbFile = path.join(tmp, 'microblog.db');
    await seedDatabase(dbFile, { users: 1, posts: 1, journal: 'delete' });
    const archive = path.join(tmp, 'a.jsonl');
    const counts = { profiles: 2, posts: 1, follows: 0, drafts: 0 };
    fs.writeFileSync(
      archive,
      lines(
        { ...HEADER, counts },
        PROFILE,
        { ...PROFILE, username: 'eve', email: 'susan@example.com' },
        POST,
      ),
    );
    const before = sha256(dbFile);
    const db = openDatabase(dbFile, { keepJournalMode: true });
    expect(() => importArchive(db, archive)).toThrow(
      'The archive\'s profile "eve" has the email of the profile "susan" here; change one of them first.',
    );
    db.close();
    expect(sha256(dbFile)).toBe(before);
  });

  test('an archive that changes between the check and the import imports nothing', async ({ tmp }) => {
    const dbFile = path.join(tmp, 'microblog.db');
    await seedDatabase(dbFile, { users: 1, posts: 3000, journal: 'delete' });
    const db = openDatabase(dbFile, { keepJournalMode: true });
    const archive = path.join(tmp, 'a.jsonl');
    exportArchive(db, archive);
    const empty = path.join(tmp, 'b.db');
    await seedDatabase(empty, { users: 0, posts: 0, journal: 'delete' });
    const before = sha256(empty);
    const target = openDatabase(empty, { keepJournalMode: true });
    let changed = false;
    const onProgress = (p: { done: number; total: number }) => {
      // Change it once the check has passed, while the import reads it again.
      if (changed || p.done <= p.total / 2) return;
      changed = true;
      const text = fs.readFileSync(archive, 'utf8').replace('post number 2999', 'post number 299X');
      fs.writeFileSync(archive, text);
    };
    expect(() => importArchive(target, archive, { onProgress })).toThrow(
      /changed while it was being imported; nothing was imported/,
    );
    target.close();
    db.close();
    expect(sha256(empty)).toBe(before);
  });
});
