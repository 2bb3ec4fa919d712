/**
 * One generated migration per kind of schema change, each applied to a database with users,
 * posts, a draft and a setting, compared with the declared schema, then reverted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../electron/cli/migrations-folder';
import { tryChange } from './scenario';

const USERS_END = /(sort_key +TEXT NOT NULL DEFAULT '')\n\) STRICT;/;
const addToUsers = (column: string) => (sql: string) => sql.replace(USERS_END, `$1,\n  ${column}\n) STRICT;`);

describe('db migrate, kind by kind', () => {
  it('adds a table (with a foreign key) by CREATE TABLE, and down drops it', async () => {
    const change = await tryChange(
      (sql) =>
        `${sql}\nCREATE TABLE mutes (\n  muter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n  muted_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n  PRIMARY KEY (muter_id, muted_id)\n) STRICT;\n`,
    );
    expect(change.source).toContain('CREATE TABLE mutes');
    expect(change.source).not.toContain('foreignKeys');
    expect(change.after).toEqual({ ...change.before, mutes: 0 });
    await change.down();
  });

  it('refuses to drop a table without --allow-data-loss, and drops it with it', async () => {
    const drop = (sql: string) => sql.replace(/CREATE TABLE settings \([^;]*;/, '');
    await expect(tryChange(drop)).rejects.toThrow(
      /Refused without --allow-data-loss: step 1 drops table settings/,
    );
    const change = await tryChange(drop, { allowDataLoss: true });
    expect(change.source).toMatch(/DESTRUCTIVE: drops table settings and every row in it/);
    const { settings, ...rest } = change.before;
    expect(settings).toBe(1);
    expect(change.after).toEqual(rest);
    await change.down();
  });

  it('adds a nullable column by ALTER TABLE ADD COLUMN, keeping every row', async () => {
    const change = await tryChange(addToUsers('bio TEXT CONSTRAINT bio_length CHECK (length(bio) <= 500)'));
    expect(change.source).toContain('ALTER TABLE users ADD COLUMN bio TEXT');
    expect(change.after).toEqual(change.before);
    expect(change.db.prepare('SELECT count(*) FROM users WHERE bio IS NULL').pluck().get()).toBe(2);
    await change.down();
  });

  it('adds a NOT NULL column with a default by ALTER TABLE, existing rows getting the default', async () => {
    const change = await tryChange((sql) =>
      sql.replace(
        /(user_id\s+INTEGER NOT NULL REFERENCES users \(id\) ON DELETE CASCADE)\n\) STRICT;/,
        '$1,\n  pinned INTEGER NOT NULL DEFAULT 0\n) STRICT;',
      ),
    );
    expect(change.source).toContain('ALTER TABLE posts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0');
    expect(change.db.prepare('SELECT DISTINCT pinned FROM posts').pluck().all()).toEqual([0]);
    await change.down();
  });

  it('refuses a NOT NULL column without a default unless --default gives existing rows a value', async () => {
    const edit = addToUsers('nickname TEXT NOT NULL');
    await expect(tryChange(edit)).rejects.toThrow(
      /users\.nickname is NOT NULL without a default.*--default users\.nickname=VALUE/,
    );
    const change = await tryChange(edit, { defaults: ["users.nickname='someone'"] });
    expect(change.source).toContain("foreignKeys = 'off'");
    expect(change.db.prepare('SELECT DISTINCT nickname FROM users').pluck().all()).toEqual(['someone']);
    expect(change.after).toEqual(change.before);
    await change.down();
    expect(change.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(change.before.posts);
  });

  it('drops a column only with --allow-data-loss, by ALTER TABLE DROP COLUMN', async () => {
    const edit = (sql: string) =>
      sql.replace(/\n {2}password_hash TEXT\n {4}CONSTRAINT password_hash_length CHECK \([^\n]*\),/, '');
    await expect(tryChange(edit)).rejects.toThrow(/drops column users\.password_hash and its values/);
    const change = await tryChange(edit, { allowDataLoss: true });
    expect(change.source).toContain('ALTER TABLE users DROP COLUMN password_hash');
    expect(change.after).toEqual(change.before);
    await change.down();
  });

  it('renames a column when told to, keeping its values (and its index and checks follow it)', async () => {
    const edit = (sql: string) =>
      sql.replace(/\bemail\b/g, 'contact').replace('ix_users_contact', 'ix_users_email');
    const change = await tryChange(edit, { renames: ['users.email=users.contact'] });
    expect(change.source).toContain('ALTER TABLE users RENAME COLUMN email TO contact');
    expect(change.db.prepare('SELECT contact FROM users ORDER BY id').pluck().all()).toEqual([
      'susan@example.com',
      'bob@example.com',
    ]);
    await change.down();
    expect(change.db.prepare('SELECT email FROM users ORDER BY id').pluck().get()).toBe('susan@example.com');
  });

  it('renames a table when told to (otherwise it is a drop and an add), keeping its rows', async () => {
    const edit = (sql: string) => sql.replace('CREATE TABLE settings (', 'CREATE TABLE preferences (');
    await expect(tryChange(edit)).rejects.toThrow(/drops table settings/);
    const change = await tryChange(edit, { renames: ['settings=preferences'] });
    expect(change.source).toContain('ALTER TABLE settings RENAME TO preferences');
    expect(change.db.prepare('SELECT value FROM preferences').pluck().all()).toEqual(['1']);
    await change.down();
    expect(change.db.prepare('SELECT value FROM settings').pluck().all()).toEqual(['1']);
  });

  it('changes a CHECK by rebuilding the table: marked, refused without the flag, every post kept', async () => {
    const edit = (sql: string) => sql.replace('CHECK (length(body) <= 2240)', 'CHECK (length(body) <= 4480)');
    await expect(tryChange(edit)).rejects.toThrow(/adds or changes a CHECK on posts\.body/);
    const change = await tryChange(edit, { allowDataLoss: true });
    expect(change.source).toMatch(/Rebuild posts[\s\S]*INSERT INTO _new_posts/);
    expect(change.after).toEqual(change.before);
    const long = 'x'.repeat(3000);
    change.db.prepare('INSERT INTO posts (body, user_id) VALUES (?, 1)').run(long);
    // The old CHECK no longer holds for that row: down fails as a whole and changes nothing.
    await expect(change.down()).rejects.toThrow(/CHECK constraint failed/);
    expect(change.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(
      (change.before.posts ?? 0) + 1,
    );
    change.db.prepare('DELETE FROM posts WHERE body = ?').run(long);
    await change.down();
  });

  it('changes a type by rebuilding, keeping the values', async () => {
    const edit = (sql: string) => sql.replace('value TEXT NOT NULL', 'value ANY NOT NULL');
    await expect(tryChange(edit)).rejects.toThrow(/changes the type of settings\.value from "text" to "any"/);
    const change = await tryChange(edit, { allowDataLoss: true });
    expect(change.db.prepare(`SELECT value FROM settings WHERE key = 'active_user'`).pluck().get()).toBe('1');
    await change.down();
  });

  it('adds and drops indexes (plain and unique) without touching the tables', async () => {
    const change = await tryChange((sql) =>
      sql
        .replace(
          /CREATE INDEX ix_posts_timestamp_user_id ON posts \(timestamp DESC, id DESC, user_id\);\n/,
          '',
        )
        .replace('CREATE UNIQUE INDEX ix_users_email ON users (email);\n', '')
        .concat('CREATE INDEX ix_drafts_updated_at ON drafts (updated_at);\n')
        .concat('CREATE UNIQUE INDEX ix_posts_user_body ON posts (user_id, body);\n'),
    );
    expect(change.source).toContain('DROP INDEX ix_posts_timestamp_user_id');
    expect(change.source).toContain('DROP INDEX ix_users_email');
    expect(change.source).toContain('CREATE UNIQUE INDEX ix_posts_user_body ON posts (user_id, body)');
    expect(change.source).not.toMatch(/TABLE/);
    expect(change.after).toEqual(change.before);
    await change.down();
  });

  it('adds a foreign key (a new referencing column) by ALTER, and drops one by rebuilding', async () => {
    const added = await tryChange((sql) =>
      sql.replace(
        /(user_id\s+INTEGER NOT NULL REFERENCES users \(id\) ON DELETE CASCADE)\n\) STRICT;/,
        '$1,\n  reply_to INTEGER REFERENCES posts (id) ON DELETE SET NULL\n) STRICT;',
      ),
    );
    expect(added.source).toContain('ADD COLUMN reply_to INTEGER REFERENCES posts (id) ON DELETE SET NULL');
    await added.down();
    const dropped = await tryChange((sql) =>
      sql.replace(
        /(CREATE TABLE drafts \(\n {2}user_id +INTEGER PRIMARY KEY) REFERENCES users \(id\) ON DELETE CASCADE/,
        '$1',
      ),
    );
    expect(dropped.source).toContain('Rebuild drafts');
    expect(dropped.db.pragma('foreign_key_list(drafts)')).toEqual([]);
    expect(dropped.after).toEqual(dropped.before);
    await dropped.down();
  });

  it('adds a trigger, then drops it again from a chain that has it', async () => {
    const trigger = `CREATE TRIGGER drafts_touch AFTER UPDATE OF body ON drafts BEGIN\n  UPDATE drafts SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE user_id = NEW.user_id;\nEND;\n`;
    const added = await tryChange((sql) => `${sql}\n${trigger}`);
    expect(added.source).toContain('CREATE TRIGGER drafts_touch');
    // The declared schema's own triggers (search index, outbox) are in every chain; only
    // drafts_touch comes and goes.
    const declared = fs.readFileSync(path.join(MIGRATIONS_DIR, 'schema.sql'), 'utf8');
    const own = new Set([...declared.matchAll(/CREATE TRIGGER (\w+)/g)].map((m) => String(m[1])));
    const triggers = (db: typeof added.db) =>
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
        .pluck()
        .all()
        .filter((name) => !own.has(String(name)));
    expect(triggers(added.db)).toEqual(['drafts_touch']);
    const dropped = await tryChange((sql) => sql.replace(trigger, ''), {}, added);
    expect(dropped.source).toContain('DROP TRIGGER drafts_touch');
    expect(triggers(dropped.db)).toEqual([]);
    await dropped.down();
    expect(triggers(dropped.db)).toEqual(['drafts_touch']);
    await added.down();
    expect(triggers(added.db)).toEqual([]);
  });
});
