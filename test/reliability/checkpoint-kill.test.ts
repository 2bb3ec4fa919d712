import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../electron/db/index';
import { parseHeader, readStart } from '../../electron/db/file-forensics';
import { startDatabase } from '../../electron/main/startup';
import { tempDir } from '../fixtures/index';
import { HAS_STRACE, killAtPwrite, pwriteTargets, writesTo } from './helpers';

/** Posts written in WAL mode after the last checkpoint: enough pages for the checkpoint to need 24 writes. */
const POSTS = 270;

/** What the app does when it quits: the last connection closes, and SQLite checkpoints the WAL into the file. */
const QUIT = `const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('synchronous = FULL');
db.prepare('SELECT count(*) FROM posts').get();
db.close();`;

let template = '';
let acknowledged: number[] = [];

function copyTemplate(): string {
  const dbPath = path.join(tempDir(), 'microblog.db');
  fs.copyFileSync(template, dbPath);
  fs.copyFileSync(`${template}-wal`, `${dbPath}-wal`);
  return dbPath;
}

beforeAll(async () => {
  const dbPath = path.join(tempDir(), 'microblog.db');
  const started = await startDatabase({ dbPath });
  if (!started.ok) throw new Error(started.message);
  const { db } = started;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  const { users, posts } = createRepositories(db);
  const user = users.create({ username: 'owner', email: 'owner@example.com' });
  acknowledged = Array.from(
    { length: POSTS },
    (_, i) => posts.create({ userId: user.id, body: `acknowledged ${i} `.padEnd(120, '.') }).id,
  );
  // A copy of the file and its -wal while nothing writes: the state of an app about to quit.
  template = path.join(tempDir(), 'template.db');
  fs.copyFileSync(dbPath, template);
  fs.copyFileSync(`${dbPath}-wal`, `${template}-wal`);
  db.close();
});

describe.runIf(HAS_STRACE)('a kill during the WAL checkpoint at quit', () => {
  it(`starts after a SIGKILL at each main-file write of the checkpoint, with every acknowledged post`, async () => {
    const traced = copyTemplate();
    const targets = await pwriteTargets(['-e', QUIT, traced], path.join(path.dirname(traced), 'trace'));
    const writes = writesTo(targets, traced);
    expect(writes.length, 'the checkpoint writes the file page by page').toBeGreaterThanOrEqual(24);
    // Each kill costs a Node start under strace (a few hundred ms): all of them fit in the suite.
    const chosen = writes;

    let shorterThanHeader = 0;
    let started = 0;
    for (const when of chosen) {
      const dbPath = copyTemplate();
      const end = await killAtPwrite(when, ['-e', QUIT, dbPath]);
      expect(end.signal, `write ${when}: ${end.stderr}`).toBe('SIGKILL');
      const header = parseHeader(readStart(dbPath, 100));
      const size = fs.statSync(dbPath).size;
      if (header && header.pageCountValid && size < header.pageCount * header.pageSize) shorterThanHeader++;

      const outcome = await startDatabase({ dbPath });
      if (!outcome.ok) throw new Error(`write ${when}: refused as ${outcome.reason}: ${outcome.message}`);
      try {
        expect(outcome.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = outcome.db.prepare('SELECT id FROM posts ORDER BY id').pluck().all();
        expect(ids, `write ${when}: acknowledged posts`).toEqual(acknowledged);
        started++;
      } finally {
        outcome.db.close();
      }
    }
    console.log(
      `checkpoint kills: ${started}/${chosen.length} started with ${acknowledged.length}/${acknowledged.length} posts ` +
        `(kills at pwrite64 #${chosen.join(', #')} of ${writes.length} main-file writes; ` +
        `${shorterThanHeader} left the file shorter than its header says)`,
    );
    expect(started).toBe(chosen.length);
    expect(shorterThanHeader, 'the kills reproduce a file shorter than its header').toBeGreaterThan(0);
  }, 120_000);
});
