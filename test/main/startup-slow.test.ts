import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MigrationModule } from '../../electron/db/migration-types';
import { migrations } from '../../migrations/index';
import { backupsOf, observe, seedDatabase, start, tempDir } from '../fixtures/index';

describe('startDatabase, backup rotation and the slow notice', () => {
  it('keeps only the newest backups, and never touches files it did not name', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    const folder = path.join(dir, 'backups');
    fs.mkdirSync(folder);
    const old = [
      'microblog-2020-01-01T00-00-00Z-before-0003-create-drafts.db',
      'microblog-2021-01-01T00-00-00Z-before-0003-create-drafts.db',
      'microblog-2022-01-01T00-00-00Z-before-0003-create-drafts.db',
      'microblog-2023-01-01T00-00-00Z-before-0003-create-drafts.db',
    ];
    // Real SQLite files: only those count as backups.
    for (const name of old) {
      const file = path.join(folder, name);
      new Database(file).exec('CREATE TABLE t (x)').close();
      const at = new Date(`${name.slice(10, 14)}-01-01T00:00:00Z`);
      fs.utimesSync(file, at, at);
    }
    fs.writeFileSync(path.join(folder, 'my-own-copy.db'), 'mine');
    await seedDatabase(dbPath, { migrations: migrations.slice(0, 2) });
    const outcome = await start({ dbPath, keepBackups: 3 });
    if (!outcome.ok) throw new Error(outcome.message);
    const made = path.basename(outcome.backupPath as string);
    expect(backupsOf(dir)).toEqual([old[2], old[3], made, 'my-own-copy.db'].sort());
    observe('rotation keep=3', { left: backupsOf(dir) });
  });

  it('shows it is working before migrating once startup is slow, never when quick, never after the fact', async () => {
    const dir = tempDir();
    const events: string[] = [];
    const recorder = (name: string): MigrationModule => ({
      name,
      up: () => {
        events.push(`migrating ${name}`);
        const until = Date.now() + 80;
        while (Date.now() < until);
      },
      down: () => undefined,
    });
    const onSlow = () => {
      events.push('slow');
    };

    const quick = await start({ dbPath: path.join(dir, 'a.db'), onSlow });
    expect(quick.ok).toBe(true);
    expect(events).toEqual([]);

    // Already slow before migrating (here: at once): the window comes first.
    const dbPath = path.join(dir, 'b.db');
    await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 5 });
    await start({ dbPath, migrations: [...migrations, recorder('0005-a')], slowAfterMs: 0, onSlow });
    expect(events).toEqual(['slow', 'migrating 0005-a']);

    // Slow only inside a blocking migration: a window after the work is done would just flash.
    events.length = 0;
    await start({
      dbPath: path.join(dir, 'c.db'),
      migrations: [...migrations, recorder('0005-b'), recorder('0006-c')],
      slowAfterMs: 50,
      onSlow,
    });
    expect(events).toEqual(['migrating 0005-b', 'migrating 0006-c']);
  });

  it('on a large file, shows it is working before pending migrations start, and waits until that is shown', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'large.db');
    const first = await start({ dbPath, migrations: migrations.slice(0, 2) });
    if (!first.ok) throw new Error(first.message);
    first.db.close();
    const events: string[] = [];
    const outcome = await start({
      dbPath,
      largeDatabaseBytes: 1,
      onSlow: async () => {
        events.push('slow');
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push('shown');
      },
      migrations: [
        ...migrations,
        {
          name: '0005-records-when-it-runs',
          up: () => {
            events.push('migrating');
          },
          down: () => undefined,
        },
      ],
    });
    expect(outcome.ok).toBe(true);
    expect(events).toEqual(['slow', 'shown', 'migrating']);
  });
});
