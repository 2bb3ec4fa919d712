import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DatabaseRefusedError,
  type RefusalReason,
  createRepositories,
  inspectDatabaseFile,
} from '../../electron/db/index';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seededRandom, sha256, tempFolder } from './helpers';

const folder = tempFolder('hostile');
afterAll(() => {
  for (const name of fs.readdirSync(folder.dir)) fs.chmodSync(path.join(folder.dir, name), 0o644);
  folder.remove();
});

let made = 0;
function file(name: string): string {
  return path.join(folder.dir, `${++made}-${name}`);
}

/** A real, migrated Microblog database with some data, checkpointed into the main file. */
async function realDatabase(name: string): Promise<string> {
  const dbPath = file(name);
  const outcome = await startDatabase({ dbPath });
  if (!outcome.ok) throw new Error(outcome.message);
  const { users, posts } = createRepositories(outcome.db);
  const user = users.create({ username: 'owner', email: 'owner@example.com' });
  outcome.db.transaction(() => {
    for (let i = 0; i < 2000; i++) posts.create({ userId: user.id, body: `post number ${i} with some text` });
  })();
  outcome.db.pragma('wal_checkpoint(TRUNCATE)');
  outcome.db.pragma('journal_mode = DELETE');
  outcome.db.close();
  return dbPath;
}

function randomBytes(size: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length: size }, () => Math.floor(random() * 256)));
}

interface Hostile {
  name: string;
  reason: RefusalReason;
  make(): Promise<string>;
}

const cases: Hostile[] = [
  {
    name: 'an empty file',
    reason: 'empty-file',
    make: async () => {
      const f = file('empty.db');
      fs.writeFileSync(f, '');
      return f;
    },
  },
  {
    name: 'random bytes',
    reason: 'not-a-database',
    make: async () => {
      const f = file('random.db');
      fs.writeFileSync(f, randomBytes(16384, 7));
      return f;
    },
  },
  {
    name: 'a text file',
    reason: 'not-a-database',
    make: async () => {
      const f = file('notes.db');
      fs.writeFileSync(f, 'these are my notes, not a database\n'.repeat(200));
      return f;
    },
  },
  {
    name: 'an SQLite header followed by garbage',
    reason: 'corrupt',
    make: async () => {
      const real = await realDatabase('for-garbage.db');
      const f = file('garbage.db');
      const bytes = fs.readFileSync(real);
      randomBytes(bytes.length - 100, 11).copy(bytes, 100);
      fs.writeFileSync(f, bytes);
      return f;
    },
  },
  {
    name: 'a copy truncated at a page boundary',
    reason: 'corrupt',
    make: async () => {
      const real = await realDatabase('for-truncate.db');
      const bytes = fs.readFileSync(real);
      const pageSize = bytes.readUInt16BE(16);
      const f = file('truncated-page.db');
      fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / pageSize / 2) * pageSize));
      return f;
    },
  },
  {
    name: 'a copy truncated mid-page',
    reason: 'corrupt',
    make: async () => {
      const real = await realDatabase('for-cut.db');
      const bytes = fs.readFileSync(real);
      const f = file('truncated-mid.db');
      fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length * 0.6) + 123));
      return f;
    },
  },
  {
    name: 'a database with an extra unknown migration row',
    reason: 'from-the-future',
    make: async () => {
      const f = await realDatabase('future.db');
      const db = new Database(f);
      db.prepare(`INSERT INTO schema_migrations (name) VALUES ('9999-from-a-newer-version')`).run();
      db.close();
      return f;
    },
  },
  {
    name: 'a database missing a migration in the middle of its history',
    reason: 'out-of-sync',
    make: async () => {
      const f = await realDatabase('out-of-sync.db');
      const db = new Database(f);
      db.prepare(`DELETE FROM schema_migrations WHERE name = '0002-create-posts'`).run();
      db.close();
      return f;
    },
  },
  {
    name: 'a foreign SQLite database with unrelated tables',
    reason: 'unknown-schema',
    make: async () => {
      const f = file('foreign.db');
      const db = new Database(f);
      db.exec(
        `CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);`,
      );
      db.close();
      return f;
    },
  },
  {
    name: 'a read-only (0444) database',
    reason: 'read-only',
    make: async () => {
      const f = await realDatabase('read-only.db');
      fs.chmodSync(f, 0o444);
      return f;
    },
  },
];

describe('hostile files', () => {
  it.each(cases)(
    'refuses $name with reason "$reason" and leaves it byte-identical',
    async ({ make, reason }) => {
      const dbPath = await make();
      const before = sha256(dbPath);
      const size = fs.statSync(dbPath).size;

      let guardReason: string | undefined;
      try {
        inspectDatabaseFile(dbPath, migrations);
      } catch (error) {
        if (!(error instanceof DatabaseRefusedError)) throw error;
        guardReason = error.reason;
      }
      expect(guardReason).toBe(reason);

      const outcome = await startDatabase({ dbPath });
      if (outcome.ok) outcome.db.close();
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.reason).toBe(reason);

      expect(fs.statSync(dbPath).size).toBe(size);
      expect(sha256(dbPath)).toBe(before);
    },
  );

  it('tried every kind of hostile file listed in the issue', () => {
    console.log(`hostile files tried: ${cases.length}`);
    expect(new Set(cases.map((c) => c.reason))).toEqual(
      new Set([
        'empty-file',
        'not-a-database',
        'corrupt',
        'from-the-future',
        'out-of-sync',
        'unknown-schema',
        'read-only',
      ]),
    );
  });
});
