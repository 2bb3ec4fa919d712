/** 0008 adds follows and the directory's sort key: existing profiles get their key, so they sort naturally. */
import { describe, expect } from 'vitest';
import { naturalKey } from '../../../electron/db/natural-key';
import { insertRows, migrateTo, test } from '../../fixtures/index';

describe('0008-create-follows-and-natural-sort-key', () => {
  test('fills the sort key of every existing profile', async ({ db }) => {
    await migrateTo(db, '0005-never-reuse-ids-and-write-keys');
    insertRows(
      db,
      'users',
      ['sam79', 'Sam9', 'sam100'].map((username) => ({ username, email: `${username}@example.com` })),
    );
    await migrateTo(db, '0008-create-follows-and-natural-sort-key');
    const rows = db.prepare('SELECT username, sort_key AS key FROM users ORDER BY sort_key').all();
    expect(rows).toEqual([
      { username: 'Sam9', key: naturalKey('Sam9') },
      { username: 'sam79', key: naturalKey('sam79') },
      { username: 'sam100', key: naturalKey('sam100') },
    ]);
  });
});
